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

from mindwell.core import ratelimit
from mindwell.core.errors import RateLimited
from mindwell.moderation.models import WriteAction, WriteLimit
from mindwell.qa.permissions import is_moderator

CACHE_KEY = "moderation:write-limits:v1"
WINDOW_SECONDS = 3600

# How each action reads in a refusal: (said to a member, said about an address).
_NOUNS: dict[str, tuple[str, str]] = {
    WriteAction.ASK: ("asked {n} question{s}", "{n} question{s} {have} been asked"),
    WriteAction.ANSWER: ("posted {n} answer{s}", "{n} answer{s} {have} been posted"),
    WriteAction.COMMENT: ("posted {n} comment{s}", "{n} comment{s} {have} been posted"),
    WriteAction.EDIT: ("made {n} edit{s}", "{n} edit{s} {have} been made"),
    WriteAction.VOTE: ("voted {n} time{s}", "{n} vote{s} {have} been cast"),
    WriteAction.FLAG: ("flagged {n} post{s}", "{n} flag{s} {have} been raised"),
    WriteAction.REGISTER: ("registered {n} account{s}", "{n} account{s} {have} been registered"),
    WriteAction.FEEDBACK: ("sent {n} message{s}", "{n} message{s} {have} been sent"),
}
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


def limit_message(action: str, limit: int, *, by_address: bool) -> str:
    member_phrase, address_phrase = _NOUNS.get(
        action, (f"done “{action}” {{n}} time{{s}}", f"“{action}” was done {{n}} time{{s}}")
    )
    words = {"n": limit, "s": "" if limit == 1 else "s", "have": "has" if limit == 1 else "have"}
    if by_address:
        done = address_phrase.format(**words)
        sentence = f"{done[0].upper()}{done[1:]} from your network in the last hour"
    else:
        sentence = f"You have {member_phrase.format(**words)} in the last hour"
    message = f"{sentence}, the most allowed is {limit}. Please wait a while"
    if action in _TEXT_ACTIONS:
        return f"{message}; your text is kept."
    return f"{message}, then try again."
