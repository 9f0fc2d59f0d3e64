"""Checks every message and wall post goes through, as posts do: the writer's address is not
in a blocked network, no watched word whose action is "block", censored words starred out,
and an hourly limit of the messaging app's own (the write limits are per post action)."""

from __future__ import annotations

from typing import Any

from mindwell.core import ratelimit
from mindwell.core.errors import RateLimited, ServiceError
from mindwell.messaging import permissions
from mindwell.moderation import networks, watched_words
from mindwell.moderation.models import WatchedWordAction
from mindwell.qa.validation import check_length
from mindwell.safety.risk import assess

HOUR = 3600


def screened_text(*, user: Any, body: str, ip: str | None, label: str, maximum: int) -> str:
    """The text to store, or a ServiceError (on the "body" field) saying what to change."""
    text = check_length(body, field="body", label=label, minimum=1, maximum=maximum)
    if not permissions.exempt_from_limits(user):
        networks.check_network(ip)
    words = watched_words.current()
    found = words.find(WatchedWordAction.BLOCK, text)
    if found:
        listed = ", ".join(f"“{word}”" for word in found)
        noun = "words" if len(found) > 1 else "word"
        raise ServiceError(
            f"Your {label} contains {listed}, which this forum does not allow. Please change "
            f"the {noun} and try again; your text is kept.",
            field="body",
        )
    return words.censor(text)


def count_towards_limit(*, user: Any, key: str, limit: int, done: str) -> None:
    """Count one `key` action of `user`; RateLimited once the hour's `limit` is passed.
    `done` completes "You have ... in the last hour", e.g. "sent 30 private messages"."""
    if permissions.exempt_from_limits(user):
        return
    if not ratelimit.hit(f"messaging:{key}:{user.pk}", limit=limit, window_seconds=HOUR):
        raise RateLimited(
            f"You have {done} in the last hour, the most allowed. Please wait a while and "
            "try again; your text is kept."
        )


def risk_of(text: str) -> str:
    """What the crisis assessor says of the text (stored, never shown to other members)."""
    return str(assess(text).level.value)
