"""Crisis-aware posting: the composer's notice on preview and as someone types (the live
check at /safety/assess/), and the writer's welcome after posting. The post is always
accepted."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from mindwell.qa.models import Post
from mindwell.safety import views as safety_views
from tests.qa.views.posting_helpers import answer_data, question_data
from tests.safety.helpers import CRISIS_TEXT, IDIOM_TEXT, SECRET_RULE, text

pytestmark = pytest.mark.django_db

ASSESS = "/safety/assess/"
CRISIS_NOTICE = 'class="safety-notice crisis"'


def csrf_client() -> Client:
    client = Client(enforce_csrf_checks=True)
    client.get("/safety/resources/")  # a page with a form sets the CSRF cookie
    return client


def assess(client: Client, **data: str):
    token = client.cookies["csrftoken"].value
    return client.post(ASSESS, data, HTTP_X_CSRFTOKEN=token)


# --- the live check ---------------------------------------------------------------------


def test_assess_refuses_a_post_without_csrf_token():
    response = Client(enforce_csrf_checks=True).post(ASSESS, {"body": "hello"})
    assert response.status_code == 403


def test_assess_only_accepts_post(client):
    assert client.get(ASSESS).status_code == 405


def test_assess_calm_text_returns_level_none_and_no_html():
    response = assess(csrf_client(), title="Sleep", body="How do I sleep better at night?")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    assert json.loads(response.content) == {"level": "none", "html": ""}


def test_assess_is_rate_limited_per_address(monkeypatch):
    monkeypatch.setattr(safety_views, "ASSESS_PER_MINUTE", 3)
    client = csrf_client()
    statuses = [assess(client, body="Just checking in.").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    data = json.loads(assess(client, body="again").content)
    assert set(data) == {"error"}
    assert "your text is safe" in data["error"]
    # Another address is not affected.
    other = Client(enforce_csrf_checks=True, REMOTE_ADDR="198.51.100.7")
    other.get("/safety/resources/")
    token = other.cookies["csrftoken"].value
    response = other.post(ASSESS, {"body": "hi"}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200


def test_engine_assess_crisis_returns_the_notice_but_not_the_text_or_reasons():
    response = assess(csrf_client(), title="Goodbye", body=CRISIS_TEXT)
    data = json.loads(response.content)
    assert set(data) == {"level", "html"}
    assert data["level"] == "crisis"
    assert CRISIS_NOTICE in data["html"]
    assert 'href="tel:988"' in data["html"]
    assert CRISIS_TEXT not in data["html"]
    assert "kill myself" not in data["html"]
    assert "reasons" not in data


def test_engine_assess_uses_the_visitors_country():
    client = csrf_client()
    client.cookies["mw_crisis_country"] = "GB"
    data = json.loads(assess(client, body=CRISIS_TEXT).content)
    assert 'href="tel:116123"' in data["html"]
    assert "Samaritans" in data["html"]


# --- preview, without JavaScript --------------------------------------------------------


def test_ask_page_has_an_empty_live_region_for_the_notice(client, member):
    client.force_login(member)
    html = client.get("/ask/").content.decode()
    assert 'data-safety-notice data-level="none" aria-live="polite"></div>' in html


def test_engine_ask_preview_shows_crisis_lines_and_keeps_the_text(client, member):
    client.force_login(member)
    response = client.post("/ask/", question_data(body=CRISIS_TEXT, preview="1"))
    assert response.status_code == 200
    html = text(response)
    assert CRISIS_NOTICE in html
    assert "You can still post it" in html
    assert 'href="tel:988"' in html
    assert CRISIS_TEXT in html  # still in the textarea
    assert not Post.objects.filter(body=CRISIS_TEXT).exists()


def test_engine_ask_preview_of_an_idiom_shows_no_crisis_notice(client, member):
    client.force_login(member)
    response = client.post("/ask/", question_data(body=IDIOM_TEXT, preview="1"))
    assert response.status_code == 200
    assert CRISIS_NOTICE not in response.content.decode()


def test_calm_preview_shows_no_notice(client, member):
    client.force_login(member)
    response = client.post("/ask/", question_data(preview="1"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="safety-notice ' not in html
    assert 'data-safety-notice data-level="none" aria-live="polite"></div>' in html


def test_engine_answer_preview_shows_crisis_lines(client, question, other_member):
    client.force_login(other_member)
    url = f"/questions/{question.pk}/answer/"
    response = client.post(url, answer_data(body=CRISIS_TEXT, preview="1"))
    assert response.status_code == 200
    html = text(response)
    assert CRISIS_NOTICE in html
    assert CRISIS_TEXT in html
    assert SECRET_RULE not in html


def test_engine_refused_answer_still_shows_the_notice_and_keeps_the_text(client, question):
    # Too short for an answer: refused, but the notice and the text stay.
    url = f"/questions/{question.pk}/answer/"
    response = client.post(url, answer_data(body="kill myself"))
    assert response.status_code == 400
    html = text(response)
    assert "kill myself" in html
    assert CRISIS_NOTICE in html


# --- after posting ----------------------------------------------------------------------


def test_engine_crisis_question_is_accepted_and_the_writer_is_welcomed(client, member):
    client.force_login(member)
    response = client.post("/ask/", question_data(body=CRISIS_TEXT), follow=True)
    assert response.status_code == 200
    question = Post.objects.get(body=CRISIS_TEXT)
    assert question.status == "published"
    html = text(response)
    assert "Thank you for sharing this" in html
    assert 'role="status" id="safety-panel"' in html
    assert 'href="tel:988"' in html


def test_engine_anonymous_writer_is_welcomed_once_then_sees_the_readers_panel(client, question):
    url = f"/questions/{question.pk}/answer/"
    response = client.post(url, answer_data(body=CRISIS_TEXT), follow=True)
    assert response.status_code == 200
    assert "Thank you for sharing this" in text(response)
    again = text(client.get(question.get_absolute_url()))
    assert "Thank you for sharing this" not in again
    assert "Help is available now" in again


def test_calm_posting_remembers_nothing(client, member):
    client.force_login(member)
    response = client.post("/ask/", question_data(), follow=True)
    assert response.status_code == 200
    assert "safety_posted" not in client.session
    assert "safety-panel" not in response.content.decode()


def test_engine_a_blank_title_does_not_hide_a_crisis_body(client, member):
    client.force_login(member)
    response = client.post("/ask/", question_data(title="   ", body=CRISIS_TEXT, preview="1"))
    assert CRISIS_NOTICE in response.content.decode()
