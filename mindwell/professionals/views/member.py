"""A member's side: apply as a licensed professional, see past decisions, withdraw."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_POST

from mindwell.core.errors import ServiceError
from mindwell.professionals import permissions, selectors
from mindwell.professionals.forms import ApplicationForm
from mindwell.professionals.models import ProfessionalApplication
from mindwell.professionals.services import application_submit, application_withdraw
from mindwell.qa.views.common import apply_service_error, status_for

SENT = gettext_lazy(
    "Thank you. Your application is waiting for review; you will see the decision here."
)
CHOOSE_AGAIN = (
    "For your privacy the document you chose was not kept; please choose it again before sending."
)


def apply(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        messages.info(request, gettext("Please log in to apply as a licensed professional."))
        return redirect_to_login(reverse("professionals:apply"))
    if request.method != "POST":
        return _render(request, ApplicationForm())
    form = ApplicationForm(request.POST, request.FILES)
    status = 400
    if form.is_valid():
        try:
            application_submit(user=request.user, **form.cleaned_data)
        except ServiceError as error:
            status = apply_service_error(form, error)
        else:
            messages.success(request, SENT)
            return HttpResponseRedirect(reverse("professionals:apply"))
    return _render(request, form, status=status, chose_document=bool(request.FILES))


def _render(
    request: HttpRequest,
    form: ApplicationForm,
    *,
    status: int = 200,
    chose_document: bool = False,
    error: str = "",
) -> HttpResponse:
    applications = selectors.member_applications(user=request.user)
    pending: ProfessionalApplication | None = next((a for a in applications if a.is_pending), None)
    context: dict[str, Any] = {
        "form": form,
        "applications": applications,
        "pending": pending,
        "refusal": permissions.apply_refusal(request.user),
        "error": error,
        "choose_again": CHOOSE_AGAIN if chose_document and form.errors else "",
        "verification": selectors.current_verification(user=request.user),
    }
    return render(request, "professionals/apply.html", context, status=status)


@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("professionals:apply"))
    try:
        application_withdraw(user=request.user, application_id=pk)
    except ServiceError as error:
        return _render(request, ApplicationForm(), status=status_for(error), error=error.message)
    messages.success(request, gettext("Your application is withdrawn, and its document deleted."))
    return HttpResponseRedirect(reverse("professionals:apply"))
