"""The unsubscribe page, reached from the link (and the one-click header) in every email.

No login: the signed token says who and what. Opening the link only shows a button, so
mail scanners that follow links unsubscribe nobody; pressing it (or a mail program's
RFC 8058 one-click POST) unsubscribes at once. The view is exempt from CSRF checks because
a mail program's POST carries no token; the signed token in the URL is what authorises it.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from mindwell.notifications import unsubscribe as unsub

ONE_CLICK = "One-Click"


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    scope = unsub.read_token(token)
    if scope is None:
        return render(request, "notifications/unsubscribe/invalid.html", status=400)
    context = {
        "token": token,
        "what": unsub.describe(scope),
        "scope": scope,
        "wider_token": "" if unsub.is_widest(scope) else unsub.wider_token(scope),
    }
    if request.method == "GET":
        return render(request, "notifications/unsubscribe/confirm.html", context)
    done = unsub.unsubscribe(scope=scope)
    if request.POST.get("List-Unsubscribe") == ONE_CLICK:
        # A mail program, not a person: a short answer it can log.
        return HttpResponse("Unsubscribed.\n", content_type="text/plain; charset=utf-8")
    return render(
        request, "notifications/unsubscribe/done.html", {**context, "done": done}, status=200
    )
