"""Concurrent writers (answers, comments and votes from many threads at once) finish
without "database is locked" or deadlock errors, on SQLite (WAL, busy timeout, BEGIN
IMMEDIATE) as on PostgreSQL (row locks)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from django.db import close_old_connections, connection

from mindwell.config.env import database_config
from mindwell.qa.models import Post, PostKind
from mindwell.qa.services.common import Poster
from mindwell.votes.services import vote_cast
from tests.factories import make_answer, make_comment, make_question, make_user

WRITERS = 24


def test_sqlite_is_configured_for_concurrent_writers(monkeypatch, tmp_path: Path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = database_config(tmp_path / "site.sqlite3")
    options = config["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 10
    assert "journal_mode=WAL" in options["init_command"]
    assert config["CONN_MAX_AGE"] == 0


@pytest.mark.django_db(transaction=True)
def test_mixed_concurrent_writes_lose_nothing_and_never_lock():
    author = make_user("asker")
    question = make_question(author=author)
    target = make_answer(question, author=author)
    writers = [make_user(f"writer{n}") for n in range(WRITERS)]
    barrier = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def write(n: int, user) -> None:  # type: ignore[no-untyped-def]
        try:
            barrier.wait(timeout=30)
            if n % 3 == 0:
                make_answer(question, poster=Poster(user=user), body=f"Answer number {n} here.")
            elif n % 3 == 1:
                make_comment(target, poster=Poster(user=user), body=f"Comment {n}.")
            else:
                vote_cast(user=user, post=target, value=1)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=write, args=(n, user)) for n, user in enumerate(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    question.refresh_from_db()
    target.refresh_from_db()
    assert question.answer_count == 1 + WRITERS // 3
    assert target.comment_count == WRITERS // 3
    assert target.score == WRITERS // 3
    assert Post.objects.filter(kind=PostKind.COMMENT, parent=target).count() == WRITERS // 3
