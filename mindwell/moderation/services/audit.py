"""Writing the audit log: one row per moderator (or site) action, never edited."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db import transaction

from mindwell.moderation.models import AuditEntry
from mindwell.qa.models import Post

COUNTS_CACHE_KEY = "moderation:counts:v1"


def audit_write(
    *,
    actor: Any,
    action: str,
    post: Post | None = None,
    target_user: Any = None,
    reason: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    entry = AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        post=post,
        target_user=target_user,
        reason=reason[:500],
        detail=detail or {},
    )
    counts_changed()
    return entry


def counts_changed() -> None:
    """The header's queue counts are cached for a few seconds; after a change that moves
    them, drop the cache once the change is committed so moderators see it at once."""
    transaction.on_commit(lambda: cache.delete(COUNTS_CACHE_KEY))
