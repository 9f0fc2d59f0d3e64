"""SQLite FTS5: the embedded backend.

The index is the virtual table `search_fts` (rowid = post id; title, body, and the post's
kind as one word), created by this app's migration. The Porter stemmer over unicode61 gives
stemming ("worrying" finds "worry") and diacritic folding; bm25 ranks with a title word
worth ten body words; highlight() and snippet() mark the matches.

The kind (as a word) and the facet words of mindwell.search.filters are indexed columns, so
"questions only", a category, a tag or a member are terms of the full-text query, answered
from the index itself instead of a check that reads each matching row. What people type is
looked up in the title and body columns only, never in those two.
"""

# ruff: noqa: S608 - SQL here is built from constants (table names, the parser's closed
# set of operators); every value a person typed is a bound parameter.

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction

from mindwell.search.backends.base import Hit, Progress, SearchBackend, SimilarRow
from mindwell.search.filters import (
    FACETS_SQL,
    POST_JOIN,
    POSTS,
    PUBLIC,
    THREAD_JOIN,
    Filters,
    filter_sql,
)
from mindwell.search.query import ParsedQuery
from mindwell.search.text import MARK_END, MARK_START, clean_plain, post_plain_body

TABLE = "search_fts"
CREATE_SQL = (
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
    "title, body, kind, facets, tokenize = 'porter unicode61 remove_diacritics 2')"
)
KIND_WORDS = {"Q": "question", "A": "answer", "C": "comment"}
# The default ranking for ORDER BY rank: bm25 with one weight per column.
RANK_SQL = f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('rank', 'bm25(10.0, 1.0, 0.0, 0.0)')"
SNIPPET_TOKENS = 24
# Ranking: SQLite's own top-N sort over bm25 proved faster than FTS5's "ORDER BY rank".
BM25 = f"bm25({TABLE}, 10.0, 1.0, 0.0, 0.0)"

# The rows to index: readable posts, their title and the plain text of their body.
_FACETS = FACETS_SQL.format(concat="group_concat('zt' || pt.tag_id, ' ')")
SOURCE_SQL = (
    f"SELECT p.id, mindwell_clean_text(p.title), mindwell_plain_text(p.body_html, p.body), "
    f"CASE p.kind WHEN 'Q' THEN 'question' WHEN 'A' THEN 'answer' ELSE 'comment' END, "
    f"{_FACETS} "
    f"FROM {POSTS} p {THREAD_JOIN} WHERE {PUBLIC}"
)
INSERT_SQL = f"INSERT INTO {TABLE}(rowid, title, body, kind, facets) {SOURCE_SQL}"


def register_functions(sender: Any, connection: Any, **kwargs: Any) -> None:
    """Give each new SQLite connection the functions that compute the indexed text."""
    if connection.vendor != "sqlite":
        return
    raw = connection.connection
    raw.create_function("mindwell_plain_text", 2, post_plain_body, deterministic=True)
    raw.create_function("mindwell_clean_text", 1, clean_plain, deterministic=True)


def quote(text: str) -> str:
    """An FTS5 string: whatever it holds is words to look up, never query syntax."""
    return '"' + text.replace('"', '""') + '"'


def match_expression(query: ParsedQuery, filters: Filters) -> str:
    """The FTS5 query: the person's words in the title and body, the kind asked for, and
    the facet words of the category, tags and member asked for."""
    parts = []
    if query.has_text:
        words = [quote(t.text) + ("*" if t.prefix else "") for t in query.positive_terms]
        words += [quote(p.text) for p in query.phrases if not p.negated]
        expression = " AND ".join(words)
        for term in query.negated_terms:
            expression += f" NOT {quote(term.text)}{'*' if term.prefix else ''}"
        for phrase in query.phrases:
            if phrase.negated:
                expression += f" NOT {quote(phrase.text)}"
        parts.append(f"{{title body}} : ({expression})")
    if filters.kind:
        parts.append(f"kind : {KIND_WORDS[filters.kind]}")
    parts += [f"facets : ({' OR '.join(group)})" for group in filters.facet_groups]
    return " AND ".join(parts)


class SqliteBackend(SearchBackend):
    vendor = "sqlite"

    def search(self, query: ParsedQuery, filters: Filters, *, offset: int, limit: int) -> list[Hit]:
        where, params = filter_sql(filters, kind_column=None)
        joins = POST_JOIN.format(id=f"{TABLE}.rowid") if filters.needs_post else ""
        match = match_expression(query, filters)
        if query.has_text:
            # Whether to rank among the newest posts only is decided on what the index
            # answers; the row conditions then narrow down whichever set that is.
            probe = f"FROM {TABLE} WHERE {TABLE} MATCH %s"
            recent, window = self.recent_only(probe, [match], f"{TABLE}.rowid")
            order = f"{BM25}, {TABLE}.rowid DESC"
        else:  # operators alone: the newest first, read straight from the index
            recent, window, order = "", [], f"{TABLE}.rowid DESC"
        sql = (
            f"SELECT {TABLE}.rowid FROM {TABLE} {joins} WHERE {TABLE} MATCH %s{recent}{where} "
            f"ORDER BY {order} LIMIT %s OFFSET %s"
        )
        with self.connection.cursor() as cursor:
            cursor.execute(sql, [match, *window, *params, limit, offset])
            ids = [int(row[0]) for row in cursor.fetchall()]
        if not query.has_text:
            return [Hit(pk, "", "") for pk in ids]
        return self._marked(ids, match)

    def _marked(self, ids: list[int], match: str) -> list[Hit]:
        """Titles and snippets with the matches marked, for one page of results. FTS5 walks
        the matches between the page's lowest and highest id once; the unary + keeps SQLite
        from handing it the id list, which would restart the query for every id (costly
        for a prefix, whose matching words are gathered again each time)."""
        if not ids:
            return []
        marks = [MARK_START, MARK_END]
        sql = (
            f"SELECT rowid, highlight({TABLE}, 0, %s, %s), "
            f"snippet({TABLE}, 1, %s, %s, '…', {SNIPPET_TOKENS}) FROM {TABLE} "
            f"WHERE {TABLE} MATCH %s AND rowid >= %s AND rowid <= %s "
            f"AND +rowid IN ({', '.join(['%s'] * len(ids))})"
        )
        with self.connection.cursor() as cursor:
            cursor.execute(sql, [*marks, *marks, match, min(ids), max(ids), *ids])
            marked = {int(pk): (title, snippet) for pk, title, snippet in cursor.fetchall()}
        return [Hit(pk, *marked.get(pk, ("", ""))) for pk in ids]

    def similar(
        self, words: Sequence[str], *, exclude_id: int | None, limit: int
    ) -> list[SimilarRow]:
        if not words:
            return []
        match = f"kind : question AND {{title body}} : ({' OR '.join(quote(w) for w in words)})"
        base_sql = f"FROM {TABLE} WHERE {TABLE} MATCH %s AND {TABLE}.rowid <> %s"
        params: list[Any] = [match, exclude_id or 0]
        recent, window = self.recent_only(base_sql, params, f"{TABLE}.rowid")
        # Ranked from the index alone; the few best are then checked against the posts
        # table, with room for some to be left out (a question where someone may be in
        # crisis is never suggested).
        sql = (
            f"SELECT p.id, p.title, p.answer_count, p.best_answer_id IS NOT NULL FROM ("
            f"SELECT {TABLE}.rowid AS id, {BM25} AS score {base_sql}{recent} "
            f"ORDER BY score, {TABLE}.rowid DESC LIMIT %s) top "
            f"{POST_JOIN.format(id='top.id')} WHERE p.risk_level <> 'crisis' "
            f"ORDER BY top.score, top.id DESC LIMIT %s"
        )
        with self.connection.cursor() as cursor:
            cursor.execute(sql, [*params, *window, limit * 3, limit])
            return [SimilarRow(int(a), b, int(c), bool(d)) for a, b, c, d in cursor.fetchall()]

    def sync(self, post_id: int) -> None:
        # The post's own row goes even when the post itself is gone from the table.
        thread = f"SELECT id FROM {POSTS} WHERE question_id = %s"
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {TABLE} WHERE rowid = %s OR rowid IN ({thread})", [post_id, post_id]
            )
            cursor.execute(
                f"{INSERT_SQL} AND (p.id = %s OR p.question_id = %s)", [post_id, post_id]
            )

    def rebuild(self, *, batch_size: int, progress: Progress) -> int:
        ranges, total = self.batches(batch_size)
        done = 0
        # One transaction: readers keep the old index until the new one is complete.
        with transaction.atomic(using=self.using), self.connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
            cursor.execute(CREATE_SQL)
            cursor.execute(RANK_SQL)
            for after, up_to in ranges:
                cursor.execute(f"{INSERT_SQL} AND p.id > %s AND p.id <= %s", [after, up_to])
                cursor.execute(
                    f"SELECT COUNT(*) FROM {POSTS} WHERE id > %s AND id <= %s", [after, up_to]
                )
                done += int(cursor.fetchone()[0])
                progress(done, total)
            # Merge the index's segments into one b-tree: faster queries from then on.
            cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")
        return self.indexed_count()

    def indexed_count(self) -> int:
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {TABLE}")
            return int(cursor.fetchone()[0])
