"""Asking through the form: what is created, and what a person sees when it is refused."""

from __future__ import annotations

import pytest

from mindwell.qa.models import Post, PostKind
from tests.factories import make_answer
from tests.qa.views.posting_helpers import (
    BODY,
    TITLE,
    question_data,
    text,
)

pytestmark = pytest.mark.django_db


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
