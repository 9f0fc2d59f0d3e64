"""Reading a live Question2Answer 1.8 database (MySQL or MariaDB) with PyMySQL.

Rows are streamed with a server-side cursor, so a forum of any size is read in constant
memory. Every failure to reach or read the source becomes a `SourceError` with a sentence a
person can act on; the command prints it and exits non-zero, without a traceback.
"""

from __future__ import annotations

import contextlib
import datetime
import ipaddress
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

import pymysql
import pymysql.cursors

Row = dict[str, Any]

# Table names are built from the prefix, so it may only hold what MySQL allows unquoted.
_PREFIX = re.compile(r"^[A-Za-z0-9_]{0,40}$")
REQUIRED_TABLES = ("users", "posts", "categories", "options", "uservotes", "userpoints")


class SourceError(Exception):
    """The source cannot be used; the message says why."""


@dataclass(frozen=True)
class SourceURL:
    user: str
    password: str
    host: str
    port: int
    database: str

    @classmethod
    def parse(cls, url: str) -> SourceURL:
        parts = urlsplit(url.strip())
        if parts.scheme not in ("mysql", "mariadb"):
            raise SourceError(
                "The source must look like mysql://USER:PASS@HOST:PORT/DATABASE "
                f"(got a {parts.scheme or 'schemeless'} address)."
            )
        database = unquote(parts.path.lstrip("/"))
        if not database or "/" in database:
            raise SourceError("The source address names no database: add /DATABASE at its end.")
        try:
            port = parts.port or 3306
        except ValueError as error:
            raise SourceError(f"The source address has a bad port: {error}.") from None
        return cls(
            user=unquote(parts.username or "root"),
            password=unquote(parts.password or ""),
            host=parts.hostname or "127.0.0.1",
            port=port,
            database=database,
        )

    @property
    def key(self) -> str:
        """What identifies this source in the import ledger (no password)."""
        return f"{self.host}:{self.port}/{self.database}"


class Q2ASource:
    """One Question2Answer database and its table prefix."""

    def __init__(self, url: str, *, prefix: str = "qa_") -> None:
        if not _PREFIX.match(prefix):
            raise SourceError(
                f"The table prefix {prefix!r} is not valid: use letters, digits and _ only."
            )
        self.url = SourceURL.parse(url)
        self.prefix = prefix
        try:
            self.connection = pymysql.connect(
                host=self.url.host,
                port=self.url.port,
                user=self.url.user,
                password=self.url.password,
                database=self.url.database,
                charset="utf8mb4",
                connect_timeout=10,
                cursorclass=pymysql.cursors.DictCursor,
            )
        except pymysql.err.OperationalError as error:
            raise SourceError(
                f"Cannot connect to the Question2Answer database at {self.url.key}: "
                f"{error.args[-1]}"
            ) from None
        self._check_tables()

    @property
    def key(self) -> str:
        return f"{self.url.key}/{self.prefix}"

    def table(self, name: str) -> str:
        return f"`{self.prefix}{name}`"

    def _check_tables(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute("SHOW TABLES")
            present = {next(iter(row.values())) for row in cursor.fetchall()}
        self.tables = {name[len(self.prefix) :] for name in present if name.startswith(self.prefix)}
        missing = [name for name in REQUIRED_TABLES if name not in self.tables]
        if missing:
            raise SourceError(
                f"{self.url.database} has no Question2Answer tables with the prefix "
                f"{self.prefix!r} (missing: {', '.join(self.prefix + m for m in missing)}). "
                "Check --prefix."
            )

    def has(self, table: str) -> bool:
        return table in self.tables

    # -- reading ---------------------------------------------------------------------------
    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> Iterator[Row]:
        """Stream a query's rows. `{t}`-style names in `sql` are the caller's table names,
        already formatted with `table()`; values always go in `params`."""
        try:
            with self.connection.cursor(pymysql.cursors.SSDictCursor) as cursor:
                cursor.execute(sql, params)
                yield from cursor
        except pymysql.err.MySQLError as error:
            raise SourceError(f"Reading the Question2Answer database failed: {error}") from None

    def all(self, sql: str, params: tuple[Any, ...] = ()) -> list[Row]:
        return list(self.rows(sql, params))

    def count(self, table: str, where: str = "") -> int:
        if not self.has(table):
            return 0
        sql = f"SELECT COUNT(*) AS n FROM {self.table(table)}"  # noqa: S608 (names only)
        rows = self.all(sql + (f" WHERE {where}" if where else ""))
        return int(rows[0]["n"])

    def options(self) -> dict[str, str]:
        sql = f"SELECT title, content FROM {self.table('options')}"  # noqa: S608
        return {row["title"]: row["content"] or "" for row in self.rows(sql)}

    def close(self) -> None:
        with contextlib.suppress(pymysql.err.Error):
            self.connection.close()


def aware(value: datetime.datetime | None) -> datetime.datetime | None:
    """Question2Answer stores times without a zone, in the server's clock; read as UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=datetime.UTC)


def at(value: datetime.datetime) -> datetime.datetime:
    """`aware` for a column that is never NULL."""
    return value.replace(tzinfo=datetime.UTC)


def ip_text(value: bytes | None) -> str | None:
    """Question2Answer keeps addresses packed (4 or 16 bytes)."""
    if not value:
        return None
    try:
        return str(ipaddress.ip_address(bytes(value)))
    except ValueError:
        return None
