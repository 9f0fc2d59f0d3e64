"""The two real task queues the email tests run on: the database (django-tasks-db) and
Redis (mindwell.notifications.backends.redis_backend), each behind the same settings."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import redis

from mindwell.core.tasks import DATABASE_BACKEND, REDIS_BACKEND, tasks_setting

# Database 15 and a prefix of our own: the tests never touch what else is in this Redis.
REDIS_URL = "redis://127.0.0.1:6379/15"
BACKENDS = ["database", "redis"]


def redis_running() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def redis_options() -> dict[str, Any]:
    return {"PREFIX": f"mindwell-test:{uuid.uuid4().hex[:12]}", "HEARTBEAT_TIMEOUT": 2}


def use_backend(name: str, settings: Any) -> Iterator[Any]:
    """Point TASKS at the named backend for one test; yields the backend."""
    from django_tasks import task_backends

    if name == "redis":
        if not redis_running():
            pytest.skip("Redis is not running on 127.0.0.1:6379")
        settings.TASKS = tasks_setting(REDIS_BACKEND, location=REDIS_URL, options=redis_options())
    else:
        settings.TASKS = tasks_setting(DATABASE_BACKEND)
    backend = task_backends["default"]
    try:
        yield backend
    finally:
        if name == "redis":
            backend.flush()


@pytest.fixture(params=BACKENDS)
def queue(request: pytest.FixtureRequest, settings: Any) -> Iterator[Any]:
    """Each test using it runs once on each queue backend."""
    yield from use_backend(request.param, settings)


@pytest.fixture
def database_queue(settings: Any) -> Iterator[Any]:
    yield from use_backend("database", settings)
