"""The "hot" score of a question, stored in `Post.hot_score` so the hot list is an index scan.

    hot = ln(max(1, 1 + 3·answers + 2·score + views/10)) + (asked − 2023-11-14) / 19,543 s

A question's activity counts on a log scale and how recently it was asked counts linearly,
so interest decays with age (the form Reddit made familiar). 19,543 s is 45,000 s / ln 10:
a question asked 12.5 hours later needs ten times less activity to rank the same. Answers
weigh most (people helping), views least (cheap). The formula needs no "now", so a stored
score stays right until one of its inputs changes.

Why stored: ordering by the formula itself means computing it, and the crisis filter, for
every question on every page. Measured on this project's 2-core machines: 2.6 s a page for
a million posts on SQLite (167,000 questions) and 210 ms for 100,000 posts on PostgreSQL,
against about 10 ms with the stored column and its index (kind, hot_score, id), at any
depth.
The inputs change in three places, each of which refreshes the score in the same
transaction: an answer being published or unpublished (qa.services.publication), a vote
(votes.services) and the view-count flush (qa.services.views_counter). `mindwell
refresh_hot_scores` recomputes every score, for after a change of this formula or a direct
edit of the database.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import datetime

from django.db.models import F, FloatField, Func, Value
from django.db.models.functions import Greatest, Ln

from mindwell.qa.models import Post, PostKind

HOT_EPOCH = 1_700_000_000
HOT_SECONDS_PER_E = 45_000 / math.log(10)


class EpochSeconds(Func):
    """Seconds since 1970 of a datetime column."""

    template = "EXTRACT(EPOCH FROM %(expressions)s)"
    output_field = FloatField()

    def as_sqlite(self, compiler, connection, **extra_context):  # type: ignore[no-untyped-def]
        # Django stores UTC datetimes as text; julianday reads them, fractions included.
        template = "((julianday(%(expressions)s) - 2440587.5) * 86400.0)"
        return self.as_sql(compiler, connection, template=template, **extra_context)


def hot_expression() -> Func:
    """The formula as a database expression over a question's own columns."""
    activity = Greatest(
        Value(1.0),
        Value(1.0) + 3 * F("answer_count") + 2 * F("score") + F("view_count") / Value(10.0),
        output_field=FloatField(),
    )
    age = (EpochSeconds("created_at") - Value(float(HOT_EPOCH))) / Value(HOT_SECONDS_PER_E)
    return Ln(activity) + age  # type: ignore[return-value]


def hot_value(*, created_at: datetime, answers: int, score: int, views: int) -> float:
    """The same formula in Python, for rows written in bulk (the data generator)."""
    activity = max(1.0, 1.0 + 3 * answers + 2 * score + views / 10.0)
    return math.log(activity) + (created_at.timestamp() - HOT_EPOCH) / HOT_SECONDS_PER_E


def hot_refresh(*, question_ids: Iterable[int | None]) -> int:
    """Recompute the stored score of these questions in one statement; returns how many."""
    ids = sorted({pk for pk in question_ids if pk is not None})
    if not ids:
        return 0
    return Post.objects.filter(pk__in=ids, kind=PostKind.QUESTION).update(
        hot_score=hot_expression()
    )
