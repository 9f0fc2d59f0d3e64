"""Registering, logging in and out, passwords, the users list and profiles."""

from __future__ import annotations

import pytest
from django.core import mail

from mindwell.accounts.models import User
from mindwell.qa.services import best_answer_select
from tests.accounts.auth_helpers import confirm, link_in, log_in, text, words
from tests.factories import PASSWORD, make_answer, make_question, make_user

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "another-long-password-77"


def register_data(**overrides):
    data = {
        "username": "newcomer",
        "email": "newcomer@example.test",
        "password1": "correct-horse-battery-9",
        "password2": "correct-horse-battery-9",
    }
    data.update(overrides)
    return data


def test_register_creates_a_member_with_100_points_who_confirms_their_email(client):
    assert client.get("/accounts/register/").status_code == 200
    response = client.post("/accounts/register/", register_data())
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(username="newcomer")
    assert user.points == 100
    assert user.email == "newcomer@example.test"
    assert user.check_password("correct-horse-battery-9")
    # Not logged in until the address is confirmed; the page says where the link went.
    assert "_auth_user_id" not in client.session
    assert "We sent a link to newcomer@example.test" in words(client.get(response["Location"]))
    (message,) = mail.outbox
    assert message.to == ["newcomer@example.test"]

    response = confirm(client, message)
    assert response.status_code == 302
    assert response["Location"] == "/"
    home = client.get("/")
    assert "Welcome, newcomer. You are logged in." in words(home)
    assert "newcomer (100 points)" in words(home)
    assert 'href="/users/newcomer/"' in text(home)


def test_register_follows_a_local_next(client):
    client.post("/accounts/register/?next=/ask/", register_data())
    response = confirm(client, mail.outbox[0])
    assert response["Location"] == "/ask/"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x"])
def test_register_does_not_redirect_off_site(client, target):
    client.post(f"/accounts/register/?next={target}", register_data())
    response = confirm(client, mail.outbox[0])
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]
    assert response["Location"] == "/"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"password2": "something-else-entirely"}, "You must type the same password each time."),
        ({"username": ""}, "This field is required."),
        ({"email": "not-an-email"}, "Enter a valid email address."),
        ({"username": "alice"}, "A user with that username already exists."),
    ],
)
def test_register_errors_are_shown(client, member, overrides, message):
    response = client.post("/accounts/register/", register_data(**overrides))
    assert response.status_code == 400
    assert message in text(response)
    assert not User.objects.filter(username="newcomer").exclude(pk=member.pk).exists()


def test_register_with_a_taken_email_reveals_nothing_and_tells_the_owner(client, member):
    # Whether an address has an account is private: the page reads as for a new address,
    # no account is made, and the address's owner is told by email instead.
    response = client.post("/accounts/register/", register_data(email="alice@example.test"))
    assert response.status_code == 302
    assert "We sent a link to alice@example.test" in words(client.get(response["Location"]))
    assert not User.objects.filter(username="newcomer").exists()
    (message,) = mail.outbox
    assert message.to == ["alice@example.test"]
    assert "already belongs to an account" in message.body


def test_logged_in_member_skips_registration(client, member):
    client.force_login(member)
    assert client.get("/accounts/register/")["Location"] == "/"


def test_login_by_username_and_logout(client, member):
    page = text(client.get("/accounts/login/"))
    assert "Forgot your password?" in page
    response = log_in(client, member.username)
    assert response.status_code == 302
    assert response["Location"] == "/"
    home = text(client.get("/"))
    assert "Log out" in home
    assert 'href="/accounts/login/' not in home

    # Opening the logout address only asks; logging out is a POST.
    page = client.get("/accounts/logout/")
    assert page.status_code == 200
    assert '<button type="submit" class="button primary">Log out</button>' in text(page)
    assert client.session["_auth_user_id"] == str(member.pk)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    home = text(client.get("/"))
    assert "Log in" in home and "Log out" not in home
    assert "You are logged out. Take care." in home


def test_login_returns_to_next(client, member, question):
    url = question.get_absolute_url()
    response = log_in(client, member.username, next=url)
    assert response["Location"] == url


def test_wrong_password_is_explained(client, member):
    response = log_in(client, member.username, "nope")
    assert response.status_code == 200
    assert "Please enter a correct username and password" in text(response)
    assert f'value="{member.username}"' in text(response)  # what they typed is kept


def test_empty_login_fields_are_explained(client, db):
    response = client.post("/accounts/login/", {"login": "", "password": ""})
    assert "This field is required." in text(response)


def test_password_change(client, member):
    client.force_login(member)
    assert client.get("/accounts/password/change/").status_code == 200
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert "Your password has been changed." in text(client.get(response["Location"]))
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)


def test_password_change_with_wrong_old_password(client, member):
    client.force_login(member)
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": "wrong", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert "Your current password was entered incorrectly" in text(response)


def test_password_reset_email_link_works(client, member):
    assert client.get("/accounts/password/reset/").status_code == 200
    response = client.post("/accounts/password/reset/", {"email": member.email})
    assert response.status_code == 302
    assert "Check your email" in text(client.get(response["Location"]))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    link = link_in(message, "/accounts/password/reset/key/")

    response = client.get(link)  # redirects to the set-password URL, keeping the token in session
    assert response.status_code == 302
    set_url = response["Location"]
    assert "Choose a new password" in text(client.get(set_url))
    response = client.post(set_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert "Your new password is set." in text(client.get(response["Location"]))
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)
    # The link works once.
    assert "invalid or has already been used" in text(client.get(link, follow=True))


def test_password_reset_for_unknown_email_sends_nothing(client, db):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.test"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_users_page_ranks_by_points(client, db):
    make_user("low", points=150)
    make_user("high", points=4600)
    make_user("middle", points=900)
    make_user("gone", points=99999, is_active=False)
    page = text(client.get("/users/"))
    assert page.index(">high<") < page.index(">middle<") < page.index(">low<")
    assert "(4.6k points)" in page
    assert "(900 points)" in page
    assert ">gone<" not in page


def test_profile_shows_points_questions_and_answers(client, member, other_member):
    question = make_question(author=member, title="How do I make friends in a new city?")
    answered = make_question(author=other_member, title="What helps after a breakup?")
    answer = make_answer(answered, author=member, body="Time, friends, and being gentle.")
    best_answer_select(question=answered, answer=answer, user=other_member)
    member.refresh_from_db()
    response = client.get(f"/users/{member.username}/")
    page = text(response)
    assert f'<h1 dir="auto">{member.username}</h1>' in page
    assert member.points == 100 + 20 + 40 + 300
    assert "Points 460 points (ranked #1)" in words(response)
    assert "<dt>Questions</dt><dd>1</dd>" in page
    assert "<dt>Answers</dt><dd>1</dd>" in page
    assert question.title in page
    assert f'href="{question.get_absolute_url()}"' in page
    assert "What helps after a breakup?" in page
    assert "best answer" in page


def test_unknown_or_inactive_profile_is_404(client, db):
    make_user("sleeper", is_active=False)
    assert client.get("/users/nobody/").status_code == 404
    assert client.get("/users/sleeper/").status_code == 404
