from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from mindwell.notifications import permissions
from mindwell.notifications.selectors import unread_count


def inbox_count(request: HttpRequest) -> dict[str, Any]:
    """`inbox_unread`, the header's unread count, for members. It is a callable the
    template calls only when it shows it, and the count itself is cached (dropped whenever
    a notification arrives or is read), so most pages cost no query for it."""
    user = getattr(request, "user", None)
    if not permissions.can_use_inbox(user):
        return {}
    return {"inbox_unread": lambda: unread_count(user)}
