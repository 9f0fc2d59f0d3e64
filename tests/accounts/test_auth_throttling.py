"""Login throttling (allauth's "login_failed" limit, counted in the cache): at most 5 failed
attempts per account in 5 minutes and 10 per address in a minute. A refusal says so plainly,
with status 429, and keeps what the person typed."""

from __future__ import annotations

import pytest

from tests.accounts.auth_helpers import log_in, text
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

WRONG = "wrong-password"
REFUSAL = "Too many failed attempts to log in to this account, or from your network."


def attempt(client, login: str, password: str = WRONG, ip: str = "192.0.2.10"):
    return log_in(client, login, password, ip=ip)


def test_an_account_is_paused_after_five_failures_even_from_new_addresses(client, member):
    for n in range(5):
        response = attempt(client, "alice", ip=f"192.0.2.{n + 1}")
        assert response.status_code == 200
        assert "Please enter a correct username and password" in text(response)

    refused = attempt(client, "alice", PASSWORD, ip="198.51.100.7")  # even the right password
    assert refused.status_code == 429
    page = text(refused)
    assert REFUSAL in page
    assert "please wait 5 minutes before trying again, or reset your password" in page
    assert 'value="alice"' in page  # the typed username is kept
    assert "_auth_user_id" not in client.session

    # Another account from the same addresses is not affected.
    make_user("bob")
    assert attempt(client, "bob", PASSWORD, ip="192.0.2.1").status_code == 302


def test_the_account_limit_counts_username_and_email_apart(client, member):
    # The key is what was typed: failures by username do not lock the email address out.
    for n in range(5):
        attempt(client, "alice", ip=f"192.0.2.{n + 1}")
    assert attempt(client, "alice", PASSWORD, ip="192.0.2.50").status_code == 429
    assert attempt(client, "alice@example.test", PASSWORD, ip="192.0.2.51").status_code == 302


def test_an_address_is_paused_after_ten_failures_a_minute(client, member):
    for n in range(10):
        assert attempt(client, f"guess{n}", ip="203.0.113.9").status_code == 200
    refused = attempt(client, "alice", PASSWORD, ip="203.0.113.9")
    assert refused.status_code == 429
    assert REFUSAL in text(refused)
    assert 'value="alice"' in text(refused)
    # Someone else, elsewhere, logs in as usual.
    assert attempt(client, "alice", PASSWORD, ip="203.0.113.10").status_code == 302


def test_a_successful_login_does_not_use_up_the_allowance(client, member):
    for _ in range(6):
        assert attempt(client, "alice", PASSWORD).status_code == 302
        client.post("/accounts/logout/")
    assert attempt(client, "alice", "wrong").status_code == 200
