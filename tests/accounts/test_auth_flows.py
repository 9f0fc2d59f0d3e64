"""The account journeys through allauth as Mindwell sets it up: registering and confirming the
address, logging in by username or by email, being refused while unconfirmed or restricted,
resetting a password, changing the address (which must be confirmed again), logging out."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from mindwell.accounts.models import User
from mindwell.moderation.actions import Suspend
from tests.accounts.auth_helpers import (
    confirm,
    link_in,
    log_in,
    mail_to,
    register,
    text,
    words,
)
from tests.factories import PASSWORD, make_user
from tests.moderation.moderation_helpers import make_admin

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-password-31"


def logged_in_user(client):
    return client.get("/").context["user"]


def test_register_confirm_then_log_in_by_username_and_by_email(client):
    response = register(client, "newcomer")
    assert response["Location"] == "/accounts/confirm-email/"
    (message,) = mail.outbox
    assert message.subject == "[Mindwellnessforum] Please confirm your email address"
    assert 'gave this email address for the account "newcomer"' in message.body
    assert "Hello from Mindwellnessforum" in message.body

    assert confirm(client, message)["Location"] == "/"
    newcomer = User.objects.get(username="newcomer")
    assert logged_in_user(client) == newcomer
    assert EmailAddress.objects.get(user=newcomer).verified

    client.post("/accounts/logout/")
    assert log_in(client, "newcomer", "correct-horse-battery-9")["Location"] == "/"
    assert logged_in_user(client) == newcomer

    client.post("/accounts/logout/")
    # By email address too, whatever its case.
    response = log_in(client, "NewComer@Example.test", "correct-horse-battery-9")
    assert response["Location"] == "/"
    assert logged_in_user(client) == newcomer


def test_an_unconfirmed_member_cannot_log_in_and_is_told_where_the_link_went(client):
    member = make_user("pending", confirmed=False)
    response = log_in(client, "pending")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert not logged_in_user(client).is_authenticated
    page = words(client.get(response["Location"]))
    assert "We sent a link to pending@example.test" in page
    assert "You need to confirm your address before you can log in." in page

    # The link the login sent logs them in, and then they can log in normally.
    (message,) = mail_to("pending@example.test")
    assert confirm(client, message)["Location"] == "/"
    assert logged_in_user(client) == member


def test_an_administrator_made_without_an_email_address_can_log_in(client, db):
    # createsuperuser leaves the address optional; there is nothing to confirm.
    root = User.objects.create_superuser("root", email="", password=PASSWORD)
    assert log_in(client, "root")["Location"] == "/"
    assert logged_in_user(client) == root


def test_a_confirmation_link_that_is_wrong_says_so(client, db):
    page = client.get("/accounts/confirm-email/not-a-real-key/")
    assert page.status_code == 200
    assert "This confirmation link is invalid or has expired." in text(page)


def test_a_suspended_member_is_told_why_when_logging_in_by_email(client, other_member):
    Suspend(actor=make_admin(), member=other_member, reason="abuse", days=3).execute()
    response = log_in(client, other_member.email)
    assert response.status_code == 200
    assert "This account is suspended until" in text(response)
    assert f'value="{other_member.email}"' in text(response)
    assert not logged_in_user(client).is_authenticated


def test_password_reset_by_email_then_log_in_with_the_new_password(client, member):
    client.post("/accounts/password/reset/", {"email": "ALICE@example.test"})
    (message,) = mail.outbox
    assert message.subject == "[Mindwellnessforum] Choose a new password"
    assert 'reset the password of your account "alice"' in message.body
    set_url = client.get(link_in(message, "/accounts/password/reset/key/"))["Location"]
    client.post(set_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert "Please enter a correct username" in text(log_in(client, "alice", PASSWORD))
    assert log_in(client, "alice", NEW_PASSWORD)["Location"] == "/"


def test_a_changed_email_is_used_only_once_confirmed(client, member):
    client.force_login(member)
    response = client.post(
        "/accounts/email/", {"email": "alice.new@example.test", "action_add": ""}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.email == "alice@example.test"  # unchanged until confirmed
    page = words(client.get("/accounts/email/"))
    assert "Your address is alice@example.test" in page
    assert "Changing to alice.new@example.test" in page
    (message,) = mail_to("alice.new@example.test")
    mail.outbox.clear()

    confirm(client, message)
    member.refresh_from_db()
    assert member.email == "alice.new@example.test"
    assert list(EmailAddress.objects.filter(user=member).values_list("email", flat=True)) == [
        "alice.new@example.test"
    ]
    # The old address hears about it, in case it was not them.
    (notice,) = mail_to("alice@example.test")
    assert "alice@example.test to alice.new@example.test" in notice.body
    assert "If it was not you, please reset your password" in notice.body


def test_a_pending_email_change_can_be_cancelled(client, member):
    client.force_login(member)
    client.post("/accounts/email/", {"email": "alice.new@example.test", "action_add": ""})
    client.post("/accounts/email/", {"email": "alice.new@example.test", "action_remove": ""})
    assert list(EmailAddress.objects.filter(user=member).values_list("email", flat=True)) == [
        "alice@example.test"
    ]
    assert "Changing to" not in words(client.get("/accounts/email/"))


def test_a_bad_new_address_is_refused_and_kept(client, member):
    client.force_login(member)
    response = client.post("/accounts/email/", {"email": "alice@@nowhere", "action_add": ""})
    assert response.status_code == 200
    assert "Enter a valid email address." in text(response)
    assert 'value="alice@@nowhere"' in text(response)


def test_logging_out_is_a_post_from_the_header(client, member):
    client.force_login(member)
    home = text(client.get("/"))
    assert '<form method="post" action="/accounts/logout/" class="inline">' in home
    assert client.get("/accounts/logout/").status_code == 200
    assert logged_in_user(client) == member  # opening the page does not log out
    assert client.post("/accounts/logout/")["Location"] == "/"
    assert not logged_in_user(client).is_authenticated


def test_account_pages_have_labelled_fields_in_the_site_style(client, member):
    login_page = text(client.get("/accounts/login/"))
    assert '<label for="id_login">Username or email</label>' in login_page
    assert '<label for="id_password">Password</label>' in login_page
    assert '<label for="id_remember">Keep me logged in on this device</label>' in login_page
    assert 'class="post-form narrow"' in login_page
    register_page = text(client.get("/accounts/register/"))
    for label in ("Username", "Email", "Password", "Password (again)"):
        assert f">{label}</label>" in register_page
    client.force_login(member)
    for url, heading in [
        ("/accounts/email/", "Email address"),
        ("/accounts/password/change/", "Change your password"),
        ("/accounts/sessions/", "Where you are logged in"),
    ]:
        page = text(client.get(url))
        assert f"<h2>{heading}</h2>" in page
        assert 'aria-label="Account settings"' in page
        assert "- Mindwellnessforum</title>" in page


def test_the_header_links_members_to_their_account(client, member):
    assert 'href="/accounts/email/">Account</a>' not in text(client.get("/"))
    client.force_login(member)
    assert 'href="/accounts/email/">Account</a>' in text(client.get("/"))


def test_the_old_signup_address_leads_to_registration(client, db):
    response = client.get("/accounts/signup/?next=/ask/")
    assert response["Location"] == "/accounts/register/?next=/ask/"


def test_reserved_usernames_are_refused(client, db):
    response = register(client, "Moderator")
    assert response.status_code == 400
    assert "This username is reserved." in text(response)
    assert not User.objects.filter(username="Moderator").exists()


def test_the_admin_login_uses_the_site_login(client, db):
    # So the admin cannot be a way round email confirmation, two-factor codes or the limits.
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"
