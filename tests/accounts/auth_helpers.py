"""Helpers for the account tests: reading pages and mail, and acting as a person would."""

from __future__ import annotations

import html as html_lib
import re
from typing import Any

from django.core import mail

from tests.factories import PASSWORD

LINK = re.compile(r"https?://[^/\s]+(/accounts/\S+/)")


def text(response: Any) -> str:
    return html_lib.unescape(response.content.decode())


def words(response: Any) -> str:
    """The page's visible text, tags removed and spaces collapsed."""
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def link_in(message: Any, path_start: str = "/accounts/") -> str:
    """The path of the first link to `path_start…` in an email."""
    for path in LINK.findall(message.body):
        if path.startswith(path_start):
            return path
    raise AssertionError(f"no {path_start} link in: {message.body}")


def mail_to(address: str) -> list[Any]:
    return [message for message in mail.outbox if address in message.to]


def confirm(client: Any, message: Any) -> Any:
    """Open a confirmation email's link and press Confirm; returns the response to that."""
    url = link_in(message, "/accounts/confirm-email/")
    page = client.get(url)
    assert page.status_code == 200
    assert "Confirm your email address" in text(page)
    return client.post(url)


def log_in(
    client: Any, login: str, password: str = PASSWORD, *, ip: str = "127.0.0.1", **data: Any
) -> Any:
    """Post the login form from address `ip`; `data` adds form fields (`next`, `remember`)."""
    return client.post(
        "/accounts/login/", {"login": login, "password": password, **data}, REMOTE_ADDR=ip
    )


def register(
    client: Any, username: str = "newcomer", url: str = "/accounts/register/", **extra: Any
) -> Any:
    data = {
        "username": username,
        "email": f"{username}@example.test",
        "password1": "correct-horse-battery-9",
        "password2": "correct-horse-battery-9",
    }
    data.update(extra)
    return client.post(url, data)
