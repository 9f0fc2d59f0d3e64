"""How django-allauth fits Mindwell: the site's name in mail, its words in refusals, its way
of finding the visitor's address, and the two-factor rules for staff.

allauth does the work (registration, confirmation, login, resets, email changes, TOTP); these
adapters only supply what is particular to this site.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from allauth.account.stages import EmailVerificationStage
from allauth.mfa.adapter import DefaultMFAAdapter
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext, gettext_lazy

from mindwell.accounts import permissions
from mindwell.core.ratelimit import client_ip
from mindwell.siteconfig.models import SiteSettings

# Said plainly, and in the site's voice. The keys are allauth's.
ERROR_MESSAGES = {
    "username_password_mismatch": (
        gettext_lazy(
            "Please enter a correct username and password. Note that both are case-sensitive; "
            "you can also log in with your email address."
        )
    ),
    "email_password_mismatch": (
        gettext_lazy(
            "Please enter a correct email address and password. Note that the password is "
            "case-sensitive."
        )
    ),
    "too_many_login_attempts": (
        gettext_lazy(
            "Too many failed attempts to log in to this account, or from your network. To keep "
            "the account safe, please wait 5 minutes before trying again, or reset your password."
        )
    ),
    "enter_current_password": (
        gettext_lazy("Your current password was entered incorrectly. Please enter it again.")
    ),
    "username_blacklisted": gettext_lazy("This username is reserved. Please choose another one."),
    "account_inactive": gettext_lazy("This account has been closed."),
    "invalid_or_expired_key": (
        gettext_lazy("This link is invalid or has already been used. Please ask for a new one.")
    ),
    "rate_limited": gettext_lazy(
        "That was a lot of requests in a short time. Please wait a minute."
    ),
}

ALLAUTH_EMAIL_STAGE = "allauth.account.stages.EmailVerificationStage"
# The pages whose next page is "check your email" when a confirmation link is sent.
ENTRANCE_PAGES = {"register", "account_signup", "login", "account_login"}


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {**DefaultAccountAdapter.error_messages, **ERROR_MESSAGES}

    def get_client_ip(self, request: HttpRequest) -> str:
        """The same address the rest of the site uses (limits, blocked networks), which honours
        MINDWELL_TRUSTED_PROXY_HOPS."""
        address = client_ip(request)
        try:
            return str(ipaddress.ip_address(address))
        except ValueError:
            # allauth stores it in an address column; refuse rather than store nonsense.
            raise PermissionDenied(gettext("Unable to determine your network address.")) from None

    def add_message(
        self,
        request: HttpRequest,
        level: int,
        message_template: str | None = None,
        message_context: dict[str, Any] | None = None,
        extra_tags: str = "",
        message: str | None = None,
    ) -> None:
        # After registering or logging in unconfirmed, the "check your email" page says where
        # the link went; the same words again in a message box would only be noise.
        match = getattr(request, "resolver_match", None)
        if (
            message_template == "account/messages/email_confirmation_sent.txt"
            and match is not None
            and match.view_name in ENTRANCE_PAGES
        ):
            return
        super().add_message(request, level, message_template, message_context, extra_tags, message)

    def get_login_stages(self) -> list[str]:
        return [
            "mindwell.accounts.adapter.ConfirmEmailStage" if stage == ALLAUTH_EMAIL_STAGE else stage
            for stage in super().get_login_stages()
        ]

    def format_email_subject(self, subject: str) -> str:
        return f"[{site_name()}] {subject}"

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # The administrator's name for the site, not the host name allauth would use.
        super().send_mail(template_prefix, email, {"site_name": site_name(), **context})


class ConfirmEmailStage(EmailVerificationStage):
    """allauth's "confirm your address first" step, except for an account without any
    address at all. Registration always asks for one, so only an administrator can make such
    an account (`createsuperuser` leaves the address optional); asking it to confirm nothing
    would lock it out for good."""

    def handle(self) -> tuple[Any, bool]:
        user = self.login.user
        if (
            user is not None
            and not user.email
            and not EmailAddress.objects.filter(user_id=user.pk).exists()
        ):
            return None, True
        return super().handle()


class MFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": (
            "That code is not right. Type the 6 digits your authenticator app shows now, or "
            "one of your recovery codes."
        ),
        "cannot_delete_authenticator": (
            "Administrators on this site must use two-factor authentication, so it cannot be "
            "turned off."
        ),
        "unverified_email": (
            "Please confirm your email address first (see the Email page): two-factor "
            "authentication needs a confirmed address to recover the account."
        ),
    }

    def get_totp_issuer(self) -> str:
        return site_name()

    def can_delete_authenticator(self, authenticator: Any) -> bool:
        return not permissions.two_factor_required(authenticator.user)


def site_name() -> str:
    return SiteSettings.current().site_name
