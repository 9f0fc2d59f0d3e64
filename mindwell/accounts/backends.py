"""The one authentication backend: allauth's (log in by username or by email address), which
also refuses suspended and blocked members, saying why.

It reuses the moderation rule (`mindwell.moderation.auth.login_refusal`), so a restriction
reads the same whether the member types their username or their email address.
"""

from __future__ import annotations

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend
from django.core.exceptions import PermissionDenied, ValidationError

from mindwell.moderation.auth import login_refusal


class AccountBackend(AuthenticationBackend):
    def _check_password(self, user: Any, password: str) -> Any:
        user = super()._check_password(user, password)
        if user is None:
            return None
        refusal = login_refusal(user)
        if refusal is None:
            return user
        if getattr(self, "_request", None) is not None:
            # Becomes the login form's error, instead of a misleading "wrong password".
            raise ValidationError(refusal, code="account_restricted")
        # Outside a form (client.login, the admin's own checks): PermissionDenied makes
        # Django's authenticate() give up at once rather than say "no such user".
        raise PermissionDenied(refusal)

    def authenticate(  # type: ignore[override]
        self, request: Any, **credentials: Any
    ) -> Any:
        self._request = request
        try:
            return super().authenticate(request, **credentials)
        finally:
            self._request = None
