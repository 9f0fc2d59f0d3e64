"""The daily limit on points gained from votes received (Stack Exchange's "reputation cap").

What it means, computed from the data so that the ledger and a recomputation from scratch
always agree: each upvote on a member's published question or answer gains what
`PointsRules.upvote_gain` says for its place among the post's upvotes in time order (so the
per-post caps still hold), on the day (UTC) it was given, or last changed to an upvote. A
member's gains are added up per day; whatever a day's gains exceed the limit by is the
member's *excess*, taken off their total. Losses from downvotes are never limited.

The ledger keeps the excess as `daily_cap` events: whenever a member's votes received
change (a vote, a post published or hidden), `daily_cap_settle` recomputes that member's
excess and appends the difference from what the ledger already took. The other events stay
as they were, so every line of the ledger still explains itself.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Sum

from mindwell.qa.models import PostKind, PostStatus
from mindwell.reputation.models import EventKind, PointsEvent
from mindwell.reputation.rules import PointsRules, current_rules
from mindwell.votes.models import Vote

Row = tuple[int, int, str, datetime.datetime]  # author id, post id, post kind, time


def _upvotes(author_id: int | None = None) -> Iterable[Row]:
    """Upvotes on published questions and answers written by a member, grouped by post and
    in the order they were given; streamed."""
    votes = Vote.objects.filter(
        value=1,
        post__status=PostStatus.PUBLISHED,
        post__kind__in=[PostKind.QUESTION, PostKind.ANSWER],
        post__author__isnull=False,
    )
    if author_id is not None:
        votes = votes.filter(post__author_id=author_id)
    rows = votes.order_by("post_id", "updated_at", "pk").values_list(
        "post__author_id", "post_id", "post__kind", "updated_at"
    )
    return rows.iterator(chunk_size=5000)


def excess_from(rows: Iterable[Row], *, rules: PointsRules) -> dict[int, int]:
    """Each member's excess over the daily limit, from upvote rows grouped by post in time
    order (as `_upvotes` gives them). Members with none are left out."""
    cap = rules.votes_received_daily_cap
    if cap <= 0:
        return {}
    days: dict[tuple[int, datetime.date], int] = defaultdict(int)
    post_id, rank = None, 0
    for author_id, this_post, kind, at in rows:
        if this_post != post_id:
            post_id, rank = this_post, 0
        gain = rules.upvote_gain(kind=kind, rank=rank)
        rank += 1
        if gain:
            days[(author_id, at.astimezone(datetime.UTC).date())] += gain
    excess: dict[int, int] = defaultdict(int)
    for (author_id, _day), gained in days.items():
        if gained > cap:
            excess[author_id] += gained - cap
    return dict(excess)


def daily_cap_excess(*, rules: PointsRules, user_id: int | None = None) -> dict[int, int]:
    """Every member's excess (or one member's), keyed by user id."""
    if rules.votes_received_daily_cap <= 0:
        return {}
    return excess_from(_upvotes(user_id), rules=rules)


def ledger_daily_cap(user_id: int) -> int:
    """What the ledger has taken from the member for the daily limit so far (<= 0)."""
    total = PointsEvent.objects.filter(user_id=user_id, kind=EventKind.DAILY_CAP).aggregate(
        total=Sum("points")
    )["total"]
    return int(total or 0)


def daily_cap_settle(*, user_id: int | None) -> None:
    """Bring the member's daily-limit events in line with their votes received now. Callers
    are inside the transaction that changed them. With no limit set nothing is read: events
    from an earlier limit stay until `mindwell recalculate_points` (as for any rule change)."""
    from mindwell.reputation.services import points_add

    rules = current_rules()
    if user_id is None or rules.votes_received_daily_cap <= 0:
        return
    want = -daily_cap_excess(rules=rules, user_id=user_id).get(user_id, 0)
    points_add(user_id=user_id, kind=EventKind.DAILY_CAP, points=want - ledger_daily_cap(user_id))
