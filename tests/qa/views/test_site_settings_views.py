"""Site settings an administrator changes at run time, as the pages show them."""

from __future__ import annotations

import pytest

from mindwell.qa.models import Post
from tests.factories import make_answer
from tests.qa.views.posting_helpers import (
    question_data,
    set_site,
    text,
)

pytestmark = pytest.mark.django_db


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
        login_url, {"login": other_member.username, "password": "a-long-test-password-42"}
    )
    assert response["Location"] == f"/ask/?from_answer={answer.pk}"
    assert "link back" in text(client.get(response["Location"]))
