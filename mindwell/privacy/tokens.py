"""Signed links sent by email: cancelling a deletion (works without logging in) and
claiming an anonymous post (only for the member who asked)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac

CANCEL_SALT = "mindwell.privacy.deletion-cancel"
CLAIM_SALT = "mindwell.privacy.claim"
CLAIM_MAX_AGE = timedelta(days=3)


def grace_period() -> timedelta:
    return timedelta(days=int(getattr(settings, "MINDWELL_DELETION_GRACE_DAYS", 14)))


def cancel_token(deletion_id: int) -> str:
    return signing.dumps({"d": deletion_id}, salt=CANCEL_SALT, compress=True)


def read_cancel_token(token: str) -> int | None:
    """The deletion request a cancel link names, or None when the link is not genuine or
    is far older than any grace period (a week to spare)."""
    try:
        data: Any = signing.loads(
            token, salt=CANCEL_SALT, max_age=grace_period() + timedelta(days=7)
        )
        return int(data["d"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def email_digest(email: str) -> str:
    """Stands for the address in a claim link, so the link stops working if the post's
    address changes, without the address itself being in the link."""
    return salted_hmac(CLAIM_SALT, email.strip().lower()).hexdigest()[:24]


@dataclass(frozen=True)
class ClaimToken:
    post_id: int
    user_id: int
    digest: str


def claim_token(*, post_id: int, user_id: int, email: str) -> str:
    payload = {"p": post_id, "u": user_id, "e": email_digest(email)}
    return signing.dumps(payload, salt=CLAIM_SALT, compress=True)


def read_claim_token(token: str) -> ClaimToken | None:
    try:
        data: Any = signing.loads(token, salt=CLAIM_SALT, max_age=CLAIM_MAX_AGE)
        return ClaimToken(post_id=int(data["p"]), user_id=int(data["u"]), digest=str(data["e"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
