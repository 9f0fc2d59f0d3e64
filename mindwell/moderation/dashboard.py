"""The moderation dashboard: posts, flags, queue sizes and safety-queue response times per
day, counted in the database with a fixed number of queries whatever the data size, and
drawn by mindwell.moderation.charts.

Queue sizes are rebuilt from timestamps, because no table keeps a daily snapshot:
- open flags at the end of a day: flags created by then and not resolved by then
  (Flag.created_at / resolved_at), which is exact;
- posts waiting for approval at the end of a day: a post counts from its created_at until its
  first approve or reject entry in the audit log, or until now while it is still queued. This
  is an approximation: a post that was queued again after an edit is counted for its first
  stay only (or from its creation, if it is queued now), and a queued post removed without an
  approve or reject entry never leaves the count until its status changes.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import (
    Case,
    Count,
    DateTimeField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import TruncDate
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext

from mindwell.moderation import charts, permissions
from mindwell.moderation.models import AuditAction, AuditEntry, Flag
from mindwell.qa.models import Post, PostKind, PostStatus
from mindwell.safety.models import SafetyCase

PERIODS = (7, 30, 90)
DEFAULT_PERIOD = 30
# The audit actions that take a post out of the approval queue.
LEAVES_QUEUE = (AuditAction.APPROVE, AuditAction.REJECT)


@dataclass(frozen=True)
class DashboardData:
    """One value per day of `days` in every list (today last)."""

    days: list[date]
    posts: dict[str, list[int]]
    flags: list[int]
    queued_posts: list[int]
    open_flags: list[int]
    cases_opened: list[int]
    response_median: list[float | None]
    response_max: list[float | None]
    awaiting_response: list[int]


@dataclass(frozen=True)
class Chart:
    """A drawn chart and the same numbers as a table for screen readers."""

    chart_id: str
    title: str
    svg: str
    columns: tuple[str, ...]
    rows: list[tuple[str, ...]]


def period_from(raw: str | None) -> int:
    try:
        days = int(raw or "")
    except ValueError:
        return DEFAULT_PERIOD
    return days if days in PERIODS else DEFAULT_PERIOD


def _per_day(queryset: QuerySet[Any], field: str, days: list[date], since: datetime) -> list[int]:
    """How many rows have `field` on each of `days`: one grouped query."""
    index = {day: position for position, day in enumerate(days)}
    counts = [0] * len(days)
    rows = (
        queryset.filter(**{f"{field}__gte": since})
        .annotate(day=TruncDate(field))
        .values("day")
        .annotate(n=Count("pk"))
        .order_by()  # a model's default ordering would split the groups
    )
    for row in rows:
        position = index.get(row["day"])
        if position is not None:
            counts[position] += row["n"]
    return counts


def _running(before: int, started: list[int], ended: list[int]) -> list[int]:
    """Open items at the end of each day, from the number open when the window began."""
    open_now, sizes = before, []
    for came, went in zip(started, ended, strict=True):
        open_now += came - went
        sizes.append(open_now)
    return sizes


def _open_before(queryset: QuerySet[Any], start: str, end: str, since: datetime) -> int:
    return (
        queryset.filter(**{f"{start}__lt": since})
        .filter(Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": since}))
        .count()
    )


def _queue_stays() -> QuerySet[Post]:
    """Posts that have waited for approval, with when they left the queue (None: still in)."""
    first_decision = (
        AuditEntry.objects.filter(post=OuterRef("pk"), action__in=LEAVES_QUEUE)
        .order_by("created_at", "pk")
        .values("created_at")[:1]
    )
    return Post.objects.annotate(
        queue_left_at=Case(
            When(status=PostStatus.QUEUED, then=Value(None)),
            default=Subquery(first_decision),
            output_field=DateTimeField(),
        )
    ).filter(Q(status=PostStatus.QUEUED) | Q(queue_left_at__isnull=False))


def _posts_by_kind(days: list[date], since: datetime) -> dict[str, list[int]]:
    index = {day: position for position, day in enumerate(days)}
    counts = {kind: [0] * len(days) for kind in PostKind.values}
    rows = (
        Post.objects.filter(created_at__gte=since)
        .annotate(day=TruncDate("created_at"))
        .values("day", "kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        position = index.get(row["day"])
        if position is not None and row["kind"] in counts:
            counts[row["kind"]][position] += row["n"]
    return counts


def _response_minutes(days: list[date], since: datetime) -> dict[date, list[float]]:
    """Minutes to the first response of each answered case, by the day it was opened. The
    median needs every value, so these are read as one list; cases are few."""
    by_day: dict[date, list[float]] = {day: [] for day in days}
    answered = SafetyCase.objects.filter(created_at__gte=since, first_response_at__isnull=False)
    for opened, responded in answered.values_list("created_at", "first_response_at"):
        day = timezone.localtime(opened).date()
        if responded is not None and day in by_day:
            by_day[day].append(max(0.0, (responded - opened).total_seconds() / 60))
    return by_day


def dashboard_data(*, days: int = DEFAULT_PERIOD, today: date | None = None) -> DashboardData:
    """The dashboard's numbers for the `days` days ending `today`, in nine queries."""
    today = today or timezone.localdate()
    first = today - timedelta(days=days - 1)
    window = [first + timedelta(days=offset) for offset in range(days)]
    since = timezone.make_aware(datetime.combine(first, time.min))

    flags = _per_day(Flag.objects.all(), "created_at", window, since)
    open_flags = _running(
        _open_before(Flag.objects.all(), "created_at", "resolved_at", since),
        flags,
        _per_day(Flag.objects.all(), "resolved_at", window, since),
    )
    stays = _queue_stays()
    queued_posts = _running(
        _open_before(stays, "created_at", "queue_left_at", since),
        _per_day(stays, "created_at", window, since),
        _per_day(stays, "queue_left_at", window, since),
    )
    cases_opened = _per_day(SafetyCase.objects.all(), "created_at", window, since)
    minutes = _response_minutes(window, since)
    return DashboardData(
        days=window,
        posts=_posts_by_kind(window, since),
        flags=flags,
        queued_posts=queued_posts,
        open_flags=open_flags,
        cases_opened=cases_opened,
        response_median=[
            round(statistics.median(minutes[day]), 1) if minutes[day] else None for day in window
        ],
        response_max=[round(max(minutes[day]), 1) if minutes[day] else None for day in window],
        awaiting_response=[
            opened - len(minutes[day]) for opened, day in zip(cases_opened, window, strict=True)
        ],
    )


def _short(day: date) -> str:
    return f"{day.day} {day:%b}"


def _long(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b} {day.year}"


def _cell(value: float | None) -> str:
    if value is None:
        return "—"
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _rows(days: list[date], *columns: Sequence[float | None]) -> list[tuple[str, ...]]:
    return [(_long(day), *(_cell(column[i]) for column in columns)) for i, day in enumerate(days)]


def dashboard_charts(data: DashboardData) -> list[Chart]:
    labels = [_short(day) for day in data.days]
    span = gettext("from %(_long)s to %(_long2)s") % {
        "_long": _long(data.days[0]),
        "_long2": _long(data.days[-1]),
    }
    questions, answers, comments = (data.posts[k] for k in PostKind.values)
    response_series = [
        charts.Series("median", tuple(data.response_median)),
        charts.Series("longest", tuple(data.response_max)),
    ]
    return [
        Chart(
            "chart-posts",
            "Posts per day",
            charts.line_chart(
                chart_id="chart-posts",
                title="Posts per day",
                description=(
                    gettext(
                        "Posts written each day %(span)s: %(sum)s questions, %(sum2)s answers "
                        "and %(sum3)s comments in all."
                    )
                    % {
                        "span": span,
                        "sum": sum(questions),
                        "sum2": sum(answers),
                        "sum3": sum(comments),
                    }
                ),
                labels=labels,
                series=[
                    charts.Series("questions", tuple(questions)),
                    charts.Series("answers", tuple(answers)),
                    charts.Series("comments", tuple(comments)),
                ],
                unit="posts",
            ),
            ("Day", "Questions", "Answers", "Comments"),
            _rows(data.days, questions, answers, comments),
        ),
        Chart(
            "chart-flags",
            "Flags per day",
            charts.bar_chart(
                chart_id="chart-flags",
                title="Flags per day",
                description=gettext("Flags raised each day %(span)s: %(sum)s in all.")
                % {"span": span, "sum": sum(data.flags)},
                labels=labels,
                series=charts.Series("flags", tuple(data.flags)),
                unit="flags",
            ),
            ("Day", "Flags raised"),
            _rows(data.days, data.flags),
        ),
        Chart(
            "chart-queues",
            "Queue sizes at the end of each day",
            charts.line_chart(
                chart_id="chart-queues",
                title="Queue sizes at the end of each day",
                description=(
                    gettext(
                        "Posts waiting for approval and flags still open at the end of each "
                        "day %(span)s. Now: %(queued_posts)s posts waiting and %(open_flags)s "
                        "flags open."
                    )
                    % {
                        "span": span,
                        "queued_posts": data.queued_posts[-1],
                        "open_flags": data.open_flags[-1],
                    }
                ),
                labels=labels,
                series=[
                    charts.Series("posts waiting for approval", tuple(data.queued_posts)),
                    charts.Series("open flags", tuple(data.open_flags)),
                ],
                unit="items",
            ),
            ("Day", "Posts waiting for approval", "Open flags"),
            _rows(data.days, data.queued_posts, data.open_flags),
        ),
        Chart(
            "chart-cases",
            "Safety cases opened per day",
            charts.bar_chart(
                chart_id="chart-cases",
                title="Safety cases opened per day",
                description=gettext("Safety cases opened each day %(span)s: %(sum)s in all.")
                % {"span": span, "sum": sum(data.cases_opened)},
                labels=labels,
                series=charts.Series("safety cases", tuple(data.cases_opened)),
                unit="cases",
            ),
            ("Day", "Safety cases opened"),
            _rows(data.days, data.cases_opened),
        ),
        Chart(
            "chart-response",
            "Time to first response on safety cases",
            charts.line_chart(
                chart_id="chart-response",
                title="Time to first response on safety cases",
                description=(
                    gettext(
                        "Median and longest minutes from a safety case opening to a "
                        "moderator's first response, by the day the case opened, %(span)s. "
                        "%(sum)s cases still wait for a first response."
                    )
                    % {"span": span, "sum": sum(data.awaiting_response)}
                ),
                labels=labels,
                series=response_series,
                unit="minutes",
                whole=False,
            ),
            ("Day", "Median minutes", "Longest minutes", "Still waiting"),
            _rows(data.days, data.response_median, data.response_max, data.awaiting_response),
        ),
    ]


def dashboard(request: HttpRequest) -> HttpResponse:
    if not permissions.can_view_dashboard(request.user):
        raise PermissionDenied(gettext("The moderation dashboard is for moderators."))
    days = period_from(request.GET.get("days"))
    data = dashboard_data(days=days)
    totals = {
        "posts": sum(sum(counts) for counts in data.posts.values()),
        "flags": sum(data.flags),
        "cases": sum(data.cases_opened),
        "queued": data.queued_posts[-1],
        "open_flags": data.open_flags[-1],
    }
    context = {"charts": dashboard_charts(data), "days": days, "periods": PERIODS}
    return render(request, "moderation/dashboard.html", {**context, "totals": totals})
