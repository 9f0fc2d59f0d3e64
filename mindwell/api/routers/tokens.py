"""A member's own personal access tokens: listed and revoked (they are made on the "API
tokens" settings page, where the new token can be shown once)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from mindwell.api.auth import MEMBER, WRITE
from mindwell.api.errors import ApiError, not_found, responses
from mindwell.api.models import PersonalAccessToken
from mindwell.api.routers.common import MAX_ID
from mindwell.api.schemas.people import TokenOut
from mindwell.api.selectors import tokens_of
from mindwell.api.services import token_revoke

router = Router(tags=["tokens"])


def token_out(token: PersonalAccessToken) -> dict:
    return {
        "id": token.pk,
        "name": token.name,
        "prefix": token.prefix,
        "scope": token.scope,
        "created_at": token.created_at,
        "last_used_at": token.last_used_at,
        "revoked_at": token.revoked_at,
    }


@router.get(
    "/me/tokens", response=responses({200: list[TokenOut]}), auth=MEMBER, summary="Your tokens"
)
def token_list(request: HttpRequest) -> list[dict]:
    return [token_out(token) for token in tokens_of(user=request.user)[:100]]


@router.delete(
    "/me/tokens/{token_id}",
    response=responses({200: TokenOut}, write=True),
    auth=WRITE,
    summary="Revoke one of your tokens",
)
def token_delete(request: HttpRequest, token_id: int) -> dict:
    if not 0 < token_id < MAX_ID or not tokens_of(user=request.user).filter(pk=token_id).exists():
        raise not_found("You have no such token.")
    current = getattr(request, "api_token", None)
    if current is not None and current.pk == token_id:
        # A client revoking the token it runs on would lock itself out mid-conversation;
        # the member does that on the "API tokens" page (or with another token).
        raise ApiError(
            409,
            "token_in_use",
            "A token cannot revoke itself; revoke it on the API tokens page of your account "
            "settings, or with another token.",
        )
    return token_out(token_revoke(user=request.user, token_id=token_id))
