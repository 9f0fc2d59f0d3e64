"""Generation counters: one per thing a cached page can show.

A generation's value is the time (in nanoseconds) it last moved, so a value that was
evicted and set again never equals an older one, and a page can tell a generation that
moved a moment ago (its render may have read the database just before the write) from
an old one. Bumps run after the writing transaction commits, on every app server's shared
cache, so no server serves the old page afterwards.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction

SITE = "pc:gen:site"
LISTS = "pc:gen:lists"
# Generations live as long as the cache lets them; pages carry their own expiry.
FOREVER = None
# Clocks of app servers agree to well within this; renders take far less.
RACE_WINDOW_NS = 2 * 1_000_000_000


def question_key(question_id: int) -> str:
    return f"pc:gen:q:{question_id}"


def user_key(user_id: int) -> str:
    return f"pc:gen:u:{user_id}"


def _now() -> int:
    return time.time_ns()


def read(keys: Iterable[str]) -> dict[str, int]:
    """The current value of each generation. A missing one (never bumped, or evicted) gets a
    new value, so no page stored before can match it; not a recent one, as nothing moved."""
    wanted = list(dict.fromkeys(keys))
    found = {key: int(value) for key, value in cache.get_many(wanted).items()}
    for key in wanted:
        if key not in found:
            start = _now() - 2 * RACE_WINDOW_NS
            cache.add(key, start, timeout=FOREVER)
            found[key] = int(cache.get(key) or start)
    return found


def moved_recently(values: dict[str, int]) -> bool:
    """Whether a generation moved within the race window: a page rendered now may have
    read the database just before that write (or from a replica a little behind it)."""
    return _now() - max(values.values(), default=0) < RACE_WINDOW_NS


def bump_now(keys: Iterable[str]) -> None:
    now = _now()
    cache.set_many(dict.fromkeys(keys, now), timeout=FOREVER)


def bump(keys: Iterable[str]) -> None:
    """Move the generations once the current transaction commits (at once outside one):
    a reader before the commit would only render the old content again."""
    chosen = list(dict.fromkeys(keys))
    if chosen:
        transaction.on_commit(lambda: bump_now(chosen))


def invalidate_question(question_id: int | None) -> None:
    """A question page's content changed (and so may every list showing it)."""
    if question_id:
        bump([question_key(question_id), LISTS])


def invalidate_user(user_id: int | None) -> None:
    """A member's name, picture, points or badge changed: every page naming them."""
    if user_id:
        bump([user_key(user_id), LISTS])


def invalidate_lists() -> None:
    bump([LISTS])


def invalidate_site() -> None:
    """Something every page shows changed (site settings, categories, crisis lines...)."""
    bump([SITE])
