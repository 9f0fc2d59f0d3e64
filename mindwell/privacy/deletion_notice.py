"""The banner a member sees on every page while their account waits to be deleted.

Pages must not pay a query for this on every request, so the date is kept in the session:
set when the member asks for deletion or logs in with a request pending, and checked against
the database only while it is set (the request may have been cancelled from the email link,
in another session)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.dateparse import parse_datetime

from mindwell.privacy.models import DeletionRequest

SESSION_KEY = "privacy_deletion_due"


def note_pending_deletion(request: HttpRequest, deletion: DeletionRequest | None) -> None:
    if deletion is not None and deletion.is_pending:
        request.session[SESSION_KEY] = deletion.execute_after.isoformat()
    else:
        request.session.pop(SESSION_KEY, None)


def remember_pending_deletion(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    """On login (user_logged_in): carry a pending request into the new session."""
    if request is None or not hasattr(request, "session"):
        return
    note_pending_deletion(request, DeletionRequest.objects.pending().filter(user=user).first())


def deletion_banner(request: HttpRequest) -> dict[str, Any]:
    """Context processor: `pending_deletion` (the request) while one is pending."""
    session = getattr(request, "session", None)
    user = getattr(request, "user", None)
    if session is None or SESSION_KEY not in session:
        return {}
    if user is None or not user.is_authenticated:
        return {}
    deletion = DeletionRequest.objects.pending().filter(user_id=user.pk).first()
    if deletion is None:
        session.pop(SESSION_KEY, None)
        return {}
    due = parse_datetime(session[SESSION_KEY])
    if due != deletion.execute_after:
        session[SESSION_KEY] = deletion.execute_after.isoformat()
    return {"pending_deletion": deletion}
