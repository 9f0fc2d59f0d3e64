"""Who is calling: a personal access token (`Authorization: Bearer <token>`), or the site's
own session cookie, which then needs the CSRF token on every unsafe request, exactly as the
site's forms do. A token needs no CSRF token: a browser never sends it by itself.

Reads are open to visitors (they see what a visitor sees on the site); writes need a member,
and a token with the read-write scope. A suspended or blocked member's tokens stop working,
as their sessions do (mindwell.moderation.auth)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.security.base import AuthBase, SecuritySchema
from ninja.utils import check_csrf

from mindwell.api.errors import ApiError
from mindwell.api.services import token_authenticate
from mindwell.moderation.auth import login_refusal

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class Visitor(AnonymousUser):
    """A caller without an account; truthy, so ninja lets reads through."""

    def __bool__(self) -> bool:
        return True


def _from_token(request: HttpRequest, header: str) -> Any:
    scheme, _, raw = header.partition(" ")
    if scheme.lower() != "bearer" or not raw.strip():
        raise ApiError(401, "invalid_token", "Send the token as “Authorization: Bearer <token>”.")
    token = token_authenticate(raw.strip())
    if token is None:
        raise ApiError(401, "invalid_token", "This token is not valid, or has been revoked.")
    user = token.user
    if not user.is_active:
        raise ApiError(401, "invalid_token", "This token’s account is closed.")
    refusal = login_refusal(user)
    if refusal is not None:
        raise ApiError(403, "account_restricted", refusal)
    request.user = user
    request.api_token = token  # type: ignore[attr-defined]
    return user


def _from_session(request: HttpRequest) -> Any:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return Visitor()
    if request.method not in SAFE_METHODS and check_csrf(request) is not None:
        raise ApiError(
            403,
            "csrf_failed",
            "This request came with your login cookie but without the CSRF token; send "
            "the X-CSRFToken header, or use a personal access token.",
        )
    return user


def caller(request: HttpRequest) -> Any:
    """The member (or Visitor) making `request`, once per request."""
    found = getattr(request, "_mindwell_api_caller", None)
    if found is None:
        header = request.headers.get("Authorization", "")
        found = _from_token(request, header) if header else _from_session(request)
        request._mindwell_api_caller = found  # type: ignore[attr-defined]
    return found


class PersonalToken(AuthBase):
    """`Authorization: Bearer mw_…`. A read lets visitors through; `member`: only members;
    `write`: the operation changes something, so it needs a member and, with a token, the
    read-write scope."""

    openapi_type = "http"

    def __init__(self, *, member: bool = False, write: bool = False) -> None:
        self.member, self.write = member or write, write
        super().__init__()
        self.openapi_security_schema = SecuritySchema(
            type="http",
            scheme="bearer",
            description="A personal access token, made on the “API tokens” page of your "
            "account settings.",
        )

    def __call__(self, request: HttpRequest) -> Any:
        user = caller(request)
        if not self.member:
            return user
        if not user.is_authenticated:
            raise ApiError(401, "not_authenticated", "Log in or send a token to do this.")
        if not self.write:
            return user
        token = getattr(request, "api_token", None)
        if token is not None and not token.can_write:
            raise ApiError(
                403,
                "read_only_token",
                "This token may only read; make a read-write token to change things.",
            )
        return user


READ = PersonalToken()
MEMBER = PersonalToken(member=True)
WRITE = PersonalToken(write=True)
# Reads: a token, or none at all (the empty requirement); the site's own pages send their
# session cookie, which OpenAPI does not describe as a requirement.
READ_SECURITY: dict[str, Any] = {"security": [{"PersonalToken": []}, {}]}
