"""Writing many rows' new values in one statement.

Django's `bulk_update` writes `SET col = CASE WHEN id = 1 THEN ... WHEN id = 2 ...` per
batch: the database compares every row of the batch with every case, so 30,000 rows took
18-34 s. Here the values go into a temporary table with plain INSERTs and one
`UPDATE ... FROM` (PostgreSQL, and SQLite since 3.33) joins it on the primary key.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import Field, Model

TEMP = "mw_import_setwise"
CHUNK = 1000


def update_rows(model: type[Model], fields: Sequence[str], rows: Sequence[Model]) -> int:
    """Set `fields` of each of `rows` (instances with their pk) to the values they carry;
    returns how many rows were given. Call inside a transaction."""
    if not rows:
        return 0
    meta = model._meta
    assert meta.pk is not None
    every: list[Field[Any, Any]] = [meta.pk]
    for name in fields:
        field = meta.get_field(name)
        assert isinstance(field, Field), f"{name} is not a column"
        every.append(field)
    qn = connection.ops.quote_name
    # Every concrete field has its column; the stubs allow None.
    names = [qn(str(field.column)) for field in every]
    typed = ", ".join(f"{n} {f.db_type(connection)}" for n, f in zip(names, every, strict=True))
    marks = ", ".join(["%s"] * len(names))
    table = qn(meta.db_table)
    sets = ", ".join(f"{name} = {TEMP}.{name}" for name in names[1:])
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {TEMP}")
        cursor.execute(f"CREATE TEMPORARY TABLE {TEMP} ({typed})")
        values = [
            [field.get_db_prep_save(getattr(row, field.attname), connection) for field in every]
            for row in rows
        ]
        insert = f"INSERT INTO {TEMP} ({', '.join(names)}) VALUES ({marks})"  # noqa: S608
        for start in range(0, len(values), CHUNK):
            cursor.executemany(insert, values[start : start + CHUNK])
        cursor.execute(
            f"UPDATE {table} SET {sets} FROM {TEMP} "  # noqa: S608
            f"WHERE {table}.{names[0]} = {TEMP}.{names[0]}"
        )
        cursor.execute(f"DROP TABLE {TEMP}")
    return len(rows)
