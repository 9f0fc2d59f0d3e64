"""Session security: the list of where a member is logged in, "Log out other sessions",
activity noted at most once a minute, and secure cookies in production."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from allauth.usersessions.models import UserSession
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from mindwell.accounts.sessions import describe_device
from tests.accounts.auth_helpers import log_in, text, words
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
REPO = Path(__file__).resolve().parents[2]


def device(user_agent: str, ip: str) -> Client:
    """A browser of its own, logged in as alice through the login form."""
    browser = Client(HTTP_USER_AGENT=user_agent, REMOTE_ADDR=ip)
    assert log_in(browser, "alice", ip=ip)["Location"] == "/"
    return browser


def test_the_list_shows_each_device_and_logs_out_the_others(member):
    laptop = device(FIREFOX_WINDOWS, "192.0.2.20")
    phone = device(SAFARI_IPHONE, "198.51.100.30")

    page = laptop.get("/accounts/sessions/")
    assert page.status_code == 200
    listed = words(page)
    assert "Firefox on Windows (this device) 192.0.2.20" in listed
    assert "Safari on iPhone 198.51.100.30" in listed
    assert "Logs out 1 other session; this device stays logged in." in listed

    response = laptop.post("/accounts/sessions/")
    assert response["Location"] == "/accounts/sessions/"
    after = laptop.get("/accounts/sessions/")
    assert "You are logged out everywhere else." in text(after)
    assert "You are logged in only here." in text(after)
    assert "Safari on iPhone" not in text(after)

    # The phone's session is over: its next request is a visitor's.
    assert not phone.get("/").context["user"].is_authenticated
    assert laptop.get("/").context["user"] == member


def test_the_list_costs_the_same_queries_however_many_sessions(
    member, django_assert_max_num_queries
):
    laptop = device(FIREFOX_WINDOWS, "192.0.2.20")
    laptop.get("/accounts/sessions/")
    with django_assert_max_num_queries(50) as one:
        laptop.get("/accounts/sessions/")
    baseline = len(one)
    for n in range(5):
        device(SAFARI_IPHONE, f"198.51.100.{n + 1}")
    with django_assert_max_num_queries(baseline):
        page = laptop.get("/accounts/sessions/")
    assert words(page).count("Safari on iPhone") == 5


def test_sessions_that_ended_are_not_listed(member):
    laptop = device(FIREFOX_WINDOWS, "192.0.2.20")
    phone = device(SAFARI_IPHONE, "198.51.100.30")
    phone.post("/accounts/logout/")
    assert "Safari on iPhone" not in text(laptop.get("/accounts/sessions/"))


def test_changing_the_password_logs_out_other_devices(member):
    laptop = device(FIREFOX_WINDOWS, "192.0.2.20")
    phone = device(SAFARI_IPHONE, "198.51.100.30")
    laptop.post(
        "/accounts/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "new-long-pass-2024",
            "password2": "new-long-pass-2024",
        },
    )
    assert laptop.get("/").context["user"] == member
    assert not phone.get("/").context["user"].is_authenticated


def test_activity_is_noted_at_most_once_a_minute(client, member):
    client.force_login(member)
    client.get("/", REMOTE_ADDR="192.0.2.1")
    row = UserSession.objects.get(user=member)
    assert row.ip == "192.0.2.1"
    long_ago = timezone.now() - timedelta(hours=2)
    UserSession.objects.filter(pk=row.pk).update(last_seen_at=long_ago)

    client.get("/", REMOTE_ADDR="192.0.2.2")  # within the minute: not written again
    assert UserSession.objects.get(pk=row.pk).last_seen_at == long_ago

    cache.clear()  # as if the minute had passed
    client.get("/", REMOTE_ADDR="192.0.2.2")
    row = UserSession.objects.get(pk=row.pk)
    assert row.last_seen_at > long_ago
    assert row.ip == "192.0.2.2"


def test_visitors_have_no_session_list(client, db):
    response = client.get("/accounts/sessions/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    client.get("/")
    assert not UserSession.objects.exists()


@pytest.mark.parametrize(
    ("user_agent", "expected"),
    [
        (FIREFOX_WINDOWS, "Firefox on Windows"),
        (SAFARI_IPHONE, "Safari on iPhone"),
        (
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/126.0 Safari/537.36",
            "Chrome on Linux",
        ),
        (
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like "
            "Gecko) Chrome/126.0 Safari/537.36 Edg/126.0",
            "Edge on macOS",
        ),
        ("curl/8.5.0", "curl/8.5.0"),
        ("", "Unknown device"),
    ],
)
def test_devices_are_named_plainly(user_agent, expected):
    assert describe_device(user_agent) == expected


def test_production_cookies_are_secure_and_out_of_reach_of_scripts():
    probe = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.CSRF_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, s.CSRF_COOKIE_SAMESITE, "
        "s.ACCOUNT_DEFAULT_HTTP_PROTOCOL)"
    )
    environment = {k: v for k, v in os.environ.items() if k not in ("DEBUG",)}
    environment.update(
        DJANGO_SETTINGS_MODULE="mindwell.config.settings.production",
        SECRET_KEY="p" * 50,
    )
    # Our own interpreter and a fixed argument list: nothing untrusted reaches the command.
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", f"import django; django.setup(); {probe}"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "True", "True", "Lax", "Lax", "https"]
