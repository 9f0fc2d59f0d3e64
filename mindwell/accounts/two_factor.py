"""Two-factor authentication (allauth.mfa: an authenticator app's codes, plus recovery codes)
is for staff; administrators may be required to use it.

One middleware applies both rules, by the name of the page asked for (allauth's views stay
as they are):

- The pages that set it up or change it are shown to staff, and to anyone who has it already
  (so they can turn it off); other members get a page saying what it is for, with 403.
- When MINDWELL_REQUIRE_2FA_FOR_ADMINS is on, an administrator without it is sent to the set-up
  page from any other page, with a message, until it is done. Logging out, confirming an email
  address and re-entering a password (which set-up may ask for) stay reachable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from mindwell.accounts import permissions

# The pages where two-factor authentication is set up, changed or turned off.
MANAGE_PAGES = {
    "mfa_index",
    "mfa_activate_totp",
    "mfa_deactivate_totp",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
}
# What an administrator who must set it up may still open.
SET_UP_PAGES = MANAGE_PAGES | {
    "mfa_authenticate",
    "mfa_reauthenticate",
    "account_reauthenticate",
    "account_logout",
    "logout",
    "admin:logout",
    "account_email",
    "account_confirm_email",
    "account_email_verification_sent",
}
REQUIRED_MESSAGE = (
    "This site asks administrators to use two-factor authentication. Please set it up now: "
    "scan the code below with an authenticator app and type the code it shows. You can use "
    "the rest of the site as soon as it is done."
)


class TwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        user = getattr(request, "user", None)
        match = request.resolver_match
        if user is None or not user.is_authenticated or match is None:
            return None
        page = match.view_name
        if page in MANAGE_PAGES and not permissions.may_manage_two_factor(user):
            return render(request, "mfa/not_available.html", status=403)
        if (
            permissions.two_factor_required(user)
            and page not in SET_UP_PAGES
            and not permissions.has_two_factor(user)
        ):
            messages.warning(request, REQUIRED_MESSAGE)
            return redirect("mfa_activate_totp")
        return None
