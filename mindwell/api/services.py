"""Writes on personal access tokens: make one, revoke one, and recognise one on a request
(which records when it was last used)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from mindwell.api.models import PersonalAccessToken, TokenScope
from mindwell.api.selectors import tokens_of
from mindwell.core.errors import ServiceError
from mindwell.qa.validation import clean_text

TOKEN_START = "mw_"  # noqa: S105  # a marker every token starts with, not a secret
PREFIX_LENGTH = len(TOKEN_START) + 8
MAX_ACTIVE_TOKENS = 20
# Writing "last used" on every request would turn each read into a write; once a minute
# is precise enough for a member deciding which token to revoke.
LAST_USED_PRECISION = timedelta(minutes=1)


def token_digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def token_create(*, user: Any, name: str, scope: str) -> tuple[PersonalAccessToken, str]:
    """A new token for `user`; returns the row and the token itself, which is never stored
    and so can be shown only now."""
    name = clean_text(name)[:80]
    if not name:
        raise ServiceError("Please give the token a name, so you can tell it apart.", field="name")
    if scope not in TokenScope.values:
        raise ServiceError("Please choose what the token may do.", field="scope")
    raw = f"{TOKEN_START}{secrets.token_hex(4)}_{secrets.token_urlsafe(32)}"
    with transaction.atomic():
        if tokens_of(user=user).active().count() >= MAX_ACTIVE_TOKENS:
            raise ServiceError(
                f"You have {MAX_ACTIVE_TOKENS} tokens already, the most there can be; "
                "revoke one you no longer use first."
            )
        token = PersonalAccessToken(
            user=user, name=name, scope=scope, prefix=raw[:PREFIX_LENGTH], digest=token_digest(raw)
        )
        token.full_clean()
        token.save()
    return token, raw


def token_revoke(*, user: Any, token_id: int) -> PersonalAccessToken:
    """Revoke one of `user`'s tokens; revoking a revoked token changes nothing."""
    with transaction.atomic():
        token = tokens_of(user=user).select_for_update().filter(pk=token_id).first()
        if token is None:
            raise ServiceError("There is no such token.")
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
    return token


def token_authenticate(raw: str) -> PersonalAccessToken | None:
    """The live token `raw` is, with its member, or None. One indexed query (a digest is
    looked up, so comparing it leaks nothing about the stored value)."""
    if not raw.startswith(TOKEN_START) or len(raw) > 200:
        return None
    token = (
        PersonalAccessToken.objects.active()
        .select_related("user")
        .filter(digest=token_digest(raw))
        .first()
    )
    if token is not None:
        _touch(token)
    return token


def _touch(token: PersonalAccessToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        PersonalAccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
