"""The feedback page: anyone may write to the moderators."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from mindwell.core.errors import ServiceError
from mindwell.core.ratelimit import client_ip
from mindwell.moderation.feedback import FeedbackForm, feedback_send
from mindwell.qa.views.common import apply_service_error


def feedback(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "moderation/feedback.html", {"form": FeedbackForm()})
    form = FeedbackForm(request.POST)
    status = 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            feedback_send(
                user=request.user,
                body=data["body"],
                name=data["name"],
                email=data["email"],
                ip=client_ip(request),
            )
        except ServiceError as error:
            status = apply_service_error(form, error)
        else:
            messages.success(
                request, gettext("Thank you — your message was sent to the moderators.")
            )
            return redirect("moderation:feedback")
    return render(request, "moderation/feedback.html", {"form": form}, status=status)
