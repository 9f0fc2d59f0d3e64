"""Reading points: what the rules say a member should have, computed from the content."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Sum

from mindwell.qa.models import Post, PostKind, PostStatus
from mindwell.reputation.daily_cap import daily_cap_excess
from mindwell.reputation.models import EventKind, PointsEvent
from mindwell.reputation.rules import PointsRules
from mindwell.votes.models import Vote


def expected_points(*, rules: PointsRules, excess: dict[int, int] | None = None) -> dict[int, int]:
    """Every member's total from scratch (without the base), keyed by user id. Runs a fixed
    number of queries, streaming rows, so it works on large sites. `excess`: the members'
    excess over the daily limit on votes received, when the caller has computed it already
    (mindwell.reputation.daily_cap)."""
    totals: dict[int, int] = defaultdict(int)
    # Under Question2Answer's rule a hidden post keeps what its votes gave.
    voted_statuses = [PostStatus.PUBLISHED]
    if rules.hidden_posts_keep_votes:
        voted_statuses.append(PostStatus.HIDDEN)

    rows = (
        Post.objects.filter(status__in=voted_statuses, author__isnull=False)
        .filter(kind__in=[PostKind.QUESTION, PostKind.ANSWER])
        .values_list("author_id", "kind", "status", "upvotes", "downvotes")
    )
    for author_id, kind, status, up, down in rows.iterator(chunk_size=5000):
        if status == PostStatus.PUBLISHED:
            totals[author_id] += rules.question_posted() if kind == "Q" else rules.answer_posted()
        totals[author_id] += rules.votes_received(kind=kind, upvotes=up, downvotes=down)

    # Every published question counts here, including those asked without an account: the
    # answerer still earns the selection (the services do the same).
    selections = Post.objects.filter(
        status=PostStatus.PUBLISHED,
        kind=PostKind.QUESTION,
        best_answer__isnull=False,
    ).values_list("author_id", "best_answer__author_id")
    for asker_id, answerer_id in selections.iterator(chunk_size=5000):
        for user_id, points in rules.selection(asker_id=asker_id, answerer_id=answerer_id).items():
            totals[user_id] += points

    votes = Vote.objects.filter(post__status__in=voted_statuses).values_list(
        "user_id", "post__kind", "value"
    )
    for user_id, kind, value in votes.iterator(chunk_size=5000):
        totals[user_id] += rules.vote_cast(kind=kind, value=value)

    # Bonuses are given, not derived from content: they stay as they are.
    for user_id, bonus in ledger_totals(kind=EventKind.BONUS).items():
        totals[user_id] += bonus

    if excess is None:
        excess = daily_cap_excess(rules=rules)
    for user_id, over in excess.items():
        totals[user_id] -= over
    return dict(totals)


def ledger_totals(*, kind: str | None = None) -> dict[int, int]:
    """Each member's ledger sum (of the events of one `kind`, when given)."""
    events = PointsEvent.objects.all() if kind is None else PointsEvent.objects.filter(kind=kind)
    rows = events.values("user_id").annotate(total=Sum("points"))
    return {row["user_id"]: row["total"] for row in rows}
