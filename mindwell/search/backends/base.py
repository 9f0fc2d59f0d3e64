"""What every search backend provides, and the parts they share."""

# ruff: noqa: S608 - SQL here is built from constants (table names, the parser's closed
# set of operators); every value a person typed is a bound parameter.

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import connections

from mindwell.search.filters import POSTS, PUBLIC, THREAD_JOIN, Filters, filter_sql
from mindwell.search.query import ParsedQuery

# done, total: posts looked at so far, and in all.
Progress = Callable[[int, int], None]

# The most results a search shows (its pages stop there).
MAX_RESULTS = 500
# Ranking costs time for every matching post, so a word found in a fifth of a million posts
# would cost a fifth of a million scores. So a query is ranked among the newest 25,000
# posts when those alone hold MAX_RESULTS matches (as many as the pages can show); failing
# that among the newest 250,000; failing that over the whole index, which is then cheap
# because the query matches under 0.2% of posts. People see the best of the recent
# matches, the work per query stays bounded however large the site grows, and every page
# of one query makes the same choice. (The middle step matters most on PostgreSQL, where
# each match costs a visit to its table page: the newest posts sit together at the end of
# the table, matches across the whole index are scattered over all of it.)
RECENT_WINDOWS = (25_000, 250_000)
NEWEST_ID_CACHE_SECONDS = 60


@dataclass(frozen=True)
class Hit:
    """One result: the post, and its title and snippet with the match markers of
    mindwell.search.text still in them (raw text: escape before showing)."""

    post_id: int
    title: str
    snippet: str


@dataclass(frozen=True)
class SimilarRow:
    post_id: int
    title: str
    answer_count: int
    has_best: bool


class SearchBackend(ABC):
    """A full-text index of the posts the public can read. Every method runs inside the
    caller's transaction, if any."""

    vendor: str

    def __init__(self, using: str = "default") -> None:
        self.using = using

    @property
    def connection(self):  # type: ignore[no-untyped-def]
        return connections[self.using]

    @abstractmethod
    def search(self, query: ParsedQuery, filters: Filters, *, offset: int, limit: int) -> list[Hit]:
        """Posts matching `query` (which has text) and `filters`, best first."""

    @abstractmethod
    def similar(
        self, words: Sequence[str], *, exclude_id: int | None, limit: int
    ) -> list[SimilarRow]:
        """Questions sharing the most (and rarest) of `words`, title matches first."""

    @abstractmethod
    def sync(self, post_id: int) -> None:
        """Make the index agree with a post, and with its whole thread for a question."""

    @abstractmethod
    def rebuild(self, *, batch_size: int, progress: Progress) -> int:
        """Index every readable post again from scratch; return how many are indexed."""

    @abstractmethod
    def indexed_count(self) -> int: ...

    def recent_only(
        self, base_sql: str, params: list[Any], id_column: str
    ) -> tuple[str, list[Any]]:
        """A condition (with its params) keeping `id_column` within the first window of
        newest posts that holds enough matches, or keeping everything; `base_sql` is the
        query's FROM … WHERE with its params. The probes are subqueries of the one
        statement, each run at most once (CASE stops at the first that holds)."""
        newest = f"(SELECT COALESCE(MAX(id), 0) FROM {POSTS})"
        cases: list[str] = []
        values: list[Any] = []
        for size in RECENT_WINDOWS:
            cases.append(
                f"WHEN (SELECT COUNT(*) FROM (SELECT 1 {base_sql} AND {id_column} > "
                f"{newest} - %s LIMIT %s) recent) >= %s THEN {newest} - %s"
            )
            values += [*params, size, MAX_RESULTS, MAX_RESULTS, size]
        return f" AND {id_column} > (CASE {' '.join(cases)} ELSE 0 END)", values

    def recent_floors(self) -> list[int]:
        """The post ids above which each window's newest posts lie, from a cache: a minute
        out of date only widens the windows by the posts written meanwhile."""
        key = f"search:newest-post-id:{self.using}"
        newest = cache.get(key)
        if newest is None:
            with self.connection.cursor() as cursor:
                cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {POSTS}")
                newest = int(cursor.fetchone()[0])
            cache.set(key, newest, NEWEST_ID_CACHE_SECONDS)
        return [int(newest) - size for size in RECENT_WINDOWS]

    def id_range(self) -> tuple[int, int, int]:
        """Lowest and highest post id and the number of posts, for batching a rebuild."""
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT MIN(id), MAX(id), COUNT(*) FROM {POSTS}")
            low, high, count = cursor.fetchone()
        return int(low or 0), int(high or 0), int(count or 0)

    def batches(self, batch_size: int) -> tuple[list[tuple[int, int]], int]:
        """Half-open id ranges (after, up_to] covering every post, and the post count."""
        low, high, count = self.id_range()
        ranges = [(start, start + batch_size) for start in range(low - 1, high, batch_size)]
        return ranges, count

    def readable_count(self) -> int:
        """How many posts a rebuild would index."""
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {POSTS} p {THREAD_JOIN} WHERE {PUBLIC}")
            return int(cursor.fetchone()[0])

    def filtered(self, filters: Filters, *, offset: int, limit: int) -> list[int]:
        """Operators the index does not hold, alone: the newest readable posts that match."""
        where, params = filter_sql(filters, kind_column="p.kind")
        sql = (
            f"SELECT p.id FROM {POSTS} p {THREAD_JOIN} "
            f"WHERE {PUBLIC}{where} ORDER BY p.id DESC LIMIT %s OFFSET %s"
        )
        with self.connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit, offset])
            return [int(row[0]) for row in cursor.fetchall()]
