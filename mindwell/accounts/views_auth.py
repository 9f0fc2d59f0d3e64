"""allauth's account views with what Mindwell adds: registration is screened like posting
(blocked networks, the hourly limit per address), refusals carry their HTTP status, the
"check your email" page names the address, and the sessions list costs one query.
"""

from __future__ import annotations

from typing import Any

from allauth.account import app_settings as allauth_settings
from allauth.account.models import EmailAddress
from allauth.account.stages import EmailVerificationStage, LoginStageController
from allauth.account.views import EmailVerificationSentView, LoginView, SignupView
from allauth.usersessions.views import ListUserSessionsView
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.views.generic.edit import FormView

from mindwell.accounts.sessions import session_list
from mindwell.core.errors import ServiceError
from mindwell.core.ratelimit import client_ip
from mindwell.moderation.screening import screen_registration
from mindwell.qa.views.common import status_for

THROTTLED = "too_many_login_attempts"


class RegisterView(SignupView):
    def form_valid(self, form: Form) -> HttpResponse:
        try:
            screen_registration(ip=client_ip(self.request))
        except ServiceError as error:
            form.add_error(None, error.message)
            return self.render_to_response(
                self.get_context_data(form=form), status=status_for(error)
            )
        return super().form_valid(form)

    def form_invalid(self, form: Form) -> HttpResponse:
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class AccountLoginView(LoginView):
    def form_invalid(self, form: Form) -> HttpResponse:
        response = super().form_invalid(form)
        if any(error.code == THROTTLED for error in form.non_field_errors().as_data()):
            response.status_code = 429
        return response


class VerificationSentView(EmailVerificationSentView):
    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["email"] = pending_verification_email(self.request)
        context["expire_days"] = allauth_settings.EMAIL_CONFIRMATION_EXPIRE_DAYS
        return context


def pending_verification_email(request: HttpRequest) -> str | None:
    """The address a link was just sent to, for the registration or login waiting on it.
    When the address already had an account, this is still the address typed, so the page
    reads the same either way."""
    stage = LoginStageController.enter(request, EmailVerificationStage.key)
    if stage is None:
        return None
    login = stage.login
    if login.email:
        return str(login.email)
    if login.user is None:
        return None
    address = (
        EmailAddress.objects.filter(user_id=login.user.pk)
        .order_by("-primary", "verified")
        .values_list("email", flat=True)
        .first()
    )
    return address or login.user.email or None


class SessionListView(ListUserSessionsView):
    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # FormView's own context; allauth's would check each session separately.
        context = FormView.get_context_data(self, **kwargs)
        sessions = session_list(
            user=self.request.user, current_key=self.request.session.session_key
        )
        context.update(sessions=sessions, others=sum(not row.is_current for row in sessions))
        return context


register = RegisterView.as_view()
login = AccountLoginView.as_view()
verification_sent = VerificationSentView.as_view()
sessions = SessionListView.as_view()
