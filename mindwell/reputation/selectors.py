"""Reading points: what the rules say a member should have, computed from the content."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Sum

from mindwell.qa.models import Post, PostKind, PostStatus
from mindwell.reputation.daily_cap import daily_cap_excess
from mindwell.reputation.models import PointsEvent
from mindwell.reputation.rules import PointsRules
from mindwell.votes.models import Vote


def expected_points(
    *, rules: PointsRules, excess: dict[int, int] | None = None
) -> dict[int, int]:
    """Every member's total from scratch (without the base), keyed by user id. Runs a fixed
    number of queries, streaming rows, so it works on large sites. `excess`: the members'
    excess over the daily limit on votes received, when the caller has computed it already
    (mindwell.reputation.daily_cap)."""
    totals: dict[int, int] = defaultdict(int)
    published = Post.objects.filter(status=PostStatus.PUBLISHED, author__isnull=False)

    rows = published.filter(kind__in=[PostKind.QUESTION, PostKind.ANSWER]).values_list(
        "author_id", "kind", "upvotes", "downvotes"
    )
    for author_id, kind, up, down in rows.iterator(chunk_size=5000):
        totals[author_id] += rules.question_posted() if kind == "Q" else rules.answer_posted()
        totals[author_id] += rules.votes_received(kind=kind, upvotes=up, downvotes=down)

    # Every published question counts here, including those asked without an account: the
    # answerer still earns the selection (the services do the same).
    selections = Post.objects.filter(
        status=PostStatus.PUBLISHED,
        kind=PostKind.QUESTION,
        best_answer__isnull=False,
        best_answer__author__isnull=False,
    ).values_list("author_id", "best_answer__author_id")
    for asker_id, answerer_id in selections.iterator(chunk_size=5000):
        if answerer_id != asker_id:
            if asker_id is not None:
                totals[asker_id] += rules.selecting()
            totals[answerer_id] += rules.selected()

    votes = Vote.objects.filter(post__status=PostStatus.PUBLISHED).values_list(
        "user_id", "post__kind", "value"
    )
    for user_id, kind, value in votes.iterator(chunk_size=5000):
        totals[user_id] += rules.vote_cast(kind=kind, value=value)

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
