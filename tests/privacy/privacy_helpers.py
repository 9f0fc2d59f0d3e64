"""Shared helpers for the privacy tests: anonymous posts, reading a ZIP, scanning tables."""

from __future__ import annotations

import html as html_lib
import io
import json
import zipfile
from typing import Any

from django.db import connection

from mindwell.accounts.models import User
from mindwell.qa.models import Post
from mindwell.qa.services import answer_create, comment_create, question_create
from mindwell.qa.services.common import Poster
from tests.factories import category


def anonymously(user: User, ip: str | None = None) -> Poster:
    return Poster(user=user, anonymous=True, ip=ip)


def ask_anonymously(user: User, *, title: str = "", ip: str | None = None, **fields: Any) -> Post:
    return question_create(
        poster=anonymously(user, ip),
        title=title or "How do I tell my partner I have been struggling?",
        body=fields.pop("body", "I have been low for months and do not know how to start."),
        category_id=fields.pop("category_id", category().pk),
        tags=fields.pop("tags", "relationships"),
        **fields,
    )


def answer_anonymously(question: Post, user: User, **fields: Any) -> Post:
    return answer_create(
        poster=anonymously(user, fields.pop("ip", None)),
        question=question,
        body=fields.pop("body", "I went through the same, and writing it down first helped."),
        **fields,
    )


def comment_anonymously(parent: Post, user: User, **fields: Any) -> Post:
    return comment_create(
        poster=anonymously(user, fields.pop("ip", None)),
        parent=parent,
        body=fields.pop("body", "Same here; you are not alone."),
        **fields,
    )


def text(response: Any) -> str:
    return html_lib.unescape(response.content.decode())


def read_zip(response: Any) -> dict[str, str]:
    """The files of a streamed ZIP download, by name."""
    data = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name).decode() for name in archive.namelist()}


def account_json(files: dict[str, str]) -> dict[str, Any]:
    return json.loads(files["account.json"])


def rows_containing(needle: str) -> list[str]:
    """Every "table.column" of the whole database holding `needle` (case-insensitive), read
    with raw SQL from the database's own list of tables, so no model can be forgotten.
    Every column is cast to text, which works on SQLite and PostgreSQL alike."""
    pattern = f"%{needle.lower()}%"
    found = []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            columns = [
                column.name
                for column in connection.introspection.get_table_description(cursor, table)
            ]
            matches = " OR ".join(
                f"LOWER(CAST({quote(column)} AS TEXT)) LIKE %s" for column in columns
            )
            cursor.execute(
                f"SELECT COUNT(*) FROM {quote(table)} WHERE {matches}",  # noqa: S608 (names from the database itself)
                [pattern] * len(columns),
            )
            if cursor.fetchone()[0] == 0:
                continue
            for column in columns:
                cursor.execute(
                    f"SELECT COUNT(*) FROM {quote(table)} "  # noqa: S608
                    f"WHERE LOWER(CAST({quote(column)} AS TEXT)) LIKE %s",
                    [pattern],
                )
                if cursor.fetchone()[0]:
                    found.append(f"{table}.{column}")
    return found
