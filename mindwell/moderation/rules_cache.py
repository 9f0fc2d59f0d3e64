"""Moderation rules (watched words, blocked networks) read on every post, built once per
process and rebuilt when an administrator changes them.

Each web process keeps the built value (compiled regular expressions, parsed networks)
together with a version stamp; the stamp lives in the shared Django cache, so changing a
rule in the admin of one process makes every process rebuild on its next post.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from typing import Generic, TypeVar

from django.core.cache import cache
from django.db import transaction

T = TypeVar("T")


class VersionedMemo(Generic[T]):
    def __init__(self, key: str, build: Callable[[], T]) -> None:
        self.key = f"moderation:rules-version:{key}"
        self.build = build
        self._lock = threading.Lock()
        self._memo: tuple[str, T] | None = None

    def get(self) -> T:
        version = cache.get(self.key)
        if version is None:
            cache.add(self.key, uuid.uuid4().hex, timeout=None)
            version = cache.get(self.key)
            if version is None:  # a cache that keeps nothing (DummyCache): never memoise
                return self.build()
        memo = self._memo
        if memo is not None and memo[0] == version:
            return memo[1]
        with self._lock:
            value = self.build()
            self._memo = (version, value)
        return value

    def invalidate(self) -> None:
        """Bump the version now (this process, this transaction) and again after commit, so a
        process that rebuilt from the not-yet-committed rows in between rebuilds once more."""
        cache.set(self.key, uuid.uuid4().hex, timeout=None)
        transaction.on_commit(lambda: cache.set(self.key, uuid.uuid4().hex, timeout=None))
