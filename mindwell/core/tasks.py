"""The background task queue, wired in one place.

Work that need not hold up a page (awarding badges, recalculating points, and later email)
runs as django-tasks tasks. In production they wait in the database (django-tasks-db's
`DBTaskResult` table) until `mindwell run_worker` runs them; the test settings run them at
once, in the process that enqueued them. Services never enqueue inside their transaction:
`enqueue_on_commit` waits for the commit, so a worker never looks for rows that are not
there yet, and a rolled-back write leaves no task behind.

Queues: "default" for the site's own work, "email" for mail (kept apart so a slow mail
server cannot delay badges). `TASKS_URL=redis://…` swaps the database for a Redis-backed
queue (`REDIS_BACKEND`) and changes nothing else.

This module is imported by the settings, so Django is imported inside functions only.
"""

from __future__ import annotations

import json
from typing import Any

DEFAULT_QUEUE = "default"
EMAIL_QUEUE = "email"
QUEUES = [DEFAULT_QUEUE, EMAIL_QUEUE]

DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"
IMMEDIATE_BACKEND = "django_tasks.backends.immediate.ImmediateBackend"
# For several machines sharing one queue (TASKS_URL=redis://…); see its module.
REDIS_BACKEND = "mindwell.notifications.backends.redis_backend.RedisBackend"


def tasks_setting(
    backend: str = DATABASE_BACKEND, *, location: str = "", options: dict[str, Any] | None = None
) -> dict[str, dict[str, Any]]:
    """The TASKS setting: one backend serving every queue."""
    setting: dict[str, Any] = {"BACKEND": backend, "QUEUES": list(QUEUES)}
    if location:
        setting["LOCATION"] = location
    if options:
        setting["OPTIONS"] = options
    return {"default": setting}


def tasks_setting_from_url(url: str) -> dict[str, dict[str, Any]]:
    """TASKS_URL: empty (or "database:") keeps tasks in the database; redis://, rediss://
    or unix:// keeps them in that Redis."""
    scheme = url.partition(":")[0].lower() if url else "database"
    if scheme == "database":
        return tasks_setting(DATABASE_BACKEND)
    if scheme in {"redis", "rediss", "unix"}:
        return tasks_setting(REDIS_BACKEND, location=url)
    raise ValueError(f"TASKS_URL must be empty, database:, redis://… or unix://…, not {url!r}")


class _Batch:
    """The tasks one transaction's commit enqueues, so each runs once per commit however
    often the transaction asked for it (loading the demo asks thousands of times)."""

    def __init__(self) -> None:
        self.enqueued: set[str] = set()
        self.committed = False


def enqueue_on_commit(task: Any, *args: Any, **kwargs: Any) -> None:
    """Enqueue `task(*args, **kwargs)` once the current transaction commits (at once outside
    one); the same task with the same arguments is enqueued once per commit. Arguments must
    be JSON values: ids, not model instances."""
    from django.db import transaction

    connection = transaction.get_connection()
    batch: _Batch | None = getattr(connection, "_mindwell_task_batch", None)
    if batch is None or batch.committed or not connection.in_atomic_block:
        batch = _Batch()
        connection._mindwell_task_batch = batch  # type: ignore[attr-defined]
    key = json.dumps([task.module_path, args, kwargs], sort_keys=True, default=str)

    def enqueue() -> None:
        # Deduplicated when the commit runs, not when asked: a request made inside a savepoint
        # that was rolled back is dropped by Django, and must not stop a later one.
        batch.committed = True
        if key not in batch.enqueued:
            batch.enqueued.add(key)
            task.enqueue(*args, **kwargs)

    # robust: the write is committed by now, so a failure to queue is logged, not shown to
    # the member as an error for something that worked.
    transaction.on_commit(enqueue, robust=True)
