"""The fault test: a real worker process is killed (SIGKILL, no chance to clean up) twice
while sending a batch of 1,000 notification emails, and restarted each time; every
notification still reaches the SMTP server exactly once.

The worker is `python -m mindwell run_worker`, pointed at this test's database (the SQLite
file, or the PostgreSQL test database when DATABASE_URL is set), at the SMTP sink and, for
the Redis run, at this test's Redis prefix. It is killed while a message is in flight and
before the server has accepted it, the moment at which the outbox row is "sending" and the
message undelivered: the restarted worker must send it again, and must not send again the
messages marked sent. (A kill in the instant between the server accepting a message and the
row being marked sent would send that one message twice; mindwell.notifications.delivery
explains why that window is accepted.)
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, transaction

from mindwell.notifications.backends.redis_backend import RedisBackend
from mindwell.notifications.delivery import email_queue_notifications
from mindwell.notifications.email.message import message_id
from mindwell.notifications.models import EventType, Notification
from mindwell.notifications.models_email import EmailState, OutboundEmail
from tests.factories import make_question, make_user
from tests.notifications.queue_helpers import BACKENDS, REDIS_URL, use_backend
from tests.notifications.smtp_sink import Received, SmtpSink

TOTAL = 1000
KILL_AT = (300, 700)
MEMBERS = 40
DEADLINE_SECONDS = 240


def database_url() -> str:
    """This test's database, as DATABASE_URL spells it."""
    config = connection.settings_dict
    if config["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{Path(config['NAME']).resolve()}"
    auth = config["USER"] + (f":{config['PASSWORD']}" if config["PASSWORD"] else "")
    host = f"{config['HOST'] or '127.0.0.1'}:{config['PORT'] or 5432}"
    return f"postgres://{auth}@{host}/{config['NAME']}"


class Worker:
    """`mindwell run_worker` as its own process."""

    def __init__(self, env: dict[str, str], log_dir: Path) -> None:
        self.env, self.log_dir = env, log_dir
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self) -> None:
        self.starts += 1
        log = (self.log_dir / f"worker-{self.starts}.log").open("wb")
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and command
            [sys.executable, "-m", "mindwell", "run_worker", "--interval", "0.2"],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def kill(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def log(self) -> str:
        return "\n".join(p.read_text(errors="replace")[-3000:] for p in self.log_dir.glob("*.log"))


def worker_env(backend: Any, sink: SmtpSink, tmp_path: Path, settings: Any) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
    env.update(
        DJANGO_SETTINGS_MODULE="mindwell.config.settings.local",
        DATABASE_URL=database_url(),
        EMAIL_URL=f"smtp://{sink.host}:{sink.port}",
        TASKS_URL="",
        # A message claimed by a killed worker may be claimed again after 2 seconds.
        MINDWELL_EMAIL_CLAIM_TIMEOUT="2",
        MINDWELL_DATA_DIR=str(tmp_path),
        SECRET_KEY=settings.SECRET_KEY,
        DEFAULT_FROM_EMAIL=settings.DEFAULT_FROM_EMAIL,
        LOG_LEVEL="WARNING",
    )
    if isinstance(backend, RedisBackend):
        env["TASKS_URL"] = f"{REDIS_URL}?prefix={backend.prefix}&heartbeat_timeout=2"
    return env


def queue_batch() -> None:
    """1,000 answer notifications to 40 members, queued as the producers queue them: one
    outbox row each, and one send task when the transaction commits."""
    readers = [make_user(f"reader{n}") for n in range(MEMBERS)]
    question = make_question(author=make_user("asker"), title="How do you rest after work?")
    Notification.objects.bulk_create(
        Notification(
            recipient=readers[n % MEMBERS],
            event_type=EventType.ANSWER,
            post=question,
            question=question,
            actor_name="helper",
            group_key=f"answer:{question.pk}",
            dedupe_key=f"fault:{n}",
        )
        for n in range(TOTAL)
    )
    ids = list(
        Notification.objects.filter(dedupe_key__startswith="fault:").values_list("pk", flat=True)
    )
    with transaction.atomic():
        assert email_queue_notifications(notification_ids=ids) == TOTAL


def wait_until(
    condition: Any, what: str, worker: Worker, timeout: float = DEADLINE_SECONDS
) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"Timed out waiting for {what}. Worker output:\n{worker.log()}")
        time.sleep(0.2)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("backend_name", BACKENDS)
def test_a_killed_worker_loses_nothing_and_sends_nothing_twice(
    backend_name, smtp_sink, settings, tmp_path
):
    backends = use_backend(backend_name, settings)
    backend = next(backends)
    worker = Worker(worker_env(backend, smtp_sink, tmp_path, settings), tmp_path)
    kills: list[int] = []

    def kill_in_flight(message: Received) -> None:
        # Called with a message whose DATA the server has read but not yet acknowledged.
        if len(kills) < len(KILL_AT) and smtp_sink.count() == KILL_AT[len(kills)]:
            kills.append(smtp_sink.count())
            worker.kill()
            raise ConnectionAbortedError("the worker was killed")  # so it is not accepted

    try:
        queue_batch()
        smtp_sink.before_accept = kill_in_flight
        worker.start()
        for n, at in enumerate(KILL_AT, start=1):
            wait_until(lambda n=n: len(kills) >= n, f"kill number {n} (at {at})", worker)
            assert smtp_sink.count() == at
            # The message in flight was claimed and never marked sent.
            assert OutboundEmail.objects.filter(state=EmailState.SENDING).count() == 1
            worker.start()

        wait_until(
            lambda: not OutboundEmail.objects.exclude(state=EmailState.SENT).exists(),
            "every email to be marked sent",
            worker,
        )
        time.sleep(1)  # time for a duplicate, were one on its way
    finally:
        worker.stop()
        backends.close()  # the Redis run deletes its keys

    assert kills == list(KILL_AT)
    assert smtp_sink.count() == TOTAL
    received_ids = [m.message_id for m in smtp_sink.messages]
    assert len(set(received_ids)) == TOTAL
    assert set(received_ids) == {message_id(row) for row in OutboundEmail.objects.all()}
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
    # Each kill cost exactly one extra claim: the message in flight, claimed again.
    attempts = list(OutboundEmail.objects.values_list("attempts", flat=True))
    assert sum(attempts) == TOTAL + len(KILL_AT)
    per_member = {len(smtp_sink.to(f"reader{n}@example.test")) for n in range(MEMBERS)}
    assert per_member == {TOTAL // MEMBERS}
