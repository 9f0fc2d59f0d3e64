"""Keyset ("seek") pagination: each page starts where the previous one ended, so page 1,000
costs what page 1 costs.

An order is a tuple of columns, all descending, ending in the primary key so no two rows
tie. A page link carries a cursor: the sort key of the row it continues from, signed so
nobody can forge one, and bound to its order so a "most votes" cursor cannot be replayed
on "recent". The next page is then `WHERE (col, …, id) < (cursor) ORDER BY col DESC, …,
id DESC LIMIT n`, written as one row-value comparison because SQLite (3.15+) and
PostgreSQL both turn that into an index range, which the equivalent OR-expansion is not.

The first few pages may also be asked for by number (`?page=3`): OFFSET is cheap over a
thousand rows and it keeps simple links working. A bad cursor or page number gives the
first page and a message, never an error.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from django.core import signing
from django.db import models
from django.db.models import BooleanField, Expression, F, QuerySet, Value
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

PER_PAGE = 20
# Pages reachable by number; beyond this, the "Next" links (cursors) go on.
MAX_NUMBERED_PAGE = 50
SALT = "mindwell.pagination"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

BAD_CURSOR = gettext_lazy("That page link was damaged or out of date, so here is the first page.")
BAD_PAGE = format_lazy(
    gettext_lazy(
        "Pages can be chosen by number up to page {}; "
        "here is the first page (use Next to go further)."
    ),
    MAX_NUMBERED_PAGE,
)


class InvalidCursor(Exception):
    pass


class RowCompare(Expression):
    """`(col1, col2, …) op (v1, v2, …)` as a WHERE condition."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, columns: Sequence[str], values: Sequence[Any], operator: str) -> None:
        if operator not in ("<", "<=", ">", ">="):
            raise ValueError(operator)
        if len(columns) != len(values) or not columns:
            raise ValueError("one value per column")
        super().__init__()
        self.operator = operator
        self.lhs: list[Any] = [F(name) for name in columns]
        self.rhs: list[Any] = list(values)

    def get_source_expressions(self) -> list[Any]:
        return [*self.lhs, *(v for v in self.rhs if hasattr(v, "resolve_expression"))]

    def set_source_expressions(self, exprs: Sequence[Any]) -> None:
        n = len(self.lhs)
        self.lhs = list(exprs[:n])
        if len(exprs) > n:
            self.rhs = list(exprs[n:])

    def resolve_expression(  # type: ignore[no-untyped-def]
        self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False
    ):
        clone = self.copy()
        clone.lhs = [
            col.resolve_expression(query, allow_joins, reuse, summarize, for_save)
            for col in self.lhs
        ]
        # Each value is adapted like the column it is compared with (datetimes as SQLite's
        # text or PostgreSQL's timestamptz).
        clone.rhs = [
            Value(value, output_field=col.output_field).resolve_expression(query)
            if not hasattr(value, "resolve_expression")
            else value
            for col, value in zip(clone.lhs, self.rhs, strict=True)
        ]
        return clone

    def as_sql(self, compiler, connection):  # type: ignore[no-untyped-def]
        parts, params = [], []
        for side in (self.lhs, self.rhs):
            sqls = []
            for expression in side:
                sql, sql_params = compiler.compile(expression)
                sqls.append(sql)
                params.extend(sql_params)
            parts.append(f"({', '.join(sqls)})")
        return f"{parts[0]} {self.operator} {parts[1]}", params


@dataclass(frozen=True)
class KeysetOrder:
    """A named descending order over model fields, the last of them unique (the pk).
    `types` ("datetime", "int" or "float" per value) is for keys that are not all model
    fields; by default each value is read as its field's type."""

    name: str
    fields: tuple[str, ...]
    types: tuple[str, ...] = ()

    def order_by(self, *, reverse: bool = False) -> list[str]:
        return [name if reverse else f"-{name}" for name in self.fields]

    def key_of(self, row: Any) -> list[Any]:
        return [getattr(row, name) for name in self.fields]


@dataclass
class KeysetPage:
    """One page of rows and the links around it; `object_list` as Django's Page has it."""

    items: list[Any]
    number: int = 1
    next_cursor: str = ""
    previous_cursor: str = ""
    notice: str = ""
    is_keyset: bool = field(default=True, init=False)

    @property
    def object_list(self) -> list[Any]:
        return self.items

    @property
    def has_next(self) -> bool:
        return bool(self.next_cursor)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous

    @property
    def previous_is_first(self) -> bool:
        """Page 2's "Previous" is the plain first page (a clean, canonical link)."""
        return self.number == 2 or not self.previous_cursor

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


# --- cursors ------------------------------------------------------------------------------


def _encode_value(value: Any) -> Any:
    if isinstance(value, datetime):
        # Microseconds since 1970: exact, short, and free of time-zone spelling.
        return (value - _EPOCH) // timedelta(microseconds=1)
    if isinstance(value, bool) or value is None:
        raise TypeError(f"cannot page on {value!r}")
    return value


def _value_type(model_field: models.Field) -> str:  # type: ignore[type-arg]
    if isinstance(model_field, models.DateTimeField):
        return "datetime"
    if isinstance(model_field, models.FloatField):
        return "float"
    if isinstance(model_field, models.IntegerField | models.AutoField):
        return "int"
    raise InvalidCursor(f"cannot page on {model_field!r}")


def _decode_value(raw: Any, value_type: str) -> Any:
    if isinstance(raw, bool):
        raise InvalidCursor("boolean in cursor")
    if value_type == "datetime":
        if not isinstance(raw, int):
            raise InvalidCursor("datetime expected")
        try:
            return _EPOCH + timedelta(microseconds=raw)
        except OverflowError:
            raise InvalidCursor("datetime out of range") from None
    if value_type == "float":
        if not isinstance(raw, int | float) or not math.isfinite(raw):
            raise InvalidCursor("number expected")
        return float(raw)
    if not isinstance(raw, int) or abs(raw) >= 2**63:
        raise InvalidCursor("integer expected")
    return raw


def encode_cursor(order: KeysetOrder, values: Sequence[Any], number: int) -> str:
    payload = {"o": order.name, "v": [_encode_value(v) for v in values], "n": number}
    return signing.dumps(payload, salt=SALT, compress=True)


def decode_cursor(cursor: str, order: KeysetOrder, model: type[models.Model]) -> tuple[list, int]:
    """The sort key and page number a cursor carries; InvalidCursor if it is not one of
    ours, for another order, or malformed."""
    try:
        payload = signing.loads(cursor, salt=SALT)
    except (signing.BadSignature, ValueError, UnicodeError):
        raise InvalidCursor("bad signature") from None
    if not isinstance(payload, dict) or payload.get("o") != order.name:
        raise InvalidCursor("not this order")
    raw_values, number = payload.get("v"), payload.get("n")
    if not isinstance(raw_values, list) or len(raw_values) != len(order.fields):
        raise InvalidCursor("wrong length")
    if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number < 10**9:
        raise InvalidCursor("bad page number")
    types = order.types or tuple(
        _value_type(model._meta.get_field(name))  # type: ignore[arg-type]
        for name in order.fields
    )
    values = [_decode_value(raw, kind) for raw, kind in zip(raw_values, types, strict=True)]
    return values, number


# --- pages --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageRequest:
    """Where a visitor asked to be: `after` or `before` a cursor, or a page by number."""

    after: str = ""
    before: str = ""
    page: str = ""

    @classmethod
    def from_query(cls, query: Any) -> PageRequest:
        return cls(
            after=str(query.get("after", ""))[:2000],
            before=str(query.get("before", ""))[:2000],
            page=str(query.get("page", ""))[:20],
        )


def keyset_page(
    queryset: QuerySet,
    *,
    order: KeysetOrder,
    request: PageRequest,
    per_page: int = PER_PAGE,
) -> KeysetPage:
    """One page of `queryset` (already filtered) in `order`."""
    notice = ""
    try:
        if request.after:
            values, number = decode_cursor(request.after, order, queryset.model)
            later = queryset.filter(RowCompare(order.fields, values, "<"))
            rows = list(later.order_by(*order.order_by())[: per_page + 1])
            return page_from_rows(order, rows, number + 1, per_page)
        if request.before:
            values, number = decode_cursor(request.before, order, queryset.model)
            earlier = queryset.filter(RowCompare(order.fields, values, ">"))
            rows = list(earlier.order_by(*order.order_by(reverse=True))[: per_page + 1])
            page = page_from_rows_before(order, rows, number - 1, per_page)
            if page.items:
                return page
    except InvalidCursor:
        notice = str(BAD_CURSOR)
    if request.page and not notice:
        asked = _page_number(request.page)
        if asked is None:
            notice = str(BAD_PAGE)
        elif asked > 1:
            page = _numbered(queryset, order, asked, per_page)
            if page.items:
                return page
            notice = "There is nothing that far on; here is the first page."
    page = _numbered(queryset, order, 1, per_page)
    page.notice = notice
    return page


def _page_number(raw: str) -> int | None:
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 6:
        return None
    number = int(raw)
    return number if 1 <= number <= MAX_NUMBERED_PAGE else None


def _numbered(queryset: QuerySet, order: KeysetOrder, number: int, per_page: int) -> KeysetPage:
    start = (number - 1) * per_page
    rows = list(queryset.order_by(*order.order_by())[start : start + per_page + 1])
    return page_from_rows(order, rows, number, per_page)


def page_from_rows(order: KeysetOrder, rows: list[Any], number: int, per_page: int) -> KeysetPage:
    """A page from up to per_page + 1 rows read forwards (the extra one means "more")."""
    page = KeysetPage(items=rows[:per_page], number=number)
    if len(rows) > per_page:
        page.next_cursor = encode_cursor(order, order.key_of(rows[per_page - 1]), number)
    if number > 1 and page.items:
        page.previous_cursor = encode_cursor(order, order.key_of(page.items[0]), number)
    return page


def page_from_rows_before(
    order: KeysetOrder, rows: list[Any], number: int, per_page: int
) -> KeysetPage:
    """A page from up to per_page + 1 rows read backwards from a cursor."""
    more_before = len(rows) > per_page
    rows = list(reversed(rows[:per_page]))
    # Rows may have arrived at the top since: never call a page "1" that has more above
    # it, nor a page with nothing above it anything but 1.
    number = max(number, 2) if more_before else 1
    page = KeysetPage(items=rows, number=number)
    if rows:
        page.next_cursor = encode_cursor(order, order.key_of(rows[-1]), number)
        if more_before:
            page.previous_cursor = encode_cursor(order, order.key_of(rows[0]), number)
    return page
