"""A member's safety preferences page (content-warning filters, crisis-lines country)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from mindwell.accounts.forms_preferences import SafetyPreferencesForm
from mindwell.core.errors import ServiceError
from mindwell.qa.views.common import apply_service_error
from mindwell.safety.warnings import hidden_warnings_for, safety_preferences_update


@login_required
def safety_preferences(request: HttpRequest) -> HttpResponse:
    user = request.user
    status = 200
    if request.method == "POST":
        form = SafetyPreferencesForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                safety_preferences_update(
                    user=user,
                    hidden_warnings=form.cleaned_data["hidden_warnings"],
                    crisis_country=form.cleaned_data["crisis_country"],
                )
            except ServiceError as error:
                status = apply_service_error(form, error)
            else:
                messages.success(request, gettext("Your safety preferences are saved."))
                return redirect("safety-preferences")
    else:
        form = SafetyPreferencesForm(
            initial={
                "hidden_warnings": hidden_warnings_for(user),
                "crisis_country": user.crisis_country,  # type: ignore[union-attr]
            }
        )
    return render(request, "safety/warning_settings.html", {"form": form}, status=status)
