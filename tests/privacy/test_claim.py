""" "I wrote this": claiming a post written without an account by proving the email address
it was written with, without the page ever revealing that address or whether there is one."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from mindwell.accounts.models import User
from mindwell.privacy.services.claims import REQUESTS_PER_MEMBER_PER_HOUR, SENT_MESSAGE
from mindwell.privacy.tokens import claim_token
from mindwell.qa.models import Post
from mindwell.qa.services import answer_create, best_answer_select, question_create
from mindwell.qa.services.common import Poster
from mindwell.reputation.rules import current_rules
from mindwell.siteconfig.models import SiteSettings
from mindwell.votes.models import Vote
from mindwell.votes.services import vote_cast
from tests.factories import category, make_answer, make_question
from tests.moderation.moderation_helpers import assert_points_consistent, make_admin
from tests.privacy.privacy_helpers import ask_anonymously, text

pytestmark = pytest.mark.django_db

ADDRESS = "night.owl.writer@private.example"


def visitor_answer(question: Post, *, email: str = ADDRESS) -> Post:
    return answer_create(
        poster=Poster(name="Night Owl", email=email, ip="198.51.100.9"),
        question=question,
        body="I wrote in a journal every night, and it slowly helped me sleep.",
    )


def visitor_question(*, email: str = ADDRESS) -> Post:
    site = SiteSettings.current()
    site.anonymous_questions = True
    site.save()
    return question_create(
        poster=Poster(name="Night Owl", email=email, ip="198.51.100.9"),
        title="Why do I feel lonely even with friends around?",
        body="I am surrounded by people but feel alone.",
        category_id=category().pk,
        tags="loneliness",
    )


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def request_link(client: Client, post: Post, capture) -> str:  # type: ignore[no-untyped-def]
    with capture(execute=True):
        response = client.post(f"/privacy/claim/{post.pk}/")
    assert response.status_code == 200
    assert SENT_MESSAGE in text(response)
    return text(response)


def link_from_mail() -> str:
    match = re.search(r"http://testserver(/privacy/claim/confirm/\S+/)", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(1)


def test_members_see_i_wrote_this_on_posts_without_an_account(member, question):
    with_email = visitor_answer(question)
    without_email = visitor_answer(question, email="")
    html = text(logged_in(member).get(question.get_absolute_url()))
    assert f'href="/privacy/claim/{with_email.pk}/"' in html
    # Offered whether or not there is an address, so the offer reveals nothing.
    assert f'href="/privacy/claim/{without_email.pk}/"' in html
    assert f'href="/privacy/claim/{question.pk}/"' not in html  # the member's own question
    assert ADDRESS not in html
    assert "/privacy/claim/" not in text(Client().get(question.get_absolute_url()))


def test_the_link_goes_to_the_posts_address_and_the_page_says_the_same_either_way(
    member, question, django_capture_on_commit_callbacks
):
    with_email = visitor_answer(question)
    without_email = visitor_answer(question, email="")
    client = logged_in(member)
    page_with = request_link(client, with_email, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[ADDRESS]]
    assert mail.outbox[0].subject == "Did you write this post?"
    page_without = request_link(client, without_email, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1  # nothing to send to
    assert ADDRESS not in page_with and "night.owl" not in page_with
    strip = re.compile(r"\d+|csrfmiddlewaretoken\" value=\"[^\"]+")
    assert strip.sub("", page_with) == strip.sub("", page_without)


def test_following_the_link_moves_the_post_and_its_points(
    member, question, other_member, django_capture_on_commit_callbacks
):
    answer = visitor_answer(question)
    vote_cast(user=other_member, post=answer, value=1)
    client = logged_in(member)
    request_link(client, answer, django_capture_on_commit_callbacks)
    url = link_from_mail()
    before = User.objects.get(pk=member.pk).points
    page = client.get(url)
    assert page.status_code == 200
    assert "Move it into my account" in text(page)
    assert Post.objects.get(pk=answer.pk).author_id is None  # opening the link is not enough
    response = client.post(url)
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.author == member
    assert (answer.anon_name, answer.anon_email) == ("", "")
    rules = current_rules()
    gained = rules.answer_posted() + rules.votes_received(kind="A", upvotes=1, downvotes=0)
    assert User.objects.get(pk=member.pk).points == before + gained
    assert_points_consistent()
    assert client.post(url).status_code == 400  # once only


def test_the_link_works_only_for_the_member_who_asked(
    member, other_member, question, django_capture_on_commit_callbacks
):
    answer = visitor_answer(question)
    request_link(logged_in(member), answer, django_capture_on_commit_callbacks)
    url = link_from_mail()
    response = logged_in(other_member).post(url)
    assert response.status_code == 403
    assert "This link was sent for another account" in text(response)
    assert Post.objects.get(pk=answer.pk).author_id is None
    anonymous_visit = Client().get(url)
    assert anonymous_visit.status_code == 302 and "/login/" in anonymous_visit["Location"]


def test_a_tampered_or_stale_link_is_refused(member, question):
    answer = visitor_answer(question)
    client = logged_in(member)
    response = client.post("/privacy/claim/confirm/not-a-token/")
    assert response.status_code == 400
    assert "This link is not valid or has expired" in text(response)
    wrong_address = claim_token(post_id=answer.pk, user_id=member.pk, email="else@example.test")
    response = client.post(f"/privacy/claim/confirm/{wrong_address}/")
    assert response.status_code == 400
    assert "can no longer be claimed" in text(response)
    assert Post.objects.get(pk=answer.pk).author_id is None


def test_claim_requests_are_limited(member, question, django_capture_on_commit_callbacks):
    answer = visitor_answer(question)
    client = logged_in(member)
    for _ in range(REQUESTS_PER_MEMBER_PER_HOUR):
        request_link(client, answer, django_capture_on_commit_callbacks)
    response = client.post(f"/privacy/claim/{answer.pk}/")
    assert response.status_code == 429
    assert "Please wait an hour" in text(response)


def test_posts_with_an_account_cannot_be_claimed(member, other_member):
    named = make_question(other_member)
    response = logged_in(member).post(f"/privacy/claim/{named.pk}/")
    assert response.status_code == 403
    assert len(mail.outbox) == 0


def test_a_pseudonymous_post_is_never_sent_anywhere(
    member, other_member, django_capture_on_commit_callbacks
):
    secret = ask_anonymously(other_member)
    request_link(logged_in(member), secret, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 0
    assert Post.objects.get(pk=secret.pk).pseudonym.user == other_member


def test_claiming_a_post_one_voted_on_withdraws_the_vote(
    member, question, django_capture_on_commit_callbacks
):
    answer = visitor_answer(question)
    vote_cast(user=member, post=answer, value=1)
    client = logged_in(member)
    request_link(client, answer, django_capture_on_commit_callbacks)
    client.post(link_from_mail())
    answer.refresh_from_db()
    assert answer.author == member
    assert (answer.score, answer.upvotes) == (0, 0)
    assert not Vote.objects.filter(post=answer).exists()
    assert_points_consistent()


@pytest.mark.parametrize("claimer_wrote_the_best_answer", [True, False])
def test_claiming_a_question_moves_the_selection_points(
    member, other_member, claimer_wrote_the_best_answer, django_capture_on_commit_callbacks
):
    question = visitor_question()
    answerer = member if claimer_wrote_the_best_answer else other_member
    best = make_answer(question, answerer)
    # A moderator selects for the visitor, who cannot log in to do it.
    best_answer_select(question=question, answer=best, user=make_admin("keeperofpeace"))
    client = logged_in(member)
    request_link(client, question, django_capture_on_commit_callbacks)
    assert client.post(link_from_mail()).status_code == 302
    assert Post.objects.get(pk=question.pk).author == member
    assert_points_consistent()


def test_claiming_a_best_answer_gives_both_sides_their_selection_points(
    member, other_member, django_capture_on_commit_callbacks
):
    question = make_question(other_member)
    answer = visitor_answer(question)
    best_answer_select(question=question, answer=answer, user=other_member)
    asker_before = User.objects.get(pk=other_member.pk).points
    client = logged_in(member)
    request_link(client, answer, django_capture_on_commit_callbacks)
    client.post(link_from_mail())
    rules = current_rules()
    assert User.objects.get(pk=other_member.pk).points == asker_before + rules.selecting()
    assert_points_consistent()
