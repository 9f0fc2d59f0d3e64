"""Registering, as a person does it, with the confirmation email travelling over real SMTP.

The site sends mail through Django's SMTP backend to a local aiosmtpd server started for the
test; the test reads the link from the message that arrived, opens it in the browser as if
from a phone's mail app (another browser, so the link alone must do), then logs in by email.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from playwright.sync_api import expect

from mindwell.accounts.models import User

pytestmark = pytest.mark.browser

USERNAME = "river"
EMAIL = "river@example.test"
PASSWORD = "a-quiet-river-at-dawn-58"


class Inbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self._arrived = threading.Condition()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        message = message_from_bytes(envelope.content, policy=policy.default)
        with self._arrived:
            self.messages.append(message)  # type: ignore[arg-type]
            self._arrived.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, to: str, timeout: float = 15) -> EmailMessage:
        deadline = time.monotonic() + timeout
        with self._arrived:
            while True:
                for message in self.messages:
                    if to in str(message["To"]):
                        return message
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no message to {to} arrived in {timeout} s")
                self._arrived.wait(left)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_inbox(settings: Any) -> Iterator[Inbox]:
    """A real SMTP server on 127.0.0.1, and the site set to send its mail there."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    try:
        yield inbox
    finally:
        controller.stop()


def test_a_person_registers_confirms_by_email_and_logs_in(
    live_server: Any, new_context: Any, request_log: Any, smtp_inbox: Inbox
) -> None:
    page = new_context().new_page()
    page.goto("/")
    page.get_by_role("navigation", name="Account").get_by_role("link", name="Register").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Register")

    form = page.locator("main form")
    form.get_by_label("Username", exact=True).fill(USERNAME)
    form.get_by_label("Email", exact=True).fill(EMAIL)
    form.get_by_label("Password", exact=True).fill(PASSWORD)
    form.get_by_label("Password (again)", exact=True).fill(PASSWORD)
    form.get_by_role("button", name="Register").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    expect(page.get_by_text(f"We sent a link to {EMAIL}.")).to_be_visible()
    # Not logged in yet.
    expect(page.get_by_role("button", name="Log out")).to_have_count(0)

    message = smtp_inbox.wait_for(EMAIL)
    assert message["Subject"] == "[Mindwellnessforum] Please confirm your email address"
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    match = re.search(r"https?://\S+/accounts/confirm-email/\S+/", body.get_content())
    assert match, body.get_content()
    link = match.group(0)
    assert link.startswith(live_server.url)  # the link leads back to this site

    # Opened from the mail app: another browser, with no session of its own.
    phone = new_context().new_page()
    phone.goto(link)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Confirm your email address")
    expect(phone.get_by_text(f"{EMAIL} is the email address of {USERNAME}")).to_be_visible()
    phone.get_by_role("button", name="Confirm").click()
    expect(phone.get_by_text(f"Thank you: {EMAIL} is confirmed.")).to_be_visible()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Log in")

    # Logging in by email address.
    login_form = phone.locator("main form")
    login_form.get_by_label("Username or email").fill(EMAIL)
    login_form.get_by_label("Password", exact=True).fill(PASSWORD)
    login_form.get_by_role("button", name="Log in").click()
    header = phone.get_by_role("navigation", name="Account")
    expect(header.get_by_role("button", name="Log out")).to_be_visible()
    expect(
        header.get_by_role("link", name=re.compile(rf"^{USERNAME} \(100 points\)$"))
    ).to_be_visible()
    expect(header.get_by_role("link", name="Account")).to_be_visible()
    expect(phone.get_by_text(f"Welcome, {USERNAME}. You are logged in.")).to_be_visible()

    assert User.objects.get(username=USERNAME).email == EMAIL
    assert request_log.foreign() == []
    assert request_log.broken_assets() == {}
    assert request_log.script_errors == []


def test_a_wrong_password_twice_is_refused_and_kept_without_javascript(
    live_server: Any, new_context: Any, smtp_inbox: Inbox
) -> None:
    """The registration form works without JavaScript and keeps what was typed when refused."""
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/accounts/register/")
    form = page.locator("main form")
    form.get_by_label("Username", exact=True).fill(USERNAME)
    form.get_by_label("Email", exact=True).fill(EMAIL)
    form.get_by_label("Password", exact=True).fill(PASSWORD)
    form.get_by_label("Password (again)", exact=True).fill("not-the-same-at-all-11")
    form.get_by_role("button", name="Register").click()

    expect(page.get_by_role("alert")).to_have_text("You must type the same password each time.")
    expect(page.get_by_label("Username", exact=True)).to_have_value(USERNAME)
    expect(page.get_by_label("Email", exact=True)).to_have_value(EMAIL)
    assert not User.objects.filter(username=USERNAME).exists()
    assert smtp_inbox.messages == []
