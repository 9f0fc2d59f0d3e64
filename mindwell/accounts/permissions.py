"""Who may do what with their account's security settings. Views, middleware and templates
ask here; none decides by itself.

Staff means moderators and administrators (`is_staff`, or a superuser) until user levels
arrive; when they do, rewire `is_staff_member` and everything follows.
"""

from __future__ import annotations

from typing import Any

from allauth.mfa.models import Authenticator
from django.conf import settings


def is_staff_member(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and (user.is_staff or user.is_superuser))


def has_two_factor(user: Any) -> bool:
    """Whether the member has an authenticator app set up (one query)."""
    if user is None or not user.is_authenticated:
        return False
    return Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists()


def may_manage_two_factor(user: Any) -> bool:
    """Two-factor authentication is offered to staff, whose accounts can hide, delete and read
    what members hide from others. A member who has it already (say, a former moderator) may
    still see and turn it off, so no one is locked into a setting they cannot reach."""
    return is_staff_member(user) or has_two_factor(user)


def two_factor_required(user: Any) -> bool:
    """Administrators must use two-factor authentication when the site says so
    (MINDWELL_REQUIRE_2FA_FOR_ADMINS)."""
    return bool(
        getattr(settings, "MINDWELL_REQUIRE_2FA_FOR_ADMINS", False)
        and user is not None
        and user.is_authenticated
        and user.is_superuser
    )
