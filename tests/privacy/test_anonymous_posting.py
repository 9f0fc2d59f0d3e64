"""Posting anonymously while logged in: the post shows a stable pseudonym, never the member,
and only moderators are told who wrote it."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from mindwell.accounts.models import User
from mindwell.privacy.models import Pseudonym
from mindwell.privacy.pseudonyms import ADJECTIVES, NOUNS
from mindwell.qa.models import Post, PostStatus
from mindwell.qa.services import post_edit
from mindwell.reputation.rules import current_rules
from mindwell.siteconfig.models import SiteSettings
from mindwell.votes.services import vote_cast
from tests.factories import category, make_question, make_user
from tests.moderation.moderation_helpers import assert_points_consistent, make_moderator
from tests.privacy.privacy_helpers import (
    answer_anonymously,
    ask_anonymously,
    comment_anonymously,
    text,
)

pytestmark = pytest.mark.django_db

WRITER = "harbourlight77"


@pytest.fixture
def writer() -> User:
    return make_user(WRITER)


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- how the post is stored --------------------------------------------------------------


def test_anonymous_post_has_no_author_and_shows_the_pseudonym(writer):
    question = ask_anonymously(writer)
    pseudonym = Pseudonym.objects.get(user=writer)
    assert question.author_id is None
    assert question.pseudonym_id == pseudonym.pk
    assert question.anon_name == pseudonym.name
    assert question.display_name == pseudonym.name
    assert question.anon_email == ""
    adjective, noun, number = pseudonym.name.split()
    assert adjective in ADJECTIVES and noun in NOUNS and 1000 <= int(number) <= 9999


def test_the_pseudonym_is_stable_per_member_and_differs_between_members(writer, member):
    first = ask_anonymously(writer)
    answer = answer_anonymously(first, writer)
    comment = comment_anonymously(answer, writer)
    others = ask_anonymously(member, title="Is it normal to cry at work sometimes?")
    assert first.pseudonym_id == answer.pseudonym_id == comment.pseudonym_id
    assert first.anon_name == answer.anon_name == comment.anon_name
    assert others.pseudonym_id != first.pseudonym_id
    assert others.anon_name != first.anon_name
    assert Pseudonym.objects.count() == 2


def test_anonymous_posts_earn_no_points_and_votes_on_them_neither(writer, member):
    question = ask_anonymously(writer)
    answer = answer_anonymously(make_question(member), writer)
    before = User.objects.get(pk=writer.pk).points
    assert before == current_rules().base
    vote_cast(user=member, post=question, value=1)
    vote_cast(user=member, post=answer, value=1)
    assert User.objects.get(pk=writer.pk).points == before
    assert_points_consistent()


def test_the_writer_cannot_vote_on_their_own_anonymous_post(writer):
    question = ask_anonymously(writer)
    from mindwell.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied, match="your own post"):
        vote_cast(user=writer, post=question, value=1)
    assert Post.objects.get(pk=question.pk).score == 0


def test_editing_an_anonymous_post_does_not_name_the_writer(writer):
    question = ask_anonymously(writer)
    post_edit(post=question, editor=writer, body="Edited: I have been low for a year now.")
    question.refresh_from_db()
    revision = question.revisions.get()
    assert question.edited_by_id is None
    assert revision.editor_id is None
    assert question.body.startswith("Edited:")


def test_a_queued_anonymous_post_is_visible_to_its_writer_only(writer, member):
    site = SiteSettings.current()
    site.premoderate_new_member_days = 30
    site.save()
    question = ask_anonymously(writer)
    assert question.status == PostStatus.QUEUED
    assert Post.objects.visible_to(writer).filter(pk=question.pk).exists()
    assert not Post.objects.visible_to(member).filter(pk=question.pk).exists()
    assert logged_in(writer).get(question.get_absolute_url()).status_code == 200
    assert logged_in(member).get(question.get_absolute_url()).status_code == 404


# --- the pages ---------------------------------------------------------------------------


def test_readers_see_the_pseudonym_and_nothing_of_the_member(writer, member):
    question = ask_anonymously(writer)
    answer = answer_anonymously(make_question(member), writer)
    for client in (Client(), logged_in(member)):
        for post in (question, answer):
            html = client.get(post.get_absolute_url(), follow=True).content.decode()
            assert post.anon_name in html
            assert WRITER not in html
            assert f"/users/{WRITER}/" not in html
            assert "posted anonymously by" not in html


def test_moderators_are_told_who_wrote_it(writer):
    question = ask_anonymously(writer)
    html = text(logged_in(make_moderator()).get(question.get_absolute_url()))
    assert f"(posted anonymously by {WRITER}; only moderators see this)" in re.sub(
        r"<[^>]+>", "", html
    )
    assert f'href="/moderation/user/{WRITER}/"' in html


def test_moderation_pages_name_the_writer(writer):
    question = ask_anonymously(writer)
    html = text(logged_in(make_moderator()).get(f"/moderation/post/{question.pk}/"))
    assert "posted anonymously by" in html
    assert WRITER in html
    assert "(no account)" not in html


def test_the_writer_sees_it_is_theirs_and_can_edit_it(writer):
    question = ask_anonymously(writer)
    client = logged_in(writer)
    html = text(client.get(question.get_absolute_url()))
    assert "(you, anonymously: only you and the moderators know)" in html
    assert f'href="/posts/{question.pk}/edit/"' in html
    response = client.post(
        f"/posts/{question.pk}/edit/",
        {"title": question.title, "body": "A clearer version of my question.", "category": ""},
    )
    assert response.status_code == 302
    html = text(client.get(question.get_absolute_url(), follow=True))
    assert "A clearer version of my question." in html
    assert f"edited by {question.anon_name}" in re.sub(r"<[^>]+>|\s+", " ", html).replace("  ", " ")
    assert WRITER not in text(Client().get(f"/posts/{question.pk}/history/"))


def test_members_get_the_checkbox_and_visitors_do_not(writer, question):
    member_html = text(logged_in(writer).get("/ask/"))
    assert 'name="post_anonymously"' in member_html
    assert "Post anonymously (your pseudonym is shown instead of your name)" in member_html
    page = text(logged_in(writer).get(question.get_absolute_url()))
    assert page.count('name="post_anonymously"') >= 2  # the answer form and comment forms
    assert 'name="post_anonymously"' not in text(Client().get(question.get_absolute_url()))


def test_asking_answering_and_commenting_anonymously_through_the_forms(writer, question):
    client = logged_in(writer)
    response = client.post(
        "/ask/",
        {
            "title": "How can I sleep when my thoughts keep racing?",
            "body": "Every night it takes me hours to fall asleep.",
            "category": category().pk,
            "tags": "sleep",
            "post_anonymously": "on",
        },
    )
    assert response.status_code == 302
    asked = Post.objects.get(title="How can I sleep when my thoughts keep racing?")
    assert asked.author_id is None and asked.pseudonym.user == writer
    response = client.post(
        f"/questions/{question.pk}/answer/",
        {"body": "A short walk after dinner helps me a lot.", "post_anonymously": "on"},
    )
    assert response.status_code == 302
    answer = Post.objects.get(body="A short walk after dinner helps me a lot.")
    assert answer.author_id is None and answer.pseudonym_id == asked.pseudonym_id
    response = client.post(
        f"/posts/{question.pk}/comment/",
        {"body": "Thank you for asking this.", "post_anonymously": "on"},
    )
    assert response.status_code == 302
    comment = Post.objects.get(body="Thank you for asking this.")
    assert comment.author_id is None and comment.pseudonym_id == asked.pseudonym_id
    named = client.post(f"/questions/{question.pk}/answer/", {"body": "Under my own name."})
    assert named.status_code == 302
    assert Post.objects.get(body="Under my own name.").author == writer


def test_a_refused_anonymous_answer_keeps_the_text_and_the_choice(writer, question):
    response = logged_in(writer).post(
        f"/questions/{question.pk}/answer/", {"body": "Too short", "post_anonymously": "on"}
    )
    assert response.status_code == 400
    html = text(response)
    assert "Too short" in html
    assert re.search(r'<input[^>]*name="post_anonymously"[^>]*checked', html)


def test_the_question_page_costs_the_same_however_many_anonymous_posts(
    writer, member, django_assert_max_num_queries
):
    question = make_question(member)
    moderator = make_moderator()
    answer_anonymously(question, writer)
    clients = {"member": logged_in(member), "moderator": logged_in(moderator), "writer": None}
    clients["writer"] = logged_in(writer)
    url = question.get_absolute_url()
    baseline = {}
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for name, client in clients.items():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        baseline[name] = len(queries)
    for n in range(6):
        author = make_user(f"anonwriter{n}")
        answer = answer_anonymously(question, author, body=f"Anonymous answer number {n} here.")
        comment_anonymously(answer, author)
    for name, client in clients.items():
        with django_assert_max_num_queries(baseline[name]):
            assert client.get(url).status_code == 200


def test_no_list_feed_search_or_profile_ties_the_post_to_the_member(writer, member):
    question = ask_anonymously(writer, title="How do I tell my partner about my panic attacks?")
    answer = answer_anonymously(make_question(member), writer, body="Panic attacks pass, truly.")
    for url in (
        "/",
        "/activity/",
        "/feeds/recent.rss",
        "/feeds/recent.atom",
        f"/questions/{question.pk}/feed.rss",
        f"/questions/{answer.question_id}/feed.rss",
        "/search/?q=panic",
    ):
        response = Client().get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert WRITER not in body, url
    search = text(Client().get("/search/?q=panic"))
    assert question.anon_name in search
    profile = text(logged_in(member).get(f"/users/{WRITER}/"))
    assert question.title not in profile
    assert "Panic attacks pass" not in profile


def test_the_safety_case_of_an_anonymous_post_names_the_writer_to_moderators(writer):
    from mindwell.safety.services import case_raise

    question = ask_anonymously(writer)
    case = case_raise(
        post=question,
        level="crisis",
        source="flag",
        reasons=[{"rule": "flag", "phrase": "person at risk", "level": "crisis"}],
    )
    assert case is not None
    html = text(logged_in(make_moderator()).get(f"/safety/queue/{case.pk}/"))
    assert "posted anonymously by" in html
    assert f'href="/moderation/user/{WRITER}/"' in html


def test_the_writer_cannot_flag_their_own_anonymous_post(writer, member):
    from mindwell.moderation.permissions import flag_refusal

    question = ask_anonymously(writer)
    assert flag_refusal(writer, question) == (
        "You cannot flag your own post; you can edit it instead."
    )
    assert flag_refusal(member, question) is None
    assert f'href="/moderation/flag/{question.pk}/' not in text(
        logged_in(writer).get(question.get_absolute_url())
    )
