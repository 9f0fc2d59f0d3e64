"""Fast inserts of plain rows for the data generator.

Django's bulk_create builds a model instance per row and prepares every value through its
field, which is most of the time spent writing a million posts; SQLite is also held to 999
parameters, 33 posts, a statement. Here a row is a dict of column values, each column is
adapted once by a converter chosen from its field, and rows go in multi-row INSERTs of up to
ROWS_PER_STATEMENT rows on SQLite, and in one COPY on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.db import connection, models

ROWS_PER_STATEMENT = 500
# SQLite's default limit since 3.32; PostgreSQL allows 65,535.
MAX_PARAMETERS = 32_000

Convert = Callable[[Any], Any]


def _converter(field: models.Field) -> Convert | None:  # type: ignore[type-arg]
    if isinstance(field, models.DateTimeField):
        return connection.ops.adapt_datetimefield_value  # type: ignore[no-any-return]
    if isinstance(field, models.JSONField):
        return lambda value: field.get_db_prep_save(value, connection)
    return None


class Table:
    """The columns of `model` and how to fill the ones a row leaves out."""

    def __init__(self, model: type[models.Model], *, skip: Sequence[str] = ()) -> None:
        self.model = model
        fields = [
            f for f in model._meta.concrete_fields if f.attname not in skip and f.column is not None
        ]
        self.names = [f.attname for f in fields]
        self.defaults = [f.get_default() for f in fields]
        self.converters = [_converter(f) for f in fields]
        quote = connection.ops.quote_name
        columns = ", ".join(quote(str(f.column)) for f in fields)
        # Only names from the model's own metadata, quoted: nothing a user typed.
        table = quote(model._meta.db_table)
        self.prefix = f"INSERT INTO {table} ({columns}) VALUES "  # noqa: S608
        self.copy_sql = f"COPY {table} ({columns}) FROM STDIN"
        self.placeholder = "(" + ", ".join(["%s"] * len(fields)) + ")"
        self.rows_per_statement = max(1, min(ROWS_PER_STATEMENT, MAX_PARAMETERS // len(fields)))

    def values(self, row: dict[str, Any]) -> list[Any]:
        out = []
        for name, default, convert in zip(self.names, self.defaults, self.converters, strict=True):
            value = row.get(name, default)
            out.append(convert(value) if convert is not None and value is not None else value)
        return out

    def insert(self, rows: Iterable[dict[str, Any]]) -> int:
        rows = list(rows)
        if connection.vendor == "postgresql":
            return self._copy(rows)
        with connection.cursor() as cursor:
            for start in range(0, len(rows), self.rows_per_statement):
                chunk = rows[start : start + self.rows_per_statement]
                params: list[Any] = []
                for row in chunk:
                    params.extend(self.values(row))
                sql = self.prefix + ", ".join([self.placeholder] * len(chunk))
                cursor.execute(sql, params)
        return len(rows)

    def _copy(self, rows: list[dict[str, Any]]) -> int:
        """PostgreSQL's COPY: rows streamed in one command, several times faster than
        INSERT statements."""
        with connection.cursor() as cursor, cursor.cursor.copy(self.copy_sql) as copy:
            for row in rows:
                copy.write_row(self.values(row))
        return len(rows)
