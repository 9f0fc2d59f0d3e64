"""Asking for account deletion: password, choice, grace period, confirmation email with a
cancel link that works without logging in, and the banner until then."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client

from mindwell.privacy.models import DeletionMode, DeletionRequest
from mindwell.privacy.services.deletion import PASSWORD_TRIES
from tests.factories import PASSWORD
from tests.moderation.moderation_helpers import make_moderator
from tests.privacy.privacy_helpers import text

pytestmark = pytest.mark.django_db


def logged_in(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def ask_deletion(client: Client, *, mode: str = DeletionMode.ANONYMISE, password: str = PASSWORD):
    return client.post("/privacy/delete/", {"mode": mode, "password": password})


def cancel_url_from(message: mail.EmailMessage) -> str:
    match = re.search(r"http://testserver(/privacy/delete/cancel/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_the_page_offers_both_choices_with_labels(member):
    html = text(logged_in(member).get("/privacy/delete/"))
    assert "Keep my posts, anonymised" in html
    assert "Delete my posts" in html
    assert '<label for="id_password">Your password, to confirm it is you:</label>' in html
    assert "14 days" in html


def test_a_wrong_password_is_refused_and_the_choice_kept(member):
    response = ask_deletion(logged_in(member), mode=DeletionMode.DELETE_POSTS, password="nope")
    assert response.status_code == 400
    html = text(response)
    assert "That password is not right; please type it again." in html
    assert re.search(r'<input[^>]*value="delete"[^>]*checked', html)
    assert not DeletionRequest.objects.exists()


def test_password_tries_are_limited(member):
    client = logged_in(member)
    for _ in range(PASSWORD_TRIES):
        assert ask_deletion(client, password="wrong").status_code == 400
    response = ask_deletion(client)
    assert response.status_code == 429
    assert "Too many wrong passwords" in text(response)
    assert not DeletionRequest.objects.exists()


def test_a_missing_choice_is_explained(member):
    response = logged_in(member).post("/privacy/delete/", {"password": PASSWORD})
    assert response.status_code == 400
    assert "Please choose what happens to your posts." in text(response)


def test_asking_schedules_the_deletion_and_sends_a_cancel_link(
    member, django_capture_on_commit_callbacks
):
    client = logged_in(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = ask_deletion(client)
    assert response.status_code == 302
    assert response["Location"] == "/privacy/"
    deletion = DeletionRequest.objects.get()
    assert deletion.user == member
    assert deletion.mode == DeletionMode.ANONYMISE
    grace = deletion.execute_after - deletion.requested_at
    assert grace == timedelta(days=14)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert "will be deleted on" in message.body
    assert cancel_url_from(message).startswith("/privacy/delete/cancel/")


def test_the_grace_period_is_a_setting(member, settings):
    settings.MINDWELL_DELETION_GRACE_DAYS = 3
    ask_deletion(logged_in(member))
    deletion = DeletionRequest.objects.get()
    assert deletion.execute_after - deletion.requested_at == timedelta(days=3)


def test_the_banner_shows_on_every_page_until_cancelled(member, question):
    client = logged_in(member)
    ask_deletion(client)
    for url in ("/", question.get_absolute_url(), "/privacy/"):
        html = text(client.get(url, follow=True))
        assert "Your account will be deleted on" in html
        assert "Cancel the deletion" in html
    response = client.post("/privacy/delete/cancel/")
    assert response.status_code == 302
    assert DeletionRequest.objects.get().cancelled_at is not None
    html = text(client.get("/", follow=True))
    assert "Your account will be deleted on" not in html
    assert "Your account will not be deleted. Welcome back." in html


def test_the_banner_follows_the_member_to_a_new_login(member):
    ask_deletion(logged_in(member))
    client = Client()
    assert client.login(username=member.username, password=PASSWORD)
    assert "Your account will be deleted on" in text(client.get("/", follow=True))


def test_the_banner_costs_no_query_for_members_without_a_request(member, other_member):
    ask_deletion(logged_in(other_member))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = logged_in(member)
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert not any("privacy_deletionrequest" in q["sql"] for q in queries.captured_queries)


def test_the_email_link_cancels_without_logging_in(member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ask_deletion(logged_in(member))
    url = cancel_url_from(mail.outbox[0])
    visitor = Client()
    page = visitor.get(url)
    assert page.status_code == 200
    assert "Keep my account" in text(page)
    assert DeletionRequest.objects.get().cancelled_at is None  # opening the link is not enough
    response = visitor.post(url)
    assert response.status_code == 200
    assert "The deletion is cancelled" in text(response)
    assert DeletionRequest.objects.get().cancelled_at is not None


def test_a_cancelled_request_drops_the_banner_in_the_other_session(
    member, django_capture_on_commit_callbacks
):
    client = logged_in(member)
    with django_capture_on_commit_callbacks(execute=True):
        ask_deletion(client)
    Client().post(cancel_url_from(mail.outbox[0]))
    assert "Your account will be deleted on" not in text(client.get("/", follow=True))


def test_a_broken_cancel_link_is_explained():
    response = Client().get("/privacy/delete/cancel/not-a-real-token/")
    assert response.status_code == 400
    assert "This link is not valid" in text(response)


def test_asking_twice_shows_the_pending_request(member):
    client = logged_in(member)
    ask_deletion(client)
    html = text(client.get("/privacy/delete/"))
    assert "Your account is due to be deleted on" in html
    ask_deletion(client)
    assert DeletionRequest.objects.count() == 1


def test_moderators_are_asked_to_give_up_their_role_first():
    moderator = make_moderator("keeperofpeace")
    response = ask_deletion(logged_in(moderator))
    assert response.status_code == 403
    assert "Moderator and administrator accounts cannot be deleted here" in text(response)
    assert not DeletionRequest.objects.exists()
