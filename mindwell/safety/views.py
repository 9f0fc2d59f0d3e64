from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from mindwell.core import ratelimit
from mindwell.core.errors import ServiceError
from mindwell.core.ratelimit import client_ip
from mindwell.core.redirects import safe_next
from mindwell.qa.views.common import apply_service_error
from mindwell.safety import permissions
from mindwell.safety.forms import CaseActionForm, CountryForm
from mindwell.safety.pages import (
    COUNTRY_COOKIE,
    COUNTRY_COOKIE_AGE,
    composer_notice,
    visitor_country,
)
from mindwell.safety.selectors import (
    QUEUE_FILTERS,
    all_resources,
    cached_open_case_counts,
    case_detail,
    case_history,
    case_queue,
    choose_resources,
)
from mindwell.safety.services import (
    case_mark_checked_in,
    case_reopen,
    case_resolve,
    case_take,
    crisis_country_set,
)
from mindwell.siteconfig.models import SiteSettings

# Typing with pauses sends about one draft a second at most; this leaves room for several
# composers in one household behind one address.
ASSESS_PER_MINUTE = 60
QUEUE_PAGE_SIZE = 50

CASE_ACTIONS: dict[str, Callable[..., Any]] = {
    "take": lambda case, user, note: case_take(case=case, moderator=user),
    "take-over": lambda case, user, note: case_take(case=case, moderator=user, take_over=True),
    "check-in": lambda case, user, note: case_mark_checked_in(case=case, moderator=user, note=note),
    "resolve": lambda case, user, note: case_resolve(case=case, moderator=user, note=note),
    "reopen": lambda case, user, note: case_reopen(case=case, moderator=user, note=note),
}
DONE = {
    "take": gettext_lazy("You are handling this case."),
    "take-over": gettext_lazy("You have taken over this case."),
    "check-in": gettext_lazy("Check-in recorded."),
    "resolve": gettext_lazy("Case resolved."),
    "reopen": gettext_lazy("Case reopened."),
}


@require_POST
@never_cache
def assess_draft(request: HttpRequest) -> JsonResponse:
    """The composer's live check as someone types. Answers with the level and the notice to
    show, never the reasons, and keeps nothing of the text."""
    if not ratelimit.hit(
        f"safety-assess:{client_ip(request)}",
        limit=ASSESS_PER_MINUTE,
        window_seconds=60,
    ):
        return JsonResponse(
            {"error": "Too many checks in a minute; your text is safe, carry on."}, status=429
        )
    notice = composer_notice(
        request, title=request.POST.get("title", ""), body=request.POST.get("body", "")
    )
    if notice is None:
        return JsonResponse({"level": "none", "html": ""})
    html = render_to_string(
        "safety/_composer_message.html", {"composer_safety": notice}, request=request
    )
    return JsonResponse({"level": notice.level, "html": html})


def resources(request: HttpRequest) -> HttpResponse:
    """Every country's crisis lines, and the chooser that decides which ones the site shows
    this visitor (a cookie) or member (their account)."""
    groups = all_resources()
    countries = {group.country: group.country_name for group in groups}
    default = SiteSettings.current().crisis_country.upper()
    form_kwargs: dict[str, Any] = {
        "countries": countries,
        "default_name": countries.get(default, default),
    }
    status = 200
    if request.method == "POST":
        form = CountryForm(request.POST, **form_kwargs)
        if form.is_valid():
            return _save_country(request, form.cleaned_data["country"], countries)
        status = 400
    else:
        form = CountryForm(initial={"country": _saved_country(request)}, **form_kwargs)
    current = choose_resources({g.country: g.lines for g in groups}, visitor_country(request))
    context = {"form": form, "groups": groups, "current": current}
    return render(request, "safety/resources.html", context, status=status)


def _saved_country(request: HttpRequest) -> str:
    if request.user.is_authenticated:
        return str(request.user.crisis_country)
    return request.COOKIES.get(COUNTRY_COOKIE, "").upper()


def _save_country(request: HttpRequest, country: str, countries: dict[str, str]) -> HttpResponse:
    target = safe_next(request, "")
    # A bare word would be read by redirect() as a URL name: only paths are followed.
    if not target.startswith("/"):
        target = ""
    response = HttpResponseRedirect(target) if target else redirect("safety:resources")
    if request.user.is_authenticated:
        crisis_country_set(user=request.user, country=country)
    elif country:
        response.set_cookie(
            COUNTRY_COOKIE,
            country,
            max_age=COUNTRY_COOKIE_AGE,
            samesite="Lax",
            httponly=True,
            secure=request.is_secure(),
        )
    else:
        response.delete_cookie(COUNTRY_COOKIE, samesite="Lax")
    where = countries.get(country, "the site’s default country")
    messages.success(
        request, gettext("Crisis lines for %(where)s will be shown to you.") % {"where": where}
    )
    return response


def _moderators_only(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not permissions.can_handle_cases(request.user):
        return render(request, "safety/not_allowed.html", status=403)
    return None


def queue(request: HttpRequest) -> HttpResponse:
    if (refused := _moderators_only(request)) is not None:
        return refused
    state = request.GET.get("state", "open")
    if state not in QUEUE_FILTERS:
        state = "open"
    page = Paginator(case_queue(state=state), QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "state": state,
        "filters": QUEUE_FILTERS,
        "counts": cached_open_case_counts(),
    }
    return render(request, "safety/queue.html", context)


def case(request: HttpRequest, pk: int) -> HttpResponse:
    if (refused := _moderators_only(request)) is not None:
        return refused
    safety_case = case_detail(pk=pk)
    if safety_case is None:
        raise Http404("No such safety case.")
    status = 200
    if request.method == "POST":
        form = CaseActionForm(request.POST)
        status = 400
        if form.is_valid():
            action = form.cleaned_data["action"]
            try:
                CASE_ACTIONS[action](safety_case, request.user, form.cleaned_data["note"])
            except ServiceError as error:
                status = apply_service_error(form, error)
                safety_case = case_detail(pk=pk) or safety_case
            else:
                messages.success(request, DONE[action])
                return redirect("safety:case", pk=pk)
    else:
        form = CaseActionForm()
    context = {"case": safety_case, "form": form, "history": case_history(case=safety_case)}
    return render(request, "safety/case.html", context, status=status)
