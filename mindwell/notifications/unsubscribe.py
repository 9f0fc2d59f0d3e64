"""Stopping emails without logging in: signed unsubscribe links, and what they stop.

Every email carries a link (and the `List-Unsubscribe` header, RFC 8058 one-click) holding a
signed token. The token names who is asking and what to stop, and nothing else:

- a member: their id and an event type, "all", a digest ("digest:daily"/"digest:weekly")
  or "announcements" (mass mailings). Stopping sets their email preference to "off";
  the inbox keeps recording everything.
- an anonymous poster: a keyed hash of their address (never the address itself) and the
  question the email was about, or none for "every email to this address". Stopping writes
  an `AddressOptOut`, which delivery checks before each send.

Tokens never expire: an unsubscribe link in an old email must still work, and all a stolen
one can do is turn email off.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse

from mindwell.notifications.models import (
    Delivery,
    EventType,
    NotificationPreference,
)
from mindwell.notifications.models_email import AddressOptOut, DigestPeriod
from mindwell.notifications.preferences import LOCKED, event_types_for, preferences_for

SALT = "mindwell.notifications.unsubscribe"
ALL = "all"
# The preference behind mass mailings: off unless a member asked for announcements.
ANNOUNCEMENTS = "announcements"
DIGEST_PREFIX = "digest:"


@dataclass(frozen=True)
class Scope:
    """What one unsubscribe link stops."""

    user_id: int | None = None
    what: str = ""  # for a member: an event type, ALL, ANNOUNCEMENTS or "digest:<period>"
    address_hash: str = ""
    question_id: int | None = None  # for an address: one question's emails, or None: all

    @property
    def is_member(self) -> bool:
        return self.user_id is not None


# Address hashes --------------------------------------------------------------------------
def _hash_with(key: str, address: str) -> str:
    folded = address.strip().lower().encode()
    return hmac.new(f"{SALT}:{key}".encode(), folded, hashlib.sha256).hexdigest()


def address_hash(address: str) -> str:
    """A keyed hash of an address: the same address always gives the same hash, and the
    hash does not give the address back to anyone without the site's secret key."""
    return _hash_with(settings.SECRET_KEY, address)


def address_hashes(address: str) -> list[str]:
    """The hash under the current key and under each SECRET_KEY_FALLBACKS key, so rotating
    the secret does not forget who asked for no more email."""
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [_hash_with(key, address) for key in keys]


def address_opted_out(address: str, question_id: int | None) -> bool:
    """Has this address asked to stop every email, or those about this question?"""
    scopes = AddressOptOut.objects.filter(address_hash__in=address_hashes(address))
    if question_id is None:
        return scopes.filter(question__isnull=True).exists()
    return (
        scopes.filter(question__isnull=True).exists()
        or scopes.filter(question_id=question_id).exists()
    )


# Tokens ----------------------------------------------------------------------------------
def _signer() -> signing.Signer:
    """Unsubscribe links never expire (RFC 8058), so they carry no timestamp: the same
    choice gives the same link in every email."""
    return signing.Signer(salt=SALT)


def member_token(user_id: int, what: str) -> str:
    return _signer().sign_object({"u": user_id, "w": what}, compress=True)


def address_token(address: str, question_id: int | None) -> str:
    return _signer().sign_object({"a": address_hash(address), "q": question_id}, compress=True)


def read_token(token: str) -> Scope | None:
    """The scope a token names, or None if it was not made here (or was altered)."""
    try:
        payload = _signer().unsign_object(token)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict):
        return None
    if isinstance(payload.get("u"), int) and isinstance(payload.get("w"), str):
        return Scope(user_id=payload["u"], what=payload["w"])
    question = payload.get("q")
    if isinstance(payload.get("a"), str) and (question is None or isinstance(question, int)):
        return Scope(address_hash=payload["a"], question_id=question)
    return None


def unsubscribe_url(token: str) -> str:
    from mindwell.seo.links import absolute_url

    return absolute_url(None, reverse("unsubscribe", args=[token]))


# What a scope means, and doing it ----------------------------------------------------------
def describe(scope: Scope) -> str:
    """The sentence the unsubscribe page shows, in the member's terms."""
    if not scope.is_member:
        if scope.question_id is None:
            return "every email from us to this address"
        return "emails about this question"
    if scope.what == ALL:
        return "every notification email"
    if scope.what == ANNOUNCEMENTS:
        return "announcements from the site's administrators"
    if scope.what.startswith(DIGEST_PREFIX):
        period = scope.what.removeprefix(DIGEST_PREFIX)
        return f"the {period} digest email"
    if scope.what in EventType.values:
        return f"emails about {EventType(scope.what).label}"
    return "these emails"


def unsubscribe(*, scope: Scope) -> bool:
    """Stop what `scope` names. Returns False when there is nothing left to stop (the
    account is gone); doing it twice is harmless."""
    if not scope.is_member:
        _address_opt_out(scope)
        return True
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(pk=scope.user_id).first()
    if user is None:
        return False
    if scope.what == ANNOUNCEMENTS:
        events = [ANNOUNCEMENTS]
    elif scope.what == ALL:
        events = [e for e in event_types_for(user) if e not in LOCKED] + [ANNOUNCEMENTS]
    elif scope.what.startswith(DIGEST_PREFIX):
        period = scope.what.removeprefix(DIGEST_PREFIX)
        if period not in DigestPeriod.values:
            return False
        events = [e for e, delivery in preferences_for(user).items() if delivery == period]
    elif scope.what in event_types_for(user) and scope.what not in LOCKED:
        events = [scope.what]
    else:
        return False
    _turn_off(user, events)
    return True


def _turn_off(user: Any, events: list[str]) -> None:
    with transaction.atomic():
        rows = NotificationPreference.objects.filter(user=user, event_type__in=events)
        rows.exclude(delivery=Delivery.OFF).update(delivery=Delivery.OFF)
        stored = set(rows.values_list("event_type", flat=True))
        # ignore_conflicts: the same link pressed twice at once still leaves one row each.
        NotificationPreference.objects.bulk_create(
            [
                NotificationPreference(user=user, event_type=event, delivery=Delivery.OFF)
                for event in dict.fromkeys(events)
                if event not in stored
            ],
            ignore_conflicts=True,
        )


def _address_opt_out(scope: Scope) -> None:
    try:
        with transaction.atomic():
            AddressOptOut.objects.get_or_create(
                address_hash=scope.address_hash, question_id=scope.question_id
            )
    except IntegrityError:
        pass  # the same link clicked twice at once: one row is enough


def wants_announcements(user_id: int) -> bool:
    return (
        NotificationPreference.objects.filter(user_id=user_id, event_type=ANNOUNCEMENTS)
        .exclude(delivery=Delivery.OFF)
        .exists()
    )


def wider_token(scope: Scope) -> str:
    """The link for "stop everything" offered beside a narrower unsubscribe."""
    if scope.is_member:
        assert scope.user_id is not None
        return member_token(scope.user_id, ALL)
    return _signer().sign_object({"a": scope.address_hash, "q": None}, compress=True)


def is_widest(scope: Scope) -> bool:
    return scope.what == ALL if scope.is_member else scope.question_id is None
