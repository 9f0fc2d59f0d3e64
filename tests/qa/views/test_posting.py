"""Posting through the forms, as a browser would: what is created, and what a person sees
when something is refused (a clear message, and their text still there)."""

from __future__ import annotations

import html as html_lib
import json

import pytest
from django.test import Client

from mindwell.qa.models import Post, PostKind, Revision
from mindwell.qa.services import best_answer_select
from mindwell.siteconfig.models import SiteSettings
from mindwell.votes.models import Vote
from tests.factories import category, make_answer, make_question, make_user

pytestmark = pytest.mark.django_db

TITLE = "How can I stop overthinking before I sleep?"
BODY = "Every night my thoughts race about work and family."
ANSWER = "Writing worries down before bed helps me a lot."


def text(response) -> str:
    return html_lib.unescape(response.content.decode())


def question_data(**overrides):
    data = {
        "title": TITLE,
        "body": BODY,
        "category": str(category("anxiety").pk),
        "tags": "sleep worry",
        "submit_token": "tok-question-1",
    }
    data.update(overrides)
    return data


def answer_data(**overrides):
    data = {"body": ANSWER, "submit_token": "tok-answer-1"}
    data.update(overrides)
    return data


def set_site(**fields) -> None:
    site = SiteSettings.current()
    for name, value in fields.items():
        setattr(site, name, value)
    site.save()


# --- asking ---------------------------------------------------------------------------------


def test_member_asks_and_is_redirected_to_the_new_question(client, member):
    client.force_login(member)
    assert client.get("/ask/").status_code == 200
    response = client.post("/ask/", question_data())
    question = Post.objects.get(kind=PostKind.QUESTION)
    assert response.status_code == 302
    assert response["Location"] == question.get_absolute_url()
    assert (question.title, question.author, question.category.slug) == (TITLE, member, "anxiety")
    page = client.get(response["Location"])
    assert "Your question is posted." in text(page)
    assert TITLE in text(page)


def test_ask_requires_an_account_by_default(client, db):
    response = client.get("/ask/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/ask/")


@pytest.mark.parametrize(
    ("overrides", "message", "kept"),
    [
        ({"title": ""}, "Please write a title for your question.", BODY),
        ({"title": "   "}, "Please write a title for your question.", BODY),
        ({"title": "Short?"}, "The title is too short", "Short?"),
        ({"title": "Why " + "very " * 40 + "long?"}, "The title is too long", "very very"),
        ({"category": "999999"}, "That category does not exist", TITLE),
        ({"category": ""}, "Please choose a category.", TITLE),
        (
            {"tags": "one two three four five six"},
            "Please use at most 5 tags (you gave 6)",
            "one two three four five six",
        ),
        ({"tags": "<b>"}, "can use only letters", TITLE),
        ({"body": "x" * 12001}, "too long", TITLE),
        ({"website": "http://spam.example"}, "automated", BODY),
    ],
)
def test_bad_question_input_gets_a_message_and_keeps_the_text(
    client, member, overrides, message, kept
):
    client.force_login(member)
    response = client.post("/ask/", question_data(**overrides))
    assert response.status_code == 400
    page = text(response)
    assert message in page
    assert kept in page
    assert BODY in page or "body" in overrides
    assert not Post.objects.exists()


def test_ask_preview_shows_rendered_text_without_posting(client, member):
    client.force_login(member)
    response = client.post("/ask/", question_data(body="I feel **very** tired.", preview="1"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "<strong>very</strong>" in page
    assert "I feel **very** tired." in page  # still in the textarea
    assert TITLE in page
    assert not Post.objects.exists()


def test_double_submit_of_a_question_creates_one_post(client, member):
    client.force_login(member)
    first = client.post("/ask/", question_data())
    second = client.post("/ask/", question_data())
    question = Post.objects.get()
    assert first["Location"] == second["Location"] == question.get_absolute_url()
    assert "already posted" in text(client.get(second["Location"]))


def test_ask_a_related_question_links_back_to_the_answer(client, question, other_member):
    answer = make_answer(question)
    page = text(client.get(question.get_absolute_url()))
    assert f'href="/ask/?from_answer={answer.pk}"' in page

    client.force_login(other_member)
    form = text(client.get(f"/ask/?from_answer={answer.pk}"))
    assert "link back" in form
    assert f'name="from_answer" value="{answer.pk}"' in form
    response = client.post(
        "/ask/", question_data(from_answer=str(answer.pk), title="What if breathing does not help?")
    )
    follow_up = Post.objects.get(title="What if breathing does not help?")
    assert follow_up.asked_from == answer
    assert response["Location"] == follow_up.get_absolute_url()
    page = text(client.get(follow_up.get_absolute_url()))
    assert "This question follows up on" in page
    assert f'href="{answer.get_absolute_url()}"' in page


# --- answering ------------------------------------------------------------------------------


def test_visitor_answers_with_name_and_private_email(client, question):
    response = client.post(
        f"/questions/{question.pk}/answer/",
        answer_data(anon_name="Robin", anon_email="robin@private.example", notify="on"),
    )
    answer = Post.objects.select_related("question").get(kind=PostKind.ANSWER)
    assert response.status_code == 302
    assert response["Location"] == answer.get_absolute_url()
    assert answer.author is None
    assert (answer.anon_name, answer.anon_email, answer.notify) == (
        "Robin",
        "robin@private.example",
        True,
    )
    assert answer.author_ip == "127.0.0.1"
    page = text(client.get(question.get_absolute_url()))
    assert "Thank you — your answer is posted." in page
    assert "Robin" in page
    assert "robin@private.example" not in page


def test_visitor_answer_without_email_does_not_ask_for_notifications(client, question):
    client.post(f"/questions/{question.pk}/answer/", answer_data(notify="on"))
    answer = Post.objects.select_related("question").get(kind=PostKind.ANSWER)
    assert (answer.anon_email, answer.notify, answer.display_name) == ("", False, "anonymous")


def test_member_answers(client, question, other_member):
    client.force_login(other_member)
    response = client.post(f"/questions/{question.pk}/answer/", answer_data())
    answer = Post.objects.select_related("question").get(kind=PostKind.ANSWER)
    assert response["Location"] == answer.get_absolute_url()
    assert answer.author == other_member
    assert Post.objects.get(pk=question.pk).answer_count == 1


@pytest.mark.parametrize(
    ("overrides", "message", "kept"),
    [
        ({"body": ""}, "Please write your answer before posting.", "Robin"),
        ({"body": "   "}, "Please write your answer before posting.", "Robin"),
        (
            {"body": "Be well."},
            "The answer is too short: please use at least 12 characters.",
            "Be well.",
        ),
        ({"website": "spam"}, "automated", ANSWER),
        ({"anon_email": "not-an-email"}, "does not look right", ANSWER),
        ({"anon_name": "N" * 60}, "name to display is too long", ANSWER),
    ],
)
def test_bad_answer_input_gets_a_message_and_keeps_the_text(
    client, question, overrides, message, kept
):
    data = answer_data(**{"anon_name": "Robin", **overrides})
    response = client.post(f"/questions/{question.pk}/answer/", data)
    assert response.status_code == 400
    page = text(response)
    assert message in page
    assert kept in page
    assert not Post.objects.filter(kind=PostKind.ANSWER).exists()


def test_double_submit_of_an_answer_creates_one_post(client, question):
    url = f"/questions/{question.pk}/answer/"
    first = client.post(url, answer_data())
    second = client.post(url, answer_data())
    answer = Post.objects.select_related("question").get(kind=PostKind.ANSWER)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == answer.get_absolute_url()
    assert "This was already posted, so it was not posted twice." in text(
        client.get(second["Location"], follow=True)
    )
    assert Post.objects.get(pk=question.pk).answer_count == 1


def test_answer_preview_renders_on_the_server_and_keeps_text(client, question):
    response = client.post(
        f"/questions/{question.pk}/answer/",
        answer_data(body="Try *slow* breathing:\n\n- in for four\n- out for six", preview="1"),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert '<div class="preview"' in page
    assert "<em>slow</em>" in page
    assert "<li>in for four</li>" in page
    assert "Try *slow* breathing:" in page  # the textarea keeps the source
    assert not Post.objects.filter(kind=PostKind.ANSWER).exists()


def test_preview_endpoint_sanitises(client, db):
    response = client.post("/preview/", {"body": "**hi** <script>alert(1)</script>"})
    assert response.status_code == 200
    assert "<strong>hi</strong>" in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_anonymous_rate_limit_refuses_third_answer_and_keeps_text(client, question):
    set_site(anonymous_posts_per_hour=2)
    url = f"/questions/{question.pk}/answer/"
    for n in range(2):
        response = client.post(
            url,
            answer_data(submit_token=f"t{n}", body=f"{ANSWER} ({n})"),
            REMOTE_ADDR="203.0.113.9",
        )
        assert response.status_code == 302
    response = client.post(
        url,
        answer_data(submit_token="t3", body="My third answer, kept."),
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 429
    page = text(response)
    assert "Too many posts from your address" in page
    assert "My third answer, kept." in page
    assert Post.objects.filter(kind=PostKind.ANSWER).count() == 2
    # Another address is not affected, nor is a member.
    other = client.post(url, answer_data(submit_token="t4"), REMOTE_ADDR="198.51.100.1")
    assert other.status_code == 302
    client.force_login(make_user())
    member = client.post(url, answer_data(submit_token="t5"), REMOTE_ADDR="203.0.113.9")
    assert member.status_code == 302


def test_anonymous_answers_off_hides_form_and_refuses_post(client, question):
    set_site(anonymous_answers=False)
    page = text(client.get(question.get_absolute_url()))
    assert f'action="/questions/{question.pk}/answer/"' not in page
    assert "to answer this question" in page
    response = client.post(f"/questions/{question.pk}/answer/", answer_data(), follow=True)
    assert "Please log in or register to answer." in text(response)
    assert not Post.objects.filter(kind=PostKind.ANSWER).exists()
    # Members still can.
    client.force_login(make_user())
    assert 'id="id_body"' in text(client.get(question.get_absolute_url()))


def test_answer_to_a_deleted_question_is_404(client, question):
    Post.objects.filter(pk=question.pk).update(status="deleted")
    assert client.post(f"/questions/{question.pk}/answer/", answer_data()).status_code == 404


# --- comments -------------------------------------------------------------------------------


def test_visitor_comments_on_an_answer(client, question):
    answer = make_answer(question)
    response = client.post(
        f"/posts/{answer.pk}/comment/",
        {"body": "This helped me too.", "anon_name": "Lee", "submit_token": "c1"},
    )
    comment = Post.objects.get(kind=PostKind.COMMENT)
    assert response.status_code == 302
    assert response["Location"] == comment.get_absolute_url()
    assert (comment.parent, comment.question, comment.anon_name) == (answer, question, "Lee")
    page = text(client.get(question.get_absolute_url()))
    assert "Your comment is posted." in page
    assert "This helped me too." in page


def test_bad_comment_keeps_the_text(client, question):
    response = client.post(
        f"/posts/{question.pk}/comment/",
        {"body": "x", "anon_name": "Lee", "anon_email": "lee@private.example"},
    )
    assert response.status_code == 400
    page = text(response)
    assert "The comment is too short" in page
    assert "Lee" in page
    response = client.post(f"/posts/{question.pk}/comment/", {"body": "", "anon_name": "Lee"})
    assert "Please write your comment before posting." in text(response)
    assert not Post.objects.filter(kind=PostKind.COMMENT).exists()


def test_comments_off_for_visitors_sends_them_to_log_in(client, question):
    set_site(anonymous_comments=False)
    response = client.get(f"/posts/{question.pk}/comment/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    # A comment sent anyway is refused, with its text kept to copy after logging in.
    response = client.post(f"/posts/{question.pk}/comment/", {"body": "Hello there."})
    assert response.status_code == 403
    page = text(response)
    assert "Please log in or register to comment." in page
    assert "Hello there." in page
    assert not Post.objects.filter(kind=PostKind.COMMENT).exists()


# --- votes ----------------------------------------------------------------------------------


def test_member_votes_up_through_the_form(client, question, other_member):
    client.force_login(other_member)
    response = client.post(f"/posts/{question.pk}/vote/", {"value": "up"})
    assert response.status_code == 302
    assert Post.objects.get(pk=question.pk).score == 1
    page = text(client.get(response["Location"]))
    assert '<span class="netvote" aria-live="polite">1 vote</span>' in page
    assert 'value="retract"' in page


def test_json_vote(client, question, other_member):
    client.force_login(other_member)
    url = f"/posts/{question.pk}/vote/"
    response = client.post(url, {"value": "up"}, headers={"X-Requested-With": "fetch"})
    assert response.status_code == 200
    assert json.loads(response.content) == {"score": 1, "label": "1 vote", "vote": 1}
    response = client.post(url, {"value": "down"}, headers={"X-Requested-With": "fetch"})
    assert json.loads(response.content) == {"score": -1, "label": "-1 vote", "vote": -1}
    response = client.post(url, {"value": "retract"}, headers={"X-Requested-With": "fetch"})
    assert json.loads(response.content) == {"score": 0, "label": "0 votes", "vote": 0}
    response = client.post(url, {"value": "sideways"}, headers={"X-Requested-With": "fetch"})
    assert response.status_code == 400
    assert "up, down or withdrawn" in json.loads(response.content)["error"]


def test_anonymous_vote_is_refused(client, question):
    response = client.post(f"/posts/{question.pk}/vote/", {"value": "up"}, follow=True)
    assert "Please log in or register to vote." in text(response)
    response = client.post(
        f"/posts/{question.pk}/vote/", {"value": "up"}, headers={"X-Requested-With": "fetch"}
    )
    assert response.status_code == 403
    assert "log in" in json.loads(response.content)["error"]
    assert Post.objects.get(pk=question.pk).score == 0
    assert not Vote.objects.exists()


def test_vote_on_own_post_is_refused(client, question, member):
    client.force_login(member)
    response = client.post(f"/posts/{question.pk}/vote/", {"value": "up"}, follow=True)
    assert "You cannot vote on your own post." in text(response)
    response = client.post(
        f"/posts/{question.pk}/vote/", {"value": "up"}, headers={"X-Requested-With": "fetch"}
    )
    assert response.status_code == 403
    assert "own post" in json.loads(response.content)["error"]
    assert Post.objects.get(pk=question.pk).score == 0


def test_vote_on_a_deleted_post_is_refused(client, question, other_member):
    answer = make_answer(question)
    Post.objects.filter(pk=answer.pk).update(status="deleted", score=3)
    client.force_login(other_member)
    response = client.post(f"/posts/{answer.pk}/vote/", {"value": "up"}, follow=True)
    assert response.status_code == 200
    assert "This post has been deleted, so it can no longer be voted on." in text(response)
    response = client.post(
        f"/posts/{answer.pk}/vote/", {"value": "down"}, headers={"X-Requested-With": "fetch"}
    )
    assert response.status_code == 400
    assert "deleted" in json.loads(response.content)["error"]
    assert Post.objects.get(pk=answer.pk).score == 3
    assert not Vote.objects.exists()


def test_vote_needs_post(client, question, other_member):
    client.force_login(other_member)
    assert client.get(f"/posts/{question.pk}/vote/").status_code == 405


# --- CSRF -----------------------------------------------------------------------------------


def test_missing_csrf_token_gets_an_explanation_with_the_text(question):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(
        f"/questions/{question.pk}/answer/",
        {"body": "My careful answer that must not be lost.", "anon_name": "Robin"},
    )
    assert response.status_code == 403
    page = text(response)
    assert "security token" in page
    assert "Nothing was posted." in page
    assert "My careful answer that must not be lost." in page
    assert not Post.objects.filter(kind=PostKind.ANSWER).exists()


def test_missing_csrf_token_on_ask_shows_title_and_body(member):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(member)
    response = browser.post("/ask/", question_data())
    assert response.status_code == 403
    page = text(response)
    assert TITLE in page and BODY in page
    assert not Post.objects.exists()


# --- editing --------------------------------------------------------------------------------


def test_another_member_cannot_edit(client, question, other_member):
    client.force_login(other_member)
    response = client.get(f"/posts/{question.pk}/edit/", follow=True)
    assert "You can edit only your own posts." in text(response)
    response = client.post(f"/posts/{question.pk}/edit/", {"body": "Vandalised."})
    assert response.status_code == 403
    assert "You can edit only your own posts." in text(response)
    assert "Vandalised." not in Post.objects.get(pk=question.pk).body


def test_visitor_editing_is_sent_to_log_in(client, question):
    response = client.get(f"/posts/{question.pk}/edit/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_author_edits_and_history_shows_the_diff(client, question, member):
    client.force_login(member)
    form = text(client.get(f"/posts/{question.pk}/edit/"))
    assert question.title in form
    assert "anxiety sleep" in form
    response = client.post(
        f"/posts/{question.pk}/edit/",
        {
            "title": question.title,
            "body": "I have been anxious for weeks.\nIt is worse on Mondays.",
            "category": str(category("anxiety").pk),
            "tags": "anxiety mornings",
            "reason": "more detail",
        },
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert "worse on Mondays" in question.body
    assert question.edited_by == member
    page = text(client.get(question.get_absolute_url()))
    assert "Your edit is saved." in page
    assert "edited" in page

    history = text(client.get(f"/posts/{question.pk}/history/"))
    assert "Edited by" in history and member.username in history
    assert "Reason: more detail" in history
    assert (
        '<span class="del">- I have been anxious for weeks and would like some advice.' in history
    )
    assert '<span class="add">+ I have been anxious for weeks.' in history
    assert '<span class="add">+ It is worse on Mondays.' in history
    assert "Category: <del>Psychology</del> → <ins>Anxiety</ins>" in history
    assert "<del>anxiety sleep</del> → <ins>anxiety mornings</ins>" in history


def test_bad_edit_keeps_the_text(client, question, member):
    client.force_login(member)
    response = client.post(
        f"/posts/{question.pk}/edit/",
        {"title": "Short", "body": "My new careful wording.", "category": "", "tags": ""},
    )
    assert response.status_code == 400
    page = text(response)
    assert "The title is too short" in page
    assert "My new careful wording." in page
    response = client.post(
        f"/posts/{question.pk}/edit/",
        {"title": question.title, "body": question.body, "tags": "anxiety sleep"},
    )
    assert "Nothing was changed" in text(response)
    assert not Revision.objects.exists()


def test_staff_can_edit_an_answer(client, question):
    answer = make_answer(question)
    client.force_login(make_user("moderator", is_staff=True))
    response = client.post(f"/posts/{answer.pk}/edit/", {"body": "A gentler wording, please."})
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.body == "A gentler wording, please."
    assert answer.edited_by.username == "moderator"
    page = text(client.get(question.get_absolute_url()))
    assert "by moderator" in " ".join(page.split()) or "moderator</a>" in page


def test_history_of_unedited_post(client, question):
    assert "has not been edited" in text(client.get(f"/posts/{question.pk}/history/"))


# --- best answer ----------------------------------------------------------------------------


def test_asker_selects_and_unselects_best_answer(client, question, member):
    first = make_answer(question)
    second = make_answer(question)
    client.force_login(member)
    response = client.post(f"/questions/{question.pk}/best/", {"answer": second.pk})
    assert response.status_code == 302
    assert Post.objects.get(pk=question.pk).best_answer == second
    page = text(client.get(question.get_absolute_url()))
    assert "Best answer selected." in page
    assert page.index(f'id="{second.anchor}"') < page.index(f'id="{first.anchor}"')
    assert "Unselect best answer" in page

    client.post(f"/questions/{question.pk}/best/", {})
    assert Post.objects.get(pk=question.pk).best_answer is None
    page = text(client.get(question.get_absolute_url()))
    assert "Best answer unselected." in page
    assert "Best answer</p>" not in page


def test_someone_else_cannot_select_best_answer(client, question, other_member):
    answer = make_answer(question)
    client.force_login(other_member)
    page = text(client.get(question.get_absolute_url()))
    assert "Select as best answer" not in page
    response = client.post(f"/questions/{question.pk}/best/", {"answer": answer.pk}, follow=True)
    assert "Only the person who asked (or a moderator) can choose the best answer." in text(
        response
    )
    assert Post.objects.get(pk=question.pk).best_answer is None


def test_someone_else_cannot_unselect_best_answer(client, question, member, other_member):
    answer = make_answer(question)
    best_answer_select(question=question, answer=answer, user=member)
    client.force_login(other_member)
    response = client.post(f"/questions/{question.pk}/best/", {}, follow=True)
    assert "Only the person who asked (or a moderator) can change the best answer." in text(
        response
    )
    assert Post.objects.get(pk=question.pk).best_answer == answer


def test_answer_from_another_question_cannot_be_best(client, question, member):
    elsewhere = make_answer(make_question())
    client.force_login(member)
    response = client.post(f"/questions/{question.pk}/best/", {"answer": elsewhere.pk}, follow=True)
    assert "does not belong to this question" in text(response)
    assert Post.objects.get(pk=question.pk).best_answer is None


# --- site settings --------------------------------------------------------------------------


def test_site_name_and_welcome_text_show_on_the_home_page(client, db):
    page = text(client.get("/"))
    assert "Mindwellnessforum" in page
    set_site(site_name="Calm Corner", welcome_text="Hello, and welcome to Calm Corner.")
    page = text(client.get("/"))
    assert "<title>Recent questions - Calm Corner</title>" in page
    assert "Hello, and welcome to Calm Corner." in page
    assert "Mindwellnessforum" not in page


def test_anonymous_questions_can_be_allowed(client, db):
    set_site(anonymous_questions=True)
    page = text(client.get("/ask/"))
    assert "Your name to display (optional):" in page
    response = client.post("/ask/", question_data(anon_name="Kai", anon_email="kai@x.example"))
    question = Post.objects.get()
    assert response["Location"] == question.get_absolute_url()
    assert (question.author, question.anon_name, question.anon_email) == (
        None,
        "Kai",
        "kai@x.example",
    )


def test_best_answer_with_a_malformed_id_is_404_not_500(client, question, member):
    client.force_login(member)
    response = client.post(f"/questions/{question.pk}/best/", {"answer": "abc"})
    assert response.status_code == 404


def test_visitor_asking_a_related_question_comes_back_to_it_after_log_in(
    client, question, other_member
):
    answer = make_answer(question)
    response = client.get(f"/ask/?from_answer={answer.pk}")
    assert response.status_code == 302
    login_url = response["Location"]
    assert login_url.startswith("/accounts/login/?next=")
    response = client.post(
        login_url, {"username": other_member.username, "password": "a-long-test-password-42"}
    )
    assert response["Location"] == f"/ask/?from_answer={answer.pk}"
    assert "link back" in text(client.get(response["Location"]))
