"""PostgreSQL read replicas (DATABASE_REPLICA_URL, comma-separated).

Only the reads of an anonymous visitor's GET or HEAD request may go to a replica: members,
anyone who wrote in the last few seconds (a cookie pins them to the primary, so they read
back what they just wrote however far behind a replica is), and everything outside a
request (commands, the worker) read from the primary. Writes, reads inside a transaction
and migrations always use the primary.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpRequest, HttpResponseBase

PIN_COOKIE = "mw_primary"
PIN_SECONDS = 10
REPLICA_PREFIX = "replica"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

_replica_allowed: ContextVar[bool] = ContextVar("replica_allowed", default=False)


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith(REPLICA_PREFIX)]


class PrimaryReplicaRouter:
    """Listed in DATABASE_ROUTERS only when replicas are configured."""

    def db_for_read(self, model: Any, **hints: Any) -> str:
        replicas = replica_aliases()
        if not replicas or not _replica_allowed.get():
            return DEFAULT_DB_ALIAS
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS  # a transaction reads what it is about to write
        return random.choice(replicas)  # noqa: S311 (spreading load, not security)

    def db_for_write(self, model: Any, **hints: Any) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # the replicas hold the same rows as the primary

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == DEFAULT_DB_ALIAS


def may_read_replica(request: HttpRequest) -> bool:
    return (
        request.method in SAFE_METHODS
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and PIN_COOKIE not in request.COOKIES
    )


class ReplicaMiddleware:
    """Decides, per request, whether its reads may use a replica; pins writers."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        replicas = bool(replica_aliases())
        token = _replica_allowed.set(replicas and may_read_replica(request))
        try:
            response = self.get_response(request)
        finally:
            _replica_allowed.reset(token)
        if replicas and request.method not in SAFE_METHODS:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=PIN_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response
