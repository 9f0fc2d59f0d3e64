"""Hourly write limits: how often one member, and one address, may ask, answer, vote…

The limits are WriteLimit rows an administrator edits in the admin (0: no limit for that
dimension). The counters live in the Django cache (`core.ratelimit.hit`), so with Redis they
hold across every web process. A refused attempt still counts: a script hammering the form
gains nothing by retrying.
"""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext, ngettext

from mindwell.core import ratelimit
from mindwell.core.errors import RateLimited
from mindwell.moderation.models import WriteAction, WriteLimit
from mindwell.qa.permissions import is_moderator

CACHE_KEY = "moderation:write-limits:v1"
WINDOW_SECONDS = 3600

# Actions where the person typed something the refused form still holds.
_TEXT_ACTIONS = {
    WriteAction.ASK,
    WriteAction.ANSWER,
    WriteAction.COMMENT,
    WriteAction.EDIT,
    WriteAction.FLAG,
    WriteAction.FEEDBACK,
}


def write_limits() -> dict[str, tuple[int, int]]:
    """Every action's (per member, per address) hourly limit; read once a minute at most."""
    limits = cache.get(CACHE_KEY)
    if limits is None:
        limits = {
            row.action: (row.per_member_per_hour, row.per_ip_per_hour)
            for row in WriteLimit.objects.all()
        }
        cache.set(CACHE_KEY, limits, timeout=60)
    return limits


@receiver([post_save, post_delete], sender=WriteLimit)
def _limits_changed(**kwargs: Any) -> None:
    cache.delete(CACHE_KEY)


def check_write_limit(*, action: str, user: Any = None, ip: str | None = None) -> None:
    """Count one `action` by `user` (a member, or None) from `ip` (or None) and raise
    RateLimited when that passes the hourly limit of either. Moderators are not limited: they
    clean up in bursts."""
    if is_moderator(user):
        return
    per_member, per_ip = write_limits().get(action, (0, 0))
    member = user is not None and user.is_authenticated
    if (
        member
        and per_member
        and not ratelimit.hit(
            f"write:{action}:user:{user.pk}", limit=per_member, window_seconds=WINDOW_SECONDS
        )
    ):
        raise RateLimited(limit_message(action, per_member, by_address=False))
    if (
        ip
        and per_ip
        and not ratelimit.hit(
            f"write:{action}:ip:{ip}", limit=per_ip, window_seconds=WINDOW_SECONDS
        )
    ):
        raise RateLimited(limit_message(action, per_ip, by_address=True))


def _member_phrase(action: str, n: int) -> str:
    """What the member did, as in "You have asked 3 questions in the last hour"."""
    phrases: dict[str, str] = {
        WriteAction.ASK: ngettext(
            "You have asked %(n)s question in the last hour",
            "You have asked %(n)s questions in the last hour",
            n,
        ),
        WriteAction.ANSWER: ngettext(
            "You have posted %(n)s answer in the last hour",
            "You have posted %(n)s answers in the last hour",
            n,
        ),
        WriteAction.COMMENT: ngettext(
            "You have posted %(n)s comment in the last hour",
            "You have posted %(n)s comments in the last hour",
            n,
        ),
        WriteAction.EDIT: ngettext(
            "You have made %(n)s edit in the last hour",
            "You have made %(n)s edits in the last hour",
            n,
        ),
        WriteAction.VOTE: ngettext(
            "You have voted %(n)s time in the last hour",
            "You have voted %(n)s times in the last hour",
            n,
        ),
        WriteAction.FLAG: ngettext(
            "You have flagged %(n)s post in the last hour",
            "You have flagged %(n)s posts in the last hour",
            n,
        ),
        WriteAction.REGISTER: ngettext(
            "You have registered %(n)s account in the last hour",
            "You have registered %(n)s accounts in the last hour",
            n,
        ),
        WriteAction.FEEDBACK: ngettext(
            "You have sent %(n)s message in the last hour",
            "You have sent %(n)s messages in the last hour",
            n,
        ),
    }
    phrase = phrases.get(
        action,
        ngettext(
            "You have done “%(action)s” %(n)s time in the last hour",
            "You have done “%(action)s” %(n)s times in the last hour",
            n,
        ),
    )
    return phrase % {"n": n, "action": action}


def _address_phrase(action: str, n: int) -> str:
    """What came from the network, as in "3 questions have been asked from your network"."""
    phrases: dict[str, str] = {
        WriteAction.ASK: ngettext(
            "%(n)s question has been asked from your network in the last hour",
            "%(n)s questions have been asked from your network in the last hour",
            n,
        ),
        WriteAction.ANSWER: ngettext(
            "%(n)s answer has been posted from your network in the last hour",
            "%(n)s answers have been posted from your network in the last hour",
            n,
        ),
        WriteAction.COMMENT: ngettext(
            "%(n)s comment has been posted from your network in the last hour",
            "%(n)s comments have been posted from your network in the last hour",
            n,
        ),
        WriteAction.EDIT: ngettext(
            "%(n)s edit has been made from your network in the last hour",
            "%(n)s edits have been made from your network in the last hour",
            n,
        ),
        WriteAction.VOTE: ngettext(
            "%(n)s vote has been cast from your network in the last hour",
            "%(n)s votes have been cast from your network in the last hour",
            n,
        ),
        WriteAction.FLAG: ngettext(
            "%(n)s flag has been raised from your network in the last hour",
            "%(n)s flags have been raised from your network in the last hour",
            n,
        ),
        WriteAction.REGISTER: ngettext(
            "%(n)s account has been registered from your network in the last hour",
            "%(n)s accounts have been registered from your network in the last hour",
            n,
        ),
        WriteAction.FEEDBACK: ngettext(
            "%(n)s message has been sent from your network in the last hour",
            "%(n)s messages have been sent from your network in the last hour",
            n,
        ),
    }
    phrase = phrases.get(
        action,
        ngettext(
            "“%(action)s” was done %(n)s time from your network in the last hour",
            "“%(action)s” was done %(n)s times from your network in the last hour",
            n,
        ),
    )
    return phrase % {"n": n, "action": action}


def limit_message(action: str, limit: int, *, by_address: bool) -> str:
    sentence = _address_phrase(action, limit) if by_address else _member_phrase(action, limit)
    if action in _TEXT_ACTIONS:
        template = gettext(
            "%(sentence)s, the most allowed is %(limit)s. Please wait a while; your text is kept."
        )
    else:
        template = gettext(
            "%(sentence)s, the most allowed is %(limit)s. Please wait a while, then try again."
        )
    return template % {"sentence": sentence, "limit": limit}
