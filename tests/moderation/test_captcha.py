"""The self-hosted check question: right, wrong, reused and expired answers, and the forms
that show it (anonymous posts and comments, registration)."""

from __future__ import annotations

import time

import pytest
from django.core import signing

from mindwell.accounts.models import User
from mindwell.moderation import captcha
from mindwell.moderation.captcha import CaptchaError, new_challenge, verify
from mindwell.qa.models import Post, PostKind
from mindwell.siteconfig.models import SiteSettings
from tests.factories import PASSWORD, category, make_answer
from tests.moderation.screening_helpers import captcha_answer, solve, text

pytestmark = pytest.mark.django_db


def set_site(**fields) -> None:
    site = SiteSettings.current()
    for name, value in fields.items():
        setattr(site, name, value)
    site.save()


def test_the_right_answer_in_digits_or_words():
    challenge = new_challenge()
    assert challenge.question.startswith("What is ") and challenge.question.endswith("?")
    verify(challenge.token, f" {solve(challenge.question)}. ")
    other = new_challenge()
    verify(other.token, captcha.NUMBER_WORDS[solve(other.question)].upper())


def test_the_token_does_not_reveal_the_answer():
    challenge = new_challenge()
    payload = signing.loads(challenge.token, salt=captcha.SALT)
    answer = solve(challenge.question)
    assert set(payload) == {"n", "h"}
    assert answer not in payload.values() and str(answer) not in payload.values()
    assert len(payload["h"]) == 32  # a keyed hash of the answer


def test_a_wrong_answer_is_refused():
    challenge = new_challenge()
    with pytest.raises(CaptchaError) as refusal:
        verify(challenge.token, str(solve(challenge.question) + 1))
    assert refusal.value.message == (
        "That answer to the check question is not right; here is a new one. Your text is kept."
    )


def test_a_token_is_accepted_once_even_after_a_wrong_guess():
    challenge = new_challenge()
    verify(challenge.token, str(solve(challenge.question)))
    with pytest.raises(CaptchaError, match="already used"):
        verify(challenge.token, str(solve(challenge.question)))
    guessed = new_challenge()
    with pytest.raises(CaptchaError, match="not right"):
        verify(guessed.token, "99")
    with pytest.raises(CaptchaError, match="already used"):
        verify(guessed.token, str(solve(guessed.question)))


def test_an_expired_token_is_refused(monkeypatch):
    two_hours_ago = time.time() - 7200
    monkeypatch.setattr(time, "time", lambda: two_hours_ago)
    challenge = new_challenge()
    monkeypatch.undo()
    with pytest.raises(CaptchaError, match="more than an hour old"):
        verify(challenge.token, str(solve(challenge.question)))


def test_a_forged_or_missing_token_is_refused():
    challenge = new_challenge()
    with pytest.raises(CaptchaError, match="not right"):
        verify(challenge.token[:-2] + "xx", str(solve(challenge.question)))
    forged = signing.dumps({"n": "abc", "s": 1})  # signed without the captcha's salt
    with pytest.raises(CaptchaError, match="not right"):
        verify(forged, "")
    with pytest.raises(CaptchaError, match="Please answer the check question"):
        verify("", "")


def test_anonymous_answers_ask_the_question_when_enabled(client, question):
    url = question.get_absolute_url()
    assert "check question" not in text(client.get(url)).lower()
    set_site(captcha_anonymous=True)
    page = text(client.get(url))
    assert "Check question, to stop automated spam: What is" in page
    body = "Keep a notebook by your bed for worries."
    wrong = client.post(
        f"/questions/{question.pk}/answer/",
        {"body": body, "submit_token": "a1", **captcha_answer(page, right=False)},
    )
    assert wrong.status_code == 400
    wrong_page = text(wrong)
    assert "That answer to the check question is not right; here is a new one." in wrong_page
    assert body in wrong_page
    assert not Post.objects.filter(kind=PostKind.ANSWER).exists()
    right = client.post(
        f"/questions/{question.pk}/answer/",
        {"body": body, "submit_token": "a1", **captcha_answer(wrong_page)},
    )
    assert right.status_code == 302
    assert Post.objects.filter(kind=PostKind.ANSWER, body=body).exists()


def test_members_are_not_asked(client, question, other_member):
    set_site(captcha_anonymous=True)
    client.force_login(other_member)
    assert "Check question" not in text(client.get(question.get_absolute_url()))


def test_a_solved_question_is_not_asked_again_after_a_preview(client):
    set_site(captcha_anonymous=True, anonymous_questions=True)
    page = text(client.get("/ask/"))
    data = {
        "title": "Why do I wake up at 4am every night?",
        "body": "It has been like this for a month.",
        "category": str(category("anxiety").pk),
        "submit_token": "q1",
    }
    preview = client.post("/ask/", {**data, "preview": "1", **captcha_answer(page)})
    assert preview.status_code == 200
    preview_page = text(preview)
    assert "Check question: answered, thank you." in preview_page
    token = preview_page.split('name="captcha_1" value="', 1)[1].split('"', 1)[0]
    posted = client.post("/ask/", {**data, "captcha_0": "", "captcha_1": token})
    assert posted.status_code == 302
    assert Post.objects.filter(kind=PostKind.QUESTION).exists()


def test_anonymous_comment_boxes_carry_the_question(client, question):
    set_site(captcha_anonymous=True)
    answer = make_answer(question)
    page = text(client.get(question.get_absolute_url()))
    assert f'<label for="captcha-{answer.pk}">Check question' in page
    response = client.post(
        f"/posts/{answer.pk}/comment/",
        {"body": "This helped me too.", "submit_token": "c1", **captcha_answer(page)},
    )
    assert response.status_code == 302
    assert Post.objects.filter(kind=PostKind.COMMENT).exists()


def test_an_anonymous_comment_without_an_answer_keeps_the_text(client, question):
    set_site(captcha_anonymous=True)
    response = client.post(
        f"/posts/{question.pk}/comment/", {"body": "So much this.", "submit_token": "c2"}
    )
    assert response.status_code == 400
    page = text(response)
    assert "Please answer the check question" in page
    assert "So much this." in page
    assert "What is " in page  # a new question to answer


def test_registration_asks_the_question_when_enabled(client):
    set_site(captcha_registration=True)
    page = text(client.get("/accounts/register/"))
    data = {
        "username": "newcomer",
        "email": "newcomer@example.test",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    refused = client.post("/accounts/register/", {**data, **captcha_answer(page, right=False)})
    assert refused.status_code == 400
    assert "not right" in text(refused)
    assert not User.objects.filter(username="newcomer").exists()
    accepted = client.post("/accounts/register/", {**data, **captcha_answer(text(refused))})
    assert accepted.status_code == 302
    assert User.objects.filter(username="newcomer").exists()


def test_the_question_adds_no_queries_to_the_question_page(
    client, question, django_assert_max_num_queries
):
    make_answer(question)
    client.get(question.get_absolute_url())
    with django_assert_max_num_queries(100) as without:
        client.get(question.get_absolute_url())
    baseline = len(without)  # read now: each request clears the connection's query log
    set_site(captcha_anonymous=True)
    client.get(question.get_absolute_url())  # the settings are cached again
    with django_assert_max_num_queries(baseline):
        page = text(client.get(question.get_absolute_url()))
    assert "Check question" in page
