from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from mindwell.moderation import permissions
from mindwell.moderation.selectors import queue_counts


def moderation_counts(request: HttpRequest) -> dict[str, Any]:
    """`moderation_count` (posts waiting for approval plus posts with open flags) for the
    header of moderators' pages; nothing, and no query, for everyone else."""
    user = getattr(request, "user", None)
    if not permissions.can_moderate(user):
        return {}
    counts = queue_counts()
    return {"moderation_count": counts.total, "moderation_counts": counts}
