"""Where a member is logged in: reading the list of their sessions, and noting when each was
last seen.

allauth.usersessions keeps one row per logged-in session (device, address, last seen) and
ends sessions. Its own list checks each session with the session store one by one, and its
own tracking writes on every request; here the list is one query and a session is noted at
most once a minute, so neither grows with use.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext

DB_SESSION_ENGINES = {
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.backends.cached_db",
}
SEEN_EVERY_SECONDS = 60


@dataclass(frozen=True)
class SessionRow:
    device: str
    user_agent: str
    ip: str
    created_at: datetime
    last_seen_at: datetime
    is_current: bool


def session_list(*, user: Any, current_key: str | None) -> list[SessionRow]:
    """The member's open sessions, the most recently seen first."""
    if settings.SESSION_ENGINE in DB_SESSION_ENGINES:
        live = Session.objects.filter(
            session_key=OuterRef("session_key"), expire_date__gt=timezone.now()
        )
        rows = list(
            UserSession.objects.filter(user_id=user.pk)
            .filter(Exists(live))
            .order_by("-last_seen_at")
        )
    else:
        # Other stores can only be asked one session at a time.
        rows = sorted(
            UserSession.objects.purge_and_list(user),
            key=lambda row: row.last_seen_at,
            reverse=True,
        )
    return [
        SessionRow(
            device=describe_device(row.user_agent),
            user_agent=row.user_agent,
            ip=row.ip,
            created_at=row.created_at,
            last_seen_at=row.last_seen_at,
            is_current=row.session_key == current_key,
        )
        for row in rows
    ]


# Checked in order: Edge and Opera say "Chrome" too, and Chrome says "Safari".
_BROWSERS = [
    ("Edg/", "Edge"),
    ("OPR/", "Opera"),
    ("Firefox/", "Firefox"),
    ("Chromium/", "Chromium"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
]
_SYSTEMS = [
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
]


def describe_device(user_agent: str) -> str:
    """A short name such as "Firefox on Windows", from a browser's User-Agent; "Unknown
    device" when it says nothing we recognise."""
    browser = next((name for mark, name in _BROWSERS if mark in user_agent), "")
    system = next((name for mark, name in _SYSTEMS if mark in user_agent), "")
    if browser and system:
        return f"{browser} on {system}"
    if browser or system:
        return browser or system
    match = re.match(r"[\w./-]+", user_agent.strip())
    return match.group(0) if match else gettext("Unknown device")


class SessionActivityMiddleware:
    """Note a logged-in session's address, device and time, at most once a minute."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        key = request.session.session_key if hasattr(request, "session") else None
        if (
            user is not None
            and user.is_authenticated
            and key
            and cache.add(f"usersessions:seen:{key}", 1, timeout=SEEN_EVERY_SECONDS)
        ):
            # No usable address means nothing to note (see AccountAdapter.get_client_ip).
            with contextlib.suppress(PermissionDenied):
                UserSession.objects.create_from_request(request, user=user, session=request.session)
        return self.get_response(request)
