"""A form sent without its CSRF token is refused with an explanation and the text shown back."""

from __future__ import annotations

import pytest
from django.test import Client

from mindwell.qa.models import Post, PostKind
from tests.qa.views.posting_helpers import (
    BODY,
    TITLE,
    question_data,
    text,
)

pytestmark = pytest.mark.django_db


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
