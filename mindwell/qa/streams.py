"""Keyset pagination over several sources merged into one stream of events, newest first:
the activity stream (posts written, posts edited) and "My updates" (posts in what a member
follows).

Each source is a queryset of posts and the column holding the time of its event. An event's
key is (time, post id, source rank); a page reads at most per_page + 1 events after the
cursor from every source, each an index range, and merges them. Sources that share a rank
describe the same event (a new question both by a followed member and in a followed tag),
so equal keys are shown once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import QuerySet

from mindwell.qa.pagination import (
    BAD_CURSOR,
    PER_PAGE,
    InvalidCursor,
    KeysetOrder,
    KeysetPage,
    PageRequest,
    RowCompare,
    decode_cursor,
    page_from_rows,
    page_from_rows_before,
)


@dataclass(frozen=True)
class StreamSource:
    queryset: QuerySet
    time_field: str
    event: str
    rank: int = 0


@dataclass(frozen=True)
class StreamEvent:
    post: Any
    event: str
    at: datetime
    rank: int

    @property
    def id(self) -> int:
        return int(self.post.pk)


def stream_order(name: str) -> KeysetOrder:
    return KeysetOrder(name, ("at", "id", "rank"), types=("datetime", "int", "int"))


def _after_condition(source: StreamSource, values: list[Any], *, forward: bool) -> RowCompare:
    """Rows of `source` strictly beyond the cursor (t, id, rank) in the stream's order."""
    time, pk, rank = values
    if forward:
        # (time, id, s) < (t, i, r): equal (time, id) still comes later when s < r.
        operator = "<=" if source.rank < rank else "<"
    else:
        operator = ">=" if source.rank > rank else ">"
    return RowCompare((source.time_field, "id"), (time, pk), operator)


def _read(source: StreamSource, values: list[Any] | None, limit: int, *, forward: bool) -> list:
    rows = source.queryset
    if values is not None:
        rows = rows.filter(_after_condition(source, values, forward=forward))
    direction = "-" if forward else ""
    rows = rows.order_by(f"{direction}{source.time_field}", f"{direction}id")[:limit]
    return [
        StreamEvent(
            post=post, event=source.event, at=getattr(post, source.time_field), rank=source.rank
        )
        for post in rows
    ]


def _merge(
    sources: Sequence[StreamSource], values: list[Any] | None, limit: int, *, forward: bool
) -> list[StreamEvent]:
    events: dict[tuple, StreamEvent] = {}
    for source in sources:
        for event in _read(source, values, limit, forward=forward):
            events.setdefault((event.at, event.id, event.rank), event)
    ordered = sorted(events.items(), key=lambda item: item[0], reverse=forward)
    return [event for _key, event in ordered[:limit]]


def stream_page(
    sources: Sequence[StreamSource],
    *,
    name: str,
    request: PageRequest,
    per_page: int = PER_PAGE,
) -> KeysetPage:
    """One page of the merged stream; one query per source. Streams are paged by cursor
    only: a page number other than 1 gives the first page."""
    order = stream_order(name)
    notice = ""
    if not sources:
        return KeysetPage(items=[])
    model = sources[0].queryset.model
    try:
        if request.after:
            values, number = decode_cursor(request.after, order, model)
            rows = _merge(sources, values, per_page + 1, forward=True)
            return page_from_rows(order, rows, number + 1, per_page)
        if request.before:
            values, number = decode_cursor(request.before, order, model)
            rows = _merge(sources, values, per_page + 1, forward=False)
            page = page_from_rows_before(order, rows, number - 1, per_page)
            if page.items:
                return page
    except InvalidCursor:
        notice = str(BAD_CURSOR)
    page = page_from_rows(order, _merge(sources, None, per_page + 1, forward=True), 1, per_page)
    page.notice = notice
    return page
