"""Keeping restricted members out: a suspended or blocked member cannot log in, and a
session opened before the restriction ends on their next request. Both say why."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext


def login_refusal(user: Any) -> str | None:
    """Why this member may not be logged in now, or None."""
    if getattr(user, "blocked_at", None) is not None:
        return gettext(
            "This account has been blocked, so it cannot log in. If you think this is a "
            "mistake, please contact the moderators."
        )
    if user.is_suspended():
        until = date_format(timezone.localtime(user.suspended_until), "j F Y, H:i T")
        return gettext(
            "This account is suspended until %(until)s, so it cannot log in until then."
        ) % {"until": until}
    return None


class RestrictionAwareBackend(ModelBackend):
    """Django's username-and-password backend, refusing suspended and blocked members with a
    message the login form shows (a ValidationError raised here becomes the form's error,
    instead of the misleading "wrong password")."""

    def user_can_authenticate(self, user: Any) -> bool:
        return super().user_can_authenticate(user) and login_refusal(user) is None

    def authenticate(  # type: ignore[override]
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        user_model = get_user_model()
        if username is None:
            username = kwargs.get(user_model.USERNAME_FIELD)
        if username is None or password is None:
            return None
        try:
            user = user_model._default_manager.get_by_natural_key(username)
        except user_model.DoesNotExist:
            user_model().set_password(password)  # same cost as a real check (timing)
            return None
        if not user.check_password(password) or not super().user_can_authenticate(user):
            return None
        refusal = login_refusal(user)
        if refusal is None:
            return user
        if request is not None:
            raise ValidationError(refusal, code="account_restricted")
        # PermissionDenied stops Django trying the next backend, which would let them in.
        raise PermissionDenied(refusal)

    def get_user(self, user_id: Any) -> Any:
        # Sessions of restricted members still resolve here, so the middleware below can
        # end them with a message rather than silently.
        user_model = get_user_model()
        user = user_model._default_manager.filter(pk=user_id).first()
        return user if user is not None and super().user_can_authenticate(user) else None


class RestrictedSessionMiddleware:
    """Log out a member who was suspended or blocked while logged in."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            refusal = login_refusal(user)
            if refusal is not None:
                logout(request)
                messages.error(
                    request, gettext("You have been logged out. %(refusal)s") % {"refusal": refusal}
                )
        return self.get_response(request)
