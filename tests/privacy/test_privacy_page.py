"""The member's privacy page: their pseudonym and anonymous posts (for them alone), and the
way to export and delete."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import make_question
from tests.privacy.privacy_helpers import answer_anonymously, ask_anonymously, text

pytestmark = pytest.mark.django_db


def logged_in(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_the_page_needs_a_login():
    response = Client().get("/privacy/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_a_member_without_anonymous_posts_is_told_how_it_works(member):
    html = text(logged_in(member).get("/privacy/"))
    assert "You have not posted anonymously yet" in html
    assert 'href="/privacy/export/"' in html
    assert 'href="/privacy/delete/"' in html
    assert 'aria-current="page">Privacy and your data</a>' in html


def test_the_page_lists_only_my_anonymous_posts(member, other_member):
    mine = ask_anonymously(member, title="How do I stop checking my phone at night?")
    theirs = ask_anonymously(other_member, title="What helps with grief after a year?")
    html = text(logged_in(member).get("/privacy/"))
    assert "My anonymous posts" in html
    assert f'Your pseudonym: <strong class="pseudonym">{mine.anon_name}</strong>' in html
    assert mine.title in html
    assert theirs.title not in html and theirs.anon_name not in html


def test_the_page_costs_the_same_however_many_anonymous_posts(member):
    ask_anonymously(member)
    client = logged_in(member)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/privacy/").status_code == 200
    question = make_question()
    for n in range(8):
        answer_anonymously(question, member, body=f"Anonymous answer {n}, with kind advice.")
    with CaptureQueriesContext(connection) as many:
        html = text(client.get("/privacy/"))
    assert html.count("Answer on “") == 8
    assert len(many) <= len(few)
