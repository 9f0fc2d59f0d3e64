"""Light, dark or the system's setting: the reader's choice, kept in the `theme` cookie.

Pages render `<html data-theme="…">` from the cookie, so the first paint already has the
right colours (no flash of the wrong theme). The switch is a plain form that works without
JavaScript; mindwell.js sends the same form with fetch and changes the page in place.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import redirect
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from mindwell.core.redirects import safe_next

# The anonymous page cache varies on this cookie (mindwell.core.pagecache); keep the name.
THEME_COOKIE = "theme"
THEMES = ("light", "dark", "system")
SYSTEM = "system"
ONE_YEAR = 365 * 24 * 60 * 60


def current_theme(request: HttpRequest) -> str:
    chosen = request.COOKIES.get(THEME_COOKIE, "")
    return chosen if chosen in THEMES else SYSTEM


def theme(request: HttpRequest) -> dict[str, str]:
    """Context processor: `theme` is "light", "dark" or "system"."""
    return {"theme": current_theme(request)}


# No CSRF token: the form is on every page, and a token would make every page set a cookie
# and vary per visitor, defeating the anonymous page cache. The worst a forged request can
# do is change someone's colours, which they can change back.
@csrf_exempt
@require_POST
def theme_set(request: HttpRequest) -> HttpResponseBase:
    chosen = request.POST.get("theme", "")
    if chosen not in THEMES:
        return HttpResponse(
            "Please choose Light, Dark or System.", status=400, content_type="text/plain"
        )
    response: HttpResponseBase
    if request.headers.get("X-Requested-With") == "fetch":
        response = JsonResponse({"theme": chosen})
    else:
        response = redirect(safe_next(request, "/"))
    if chosen == SYSTEM:
        response.delete_cookie(THEME_COOKIE, samesite="Lax")
    else:
        response.set_cookie(
            THEME_COOKIE,
            chosen,
            max_age=ONE_YEAR,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    return response
