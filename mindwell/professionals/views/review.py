"""Staff's side: the queue of applications, decisions, and the private document download."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.forms import Form
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from mindwell.core.errors import ServiceError
from mindwell.moderation.views.common import refuse
from mindwell.professionals import permissions, selectors
from mindwell.professionals.forms import ApproveForm, ReasonForm
from mindwell.professionals.models import ProfessionalApplication, ProfessionalStatus
from mindwell.professionals.services import (
    application_approve,
    application_reject,
    application_revoke,
)
from mindwell.qa.views.common import apply_service_error

PAGE_SIZE = 20
TABS = {
    "pending": gettext_lazy("Waiting for review"),
    "verified": gettext_lazy("Verified professionals"),
}
DONE = {
    "approve": gettext_lazy("Approved: {user} now shows the Licensed professional badge."),
    "reject": gettext_lazy("Rejected: {user} will see your reason on their application page."),
    "revoke": gettext_lazy("Revoked: {user} no longer shows the badge."),
}

View = Callable[..., HttpResponse]


def reviewers_only(view: View) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated and request.method == "GET":
            return redirect_to_login(request.get_full_path())
        if not permissions.can_review(request.user):
            return refuse(request, "This page is for moderators reviewing professionals.")
        return view(request, *args, **kwargs)

    return wrapper


def _forms_for(application: ProfessionalApplication, bound: dict[str, Form]) -> dict[str, Form]:
    """Each application's own forms, with ids of their own so every label finds its field."""
    auto_id = f"id_%s_{application.pk}"
    forms: dict[str, Form] = {
        "approve": ApproveForm(initial={"expires_on": application.expires_on}, auto_id=auto_id),
        "reject": ReasonForm(auto_id=auto_id),
    }
    forms.update(bound)
    return forms


def _revoke_form(verification: ProfessionalStatus, bound: dict[str, Form]) -> dict[str, Form]:
    return {"revoke": ReasonForm(auto_id=f"id_%s_{verification.application_id}"), **bound}


@reviewers_only
def queue(request: HttpRequest) -> HttpResponse:
    return _render_queue(request)


def _render_queue(
    request: HttpRequest,
    *,
    bound: dict[int, dict[str, Form]] | None = None,
    status: int = 200,
) -> HttpResponse:
    bound = bound or {}
    tab = request.GET.get("tab", "pending")
    if tab not in TABS:
        tab = "pending"
    number = request.GET.get("page")
    if tab == "pending":
        page = Paginator(selectors.pending_applications(), PAGE_SIZE).get_page(number)
        rows: list[tuple[Any, dict[str, Form]]] = [
            (a, _forms_for(a, bound.get(a.pk, {}))) for a in page
        ]
    else:
        verified = Paginator(selectors.verified_professionals(), PAGE_SIZE).get_page(number)
        # Keyed by application, like the decide URL, so a refused form comes back filled in.
        rows = [(s, _revoke_form(s, bound.get(s.application_id, {}))) for s in verified]
        page = verified  # type: ignore[assignment]
    context = {
        "tab": tab,
        "tabs": TABS,
        "page": page,
        "rows": rows,
        "pending_total": selectors.pending_count(),
    }
    return render(request, "professionals/queue.html", context, status=status)


@require_POST
@reviewers_only
def decide(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    auto_id = f"id_%s_{pk}"
    form: Form
    if action == "approve":
        form = ApproveForm(request.POST, auto_id=auto_id)
    elif action in ("reject", "revoke"):
        form = ReasonForm(request.POST, auto_id=auto_id)
    else:
        raise Http404("No such decision.")
    status = 400
    if form.is_valid():
        try:
            application = _carry_out(request, pk, action, form.cleaned_data)
        except ServiceError as error:
            status = apply_service_error(form, error)
        else:
            messages.success(request, DONE[action].format(user=application.user))
            tab = "verified" if action == "revoke" else "pending"
            return HttpResponseRedirect(f"{reverse('professionals:queue')}?tab={tab}")
    return _render_queue(request, bound={pk: {action: form}}, status=status)


def _carry_out(
    request: HttpRequest, pk: int, action: str, data: dict[str, Any]
) -> ProfessionalApplication:
    if action == "approve":
        return application_approve(
            reviewer=request.user,
            application_id=pk,
            expires_on=data["expires_on"],
            note=data["note"],
        )
    if action == "reject":
        return application_reject(reviewer=request.user, application_id=pk, reason=data["reason"])
    return application_revoke(reviewer=request.user, application_id=pk, reason=data["reason"])


def document(request: HttpRequest, pk: int) -> HttpResponseBase:
    """Stream a licence document to staff, as a download that the browser never renders.
    Everyone else gets 404, which says nothing about whether it exists."""
    if not permissions.can_download_document(request.user):
        raise Http404("No such document.")
    application = selectors.application_for_download(pk=pk)
    if application is None:
        raise Http404("No such document.")
    extension = (application.document.name or "").rsplit(".", 1)[-1]
    try:
        stream = application.document.open("rb")
    except OSError:
        raise Http404("The document file is missing.") from None
    response = FileResponse(
        stream,
        as_attachment=True,
        filename=f"licence-{application.pk}.{extension}",
        content_type=application.document_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
