"""Maintenance (read-only) mode, switched on by an administrator in the site settings.

Every page shows a banner; every write outside the admin and logging in or out is answered
503 with a page that gives the writer their text back (or JSON under /api/), so nothing
typed is lost while the database is being worked on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponseBase, JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from mindwell.siteconfig.models import SiteSettings

MESSAGE = _("The site is read-only for maintenance; your text is kept.")
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Writes that stay open: administrators switch the mode off in the admin, people log in
# and out, and the theme and language switches only set a cookie.
OPEN_URL_NAMES = frozenset({"login", "logout", "theme-set", "set_language"})
OPEN_PREFIXES = ("/admin/",)
# Form fields that are not the writer's text (tokens, check questions, passwords).
NOT_TEXT = ("csrfmiddlewaretoken", "submit_token", "captcha", "password", "website", "token")
RETRY_AFTER_SECONDS = "300"


def read_only() -> bool:
    """Cached with the site settings; saving them clears that cache at once."""
    return SiteSettings.current().read_only


def maintenance_banner(request: HttpRequest) -> dict[str, Any]:
    """Context processor: `read_only_mode` for the banner in base.html."""
    return {"read_only_mode": read_only()}


def _is_open(request: HttpRequest) -> bool:
    if request.path.startswith(OPEN_PREFIXES):
        return True
    try:
        return resolve(request.path_info).url_name in OPEN_URL_NAMES
    except Resolver404:
        return False


def kept_text(request: HttpRequest) -> list[tuple[str, str]]:
    """The text fields the writer sent, to hand back to them."""
    kept = []
    for name, values in request.POST.lists():
        if any(word in name.lower() for word in NOT_TEXT):
            continue
        for value in values:
            if value.strip():
                kept.append((name.replace("_", " "), value))
    return kept


def refusal(request: HttpRequest) -> HttpResponseBase:
    if request.path.startswith("/api/"):
        response: HttpResponseBase = JsonResponse(
            {"detail": str(MESSAGE), "code": "read_only"}, status=503
        )
    else:
        referer = request.META.get("HTTP_REFERER", "")
        back = referer if url_has_allowed_host_and_scheme(referer, {request.get_host()}) else ""
        context = {"message": MESSAGE, "kept": kept_text(request), "back": back}
        response = render(request, "core/read_only.html", context, status=503)
    response["Retry-After"] = RETRY_AFTER_SECONDS
    return response


class MaintenanceMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method in WRITE_METHODS and not _is_open(request) and read_only():
            return refusal(request)
        return self.get_response(request)
