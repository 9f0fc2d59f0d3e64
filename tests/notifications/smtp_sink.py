"""A real SMTP server for the email tests: aiosmtpd on 127.0.0.1, collecting what it accepts.

Only messages the server has acknowledged (the "250" after DATA) are kept, as a real mail
server would: a message whose connection dies before that is not delivered. `before_accept`
lets a test act at that moment (the fault test kills the worker there).
"""

from __future__ import annotations

import email
import email.policy
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage

    @property
    def subject(self) -> str:
        # Python folds a long encoded Subject onto the next line ("Subject: \n =?utf-8?…"),
        # which the parser reads back with a leading space; mail programs drop it too.
        return str(self.message["Subject"]).strip()

    @property
    def message_id(self) -> str:
        return str(self.message["Message-ID"])

    def part(self, content_type: str) -> str:
        """The decoded text of the text/plain or text/html part."""
        for part in self.message.walk():
            if part.get_content_type() == content_type:
                # SMTP sends CRLF line ends; the tests compare with Python's "\n".
                return str(part.get_content()).replace("\r\n", "\n")
        raise AssertionError(f"no {content_type} part in {self.message['Subject']!r}")

    @property
    def text(self) -> str:
        return self.part("text/plain")

    @property
    def html(self) -> str:
        return self.part("text/html")


@dataclass
class SmtpSink:
    host: str = "127.0.0.1"
    port: int = 0
    messages: list[Received] = field(default_factory=list)
    # Called with the message about to be acknowledged; raising refuses it (550 … ).
    before_accept: Callable[[Received], None] | None = None
    # Addresses the server refuses with a temporary error (4xx), as a full mailbox would.
    refuse: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)
    arrived: threading.Condition = field(init=False)

    def __post_init__(self) -> None:
        self.arrived = threading.Condition(self.lock)

    # aiosmtpd handler hooks ------------------------------------------------------------
    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:  # noqa: N802, E501
        if address in self.refuse:
            return "451 4.2.0 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        parsed = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        received = Received(
            sender=envelope.mail_from, recipients=list(envelope.rcpt_tos), message=parsed
        )
        if self.before_accept is not None:
            try:
                self.before_accept(received)
            except Exception as error:  # the hook's way of refusing the message
                return f"554 5.0.0 Refused: {error}"
        with self.arrived:
            self.messages.append(received)
            self.arrived.notify_all()
        return "250 Message accepted for delivery"

    # For the tests ---------------------------------------------------------------------
    def count(self) -> int:
        with self.lock:
            return len(self.messages)

    def wait_for(self, count: int, timeout: float = 30.0) -> bool:
        """Wait until at least `count` messages arrived; False if the time ran out."""
        with self.arrived:
            return self.arrived.wait_for(lambda: len(self.messages) >= count, timeout=timeout)

    def to(self, address: str) -> list[Received]:
        with self.lock:
            return [m for m in self.messages if address in m.recipients]

    def clear(self) -> None:
        with self.lock:
            self.messages.clear()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_sink(settings: Any) -> Iterator[SmtpSink]:
    """A running SMTP server, and the settings pointing Django's SMTP backend at it."""
    sink = SmtpSink(port=free_port())
    controller = Controller(sink, hostname=sink.host, port=sink.port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = sink.host
    settings.EMAIL_PORT = sink.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    try:
        yield sink
    finally:
        controller.stop()
