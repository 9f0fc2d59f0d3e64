from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mindwell.core.redirects import safe_next  # noqa: F401  (the views import it from here)
from mindwell.moderation import permissions

View = Callable[..., HttpResponse]


def refuse(request: HttpRequest, message: str, *, status: int = 403) -> HttpResponse:
    """A refusal page that says why, rather than the site's generic 403."""
    return render(request, "moderation/denied.html", {"message": message}, status=status)


def _gate(check: Callable[[Any], bool], message: str) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated and request.method == "GET":
                return redirect_to_login(request.get_full_path())
            if not check(request.user):
                return refuse(request, message)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


moderators_only = _gate(
    permissions.can_moderate, "This page is for moderators. Please log in with a moderator account."
)
administrators_only = _gate(permissions.can_browse_log, "The audit log is for administrators only.")
