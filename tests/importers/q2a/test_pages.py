"""What members and visitors see of an imported forum: question pages (with "edited by",
without anyone's email or an anonymous poster's identity) and logging in with the password
they had on Question2Answer, through the real login page."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from mindwell.accounts.models import User
from mindwell.importers.models import ImportedObject
from mindwell.qa.models import Post
from tests.accounts.auth_helpers import log_in

pytestmark = pytest.mark.usefixtures("imported")


def post(external: object) -> Post:
    local = ImportedObject.objects.get(source="q2a", kind="post", external_id=str(external))
    return Post.objects.get(pk=local.local_id)


@pytest.mark.django_db
def test_question_pages_show_names_but_never_emails(facts: dict[str, Any]) -> None:
    client = Client()
    emails = list(User.objects.values_list("email", flat=True))
    anonymous = Post.objects.exclude(anon_email="").values_list("anon_email", flat=True)
    for sample in facts["posts"]["anonymous_samples"] + facts["sample_questions"]:
        question = post(sample["postid"])
        question = question if question.is_question else question.question
        page = client.get(question.get_absolute_url(), follow=True)
        assert page.status_code == 200
        html = page.content.decode()
        assert question.title.replace("'", "&#x27;") in html
        for address in [*emails, *anonymous]:
            assert address not in html
        if sample.get("name"):
            assert sample["name"] in html


@pytest.mark.django_db
def test_question_page_says_who_edited() -> None:
    question = post(57)  # edited by grace_notes on 2026-01-26
    html = Client().get(question.get_absolute_url(), follow=True).content.decode()
    assert "edited by" in html and ">grace_notes</a>" in html


@pytest.mark.django_db
def test_hidden_and_queued_questions_are_not_public() -> None:
    client = Client()
    for external in (114, 851, 853):
        assert client.get(post(external).get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_closed_question_page_shows_the_reason(facts: dict[str, Any]) -> None:
    noted = facts["posts"]["closed_questions"][1]
    html = Client().get(post(noted["postid"]).get_absolute_url(), follow=True).content.decode()
    assert "this forum cannot give individual medical advice" in html


@pytest.mark.django_db
def test_login_with_the_question2answer_password() -> None:
    client = Client()
    response = log_in(client, "calm_river", "Passw0rd!0")
    assert response.status_code == 302
    assert client.get("/accounts/email/").status_code == 200
    user = User.objects.get(username="calm_river")
    # Stored again with the site's own hasher at the first login.
    assert not user.password.startswith("q2a_")
    # A handle with a space and an accent logs in just the same.
    other = Client()
    assert log_in(other, "José Martín", "Passw0rd!4").status_code == 302
    assert log_in(Client(), "calm_river", "wrong password").status_code == 200
