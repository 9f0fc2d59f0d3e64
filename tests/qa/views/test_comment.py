"""Commenting through the form, and what a visitor sees when comments need an account."""

from __future__ import annotations

import pytest

from mindwell.qa.models import Post, PostKind
from tests.factories import make_answer
from tests.qa.views.posting_helpers import (
    set_site,
    text,
)

pytestmark = pytest.mark.django_db


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
