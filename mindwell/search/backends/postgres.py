"""PostgreSQL: a weighted tsvector per readable post in `search_document`, with a GIN index.

The vector is the English configuration's lexemes of the title (weight A) and of the body's
plain text (weight B), computed by the database from the posts table in one INSERT … SELECT.
The rows hold nothing else, so scanning matches reads as little as possible; headlines are
cut from the posts table for the page of results only.
Queries are `websearch_to_tsquery` for words, phrases and exclusions, with `to_tsquery`
prefix terms (`word:*`) added for `word*`; `ts_rank` orders them (A counts 1.0, B 0.4,
divided by the log of the length so long posts do not win by size) and `ts_headline` marks
the matches.
"""

# ruff: noqa: S608 - SQL here is built from constants (table names, the parser's closed
# set of operators); every value a person typed is a bound parameter.

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction

from mindwell.search.backends import base as limits
from mindwell.search.backends.base import (
    Hit,
    Progress,
    SearchBackend,
    SimilarRow,
)
from mindwell.search.filters import (
    FACETS_SQL,
    POSTS,
    PUBLIC,
    THREAD_JOIN,
    Filters,
    filter_sql,
)
from mindwell.search.models import SearchDocument
from mindwell.search.query import MAX_WORDS, ParsedQuery
from mindwell.search.text import BLOCK_TAGS, MARK_END, MARK_START

TABLE = SearchDocument._meta.db_table
GIN_INDEX = "search_document_vector_gin"
CREATE_INDEX_SQL = f"CREATE INDEX {GIN_INDEX} ON {TABLE} USING gin (vector)"
CONFIG = "english"

# Sanitised HTML to its text (as mindwell.search.text.html_to_plain): block tags become
# spaces, inline ones go, and the only entities the sanitiser writes
# in text are decoded (&amp; last, so "&amp;lt;" stays "&lt;"). Posts stored without HTML
# (bulk-loaded data) index their source.
_STRIPPED = (
    f"regexp_replace(regexp_replace(p.body_html, '<(/?)({BLOCK_TAGS})\\M[^>]*>', ' ', 'gi'), "
    "'<[^>]*>', '', 'g')"
)
_DECODED = _STRIPPED
for _entity, _char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&nbsp;", " ")):
    _DECODED = f"replace({_DECODED}, '{_entity}', '{_char}')"
_DECODED = f"replace({_DECODED}, '&amp;', '&')"
PLAIN_BODY = f"CASE WHEN p.body_html <> '' THEN {_DECODED} ELSE p.body END"
# The snippet markers may not occur in text a headline is cut from (mindwell.search.text).
NO_MARKS = "translate({}, %s, '')"

# The facet words (mindwell.search.filters) go in with the lowest weight, through the
# "simple" configuration so they are kept exactly as written; queries never rank by them.
# The kind is one too (zkq, zka, zkc), so "questions only" is answered by the GIN index.
_FACETS = FACETS_SQL.format(concat="string_agg('zt' || pt.tag_id, ' ')")
_FACETS = f"{_FACETS} || ' zk' || lower(p.kind)"
INSERT_SQL = (
    f"INSERT INTO {TABLE} (post_id, kind, vector) "
    f"SELECT p.id, p.kind, setweight(to_tsvector('{CONFIG}', p.title), 'A') || "
    f"setweight(to_tsvector('{CONFIG}', {PLAIN_BODY}), 'B') || "
    f"setweight(to_tsvector('simple', {_FACETS}), 'D') "
    f"FROM {POSTS} p {THREAD_JOIN} WHERE {PUBLIC}"
)
MARKS = MARK_START + MARK_END
HEADLINE_TITLE = f"HighlightAll=true, StartSel={MARK_START}, StopSel={MARK_END}"
HEADLINE_BODY = (
    f"MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, "
    f'FragmentDelimiter=" … ", StartSel={MARK_START}, StopSel={MARK_END}'
)


# ts_headline's time grows steeply with the phrase operators of its query: a query of many
# pasted snippets of markup ("src=x onerror=alert(1)" is a five-lexeme phrase) took 2-5 s
# to headline one post of 1,200 characters, while matching and ranking it took 1 ms. No
# query a person types holds more nodes than MAX_WORDS lexemes joined by operators; beyond
# that, the headlines mark each of the query's words on its own (an OR of its lexemes),
# which takes milliseconds whatever the query.
HEADLINE_MAX_NODES = 2 * MAX_WORDS - 1
# The lexemes of some words as an OR tsquery, each quoted as tsquery input wants it.
_WORDS_ANY = (
    "(SELECT COALESCE(string_agg("
    r"'''' || replace(replace(l, '\', '\\'), '''', '''''') || '''', ' | '), '') "
    f"FROM unnest(tsvector_to_array(to_tsvector('{CONFIG}', %s))) l)::tsquery"
)


def kind_word(kind: str) -> str:
    return f"zk{kind.lower()}"


def _lexeme(word: str) -> str:
    return "'" + word.replace("'", "''").replace("\\", "\\\\") + "'"


def tsquery(query: ParsedQuery) -> tuple[str, list[Any]]:
    """SQL for the query's tsquery, and its params."""
    words: list[str] = [t.text for t in query.positive_terms if not t.prefix]
    words += [f'"{p.text}"' for p in query.phrases if not p.negated]
    words += [f"-{t.text}" for t in query.negated_terms if not t.prefix]
    words += [f'-"{p.text}"' for p in query.phrases if p.negated]
    # websearch_to_tsquery reads a bare "or" as its OR operator.
    words = [w for w in words if w.strip('-"').lower() != "or"]
    parts: list[str] = []
    params: list[Any] = []
    if words:
        parts.append(f"websearch_to_tsquery('{CONFIG}', %s)")
        params.append(" ".join(words))
    for term in query.terms:
        if term.prefix:
            pieces = term.text.split()
            text = " <-> ".join(_lexeme(piece) for piece in pieces) + ":*"
            parts.append(f"{'!!' if term.negated else ''}to_tsquery('{CONFIG}', %s)")
            params.append(text)
    return " && ".join(parts) or "''::tsquery", params


def headline_tsquery(query: ParsedQuery) -> tuple[str, list[Any]]:
    """SQL for the tsquery the headlines mark, and its params: the query itself, or the
    OR of its words' lexemes when it is too large to headline quickly."""
    q_sql, q_params = tsquery(query)
    words = [t.text for t in query.terms if not t.negated]
    words += [p.text for p in query.phrases if not p.negated]
    sql = f"CASE WHEN numnode({q_sql}) <= %s THEN {q_sql} ELSE {_WORDS_ANY} END"
    return sql, [*q_params, HEADLINE_MAX_NODES, *q_params, " ".join(words)]


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def _ranked_sql(
        self,
        rank_sql: str,
        rank_params: list[Any],
        probe: tuple[str, list[Any]],
        base: tuple[str, list[Any]],
    ) -> tuple[str, list[Any]]:
        """`ranked` (post_id, rank): the matches of `base` (FROM … WHERE, params) within the
        first window of newest posts where `probe` finds enough of them, or over the whole
        index (see backends.base). Each way is a branch planned with the real id bounds, and
        one-time checks run just one of them: a bound computed inside the statement would
        hide the id range from the planner, which then reads the window row by row instead
        of using the GIN index."""
        (probe_sql, probe_params), (base_sql, params) = probe, base
        floors = self.recent_floors()
        enough = ", ".join(
            f"(SELECT COUNT(*) >= %s FROM (SELECT 1 {probe_sql} AND d.post_id > %s LIMIT %s) "
            f"recent) AS w{n}"
            for n in range(len(floors))
        )
        sql_params: list[Any] = []
        for floor in floors:
            sql_params += [limits.MAX_RESULTS, *probe_params, floor, limits.MAX_RESULTS]
        # Branch n ranks within window n when the windows before it fall short and it does
        # not; the last ranks the whole index when every window falls short.
        branches = []
        for n in range(len(floors) + 1):
            checks = [f"NOT (SELECT w{m} FROM enough)" for m in range(n)]
            bound = ""
            if n < len(floors):
                checks.append(f"(SELECT w{n} FROM enough)")
                bound = " AND d.post_id > %s"
            condition = "".join(f" AND {check}" for check in checks)
            branches.append(f"SELECT d.post_id, {rank_sql} AS rank {base_sql}{bound}{condition}")
            sql_params += [*rank_params, *params, *floors[n : n + 1]]
        sql = f"WITH enough AS (SELECT {enough}), ranked AS ({' UNION ALL '.join(branches)})"
        return sql, sql_params

    def search(self, query: ParsedQuery, filters: Filters, *, offset: int, limit: int) -> list[Hit]:
        where, params = filter_sql(filters, kind_column=None)
        # Score, answers and best answer are read from each match's post: as a subquery,
        # which the planner keeps as one index look-up per match; as a join it may hash the
        # whole posts table instead (every question with a best answer, say).
        row_check = ""
        if filters.needs_post:
            row_check = f" AND (SELECT TRUE FROM {POSTS} p WHERE p.id = d.post_id{where}) IS TRUE"
        match_sql, match_params = self._match(query, filters)
        base_sql = f"FROM {TABLE} d WHERE d.vector @@ ({match_sql}){row_check}"
        base_params = [*match_params, *params]
        if not query.has_text:  # operators alone: the newest first
            with self.connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT d.post_id {base_sql} ORDER BY d.post_id DESC LIMIT %s OFFSET %s",
                    [*base_params, limit, offset],
                )
                return [Hit(int(row[0]), "", "") for row in cursor.fetchall()]
        # Whether to rank among the newest posts only is decided on what the index answers;
        # the row conditions then narrow down whichever set that is.
        probe = (f"FROM {TABLE} d WHERE d.vector @@ ({match_sql})", match_params)
        q_sql, q_params = tsquery(query)
        ranked, ranked_params = self._ranked_sql(
            f"ts_rank(d.vector, {q_sql}, 1)", q_params, probe, (base_sql, base_params)
        )
        # Rank and cut first; ts_headline then reads one page of posts only, from their
        # text in the posts table (the index rows hold only the vector, to stay narrow).
        # The query the headlines mark is worked out once, in a one-row subquery.
        h_sql, h_params = headline_tsquery(query)
        sql = (
            f"{ranked} SELECT top.post_id, "
            f"ts_headline('{CONFIG}', {NO_MARKS.format('p.title')}, hq.q, %s), "
            f"ts_headline('{CONFIG}', {NO_MARKS.format(PLAIN_BODY)}, hq.q, %s) FROM ("
            f"SELECT post_id, rank FROM ranked ORDER BY rank DESC, post_id DESC "
            f"LIMIT %s OFFSET %s) top JOIN {POSTS} p ON p.id = top.post_id "
            f"CROSS JOIN (SELECT {h_sql} AS q) hq "
            f"ORDER BY top.rank DESC, top.post_id DESC"
        )
        all_params = [
            *ranked_params,
            *[MARKS, HEADLINE_TITLE],
            *[MARKS, HEADLINE_BODY],
            limit,
            offset,
            *h_params,
        ]
        with self.connection.cursor() as cursor:
            cursor.execute(sql, all_params)
            return [Hit(int(pk), title, snippet) for pk, title, snippet in cursor.fetchall()]

    @staticmethod
    def _match(query: ParsedQuery, filters: Filters) -> tuple[str, list[Any]]:
        """The tsquery a match must satisfy: the words, and the facet words."""
        parts: list[str] = []
        params: list[Any] = []
        if query.has_text:
            q_sql, q_params = tsquery(query)
            parts.append(f"({q_sql})")
            params += q_params
        groups = filters.facet_groups
        if filters.kind:
            groups.append([kind_word(filters.kind)])
        if groups:
            parts.append("to_tsquery('simple', %s)")
            params.append(" & ".join(f"({' | '.join(group)})" for group in groups))
        return " && ".join(parts), params

    def similar(
        self, words: Sequence[str], *, exclude_id: int | None, limit: int
    ) -> list[SimilarRow]:
        if not words:
            return []
        text = " | ".join(_lexeme(word) for word in words)
        q_sql = f"to_tsquery('{CONFIG}', %s)"
        base = (
            f"FROM {TABLE} d WHERE d.vector @@ ({q_sql} && to_tsquery('simple', %s)) "
            f"AND d.post_id <> %s",
            [text, kind_word("Q"), exclude_id or 0],
        )
        ranked, ranked_params = self._ranked_sql(
            f"ts_rank(d.vector, {q_sql}, 1)", [text], base, base
        )
        # Ranked from the index alone; the few best are then checked against the posts
        # table, with room for some to be left out (a question where someone may be in
        # crisis is never suggested).
        sql = (
            f"{ranked} SELECT p.id, p.title, p.answer_count, p.best_answer_id IS NOT NULL "
            f"FROM (SELECT post_id, rank FROM ranked ORDER BY rank DESC, post_id DESC "
            f"LIMIT %s) top JOIN {POSTS} p ON p.id = top.post_id "
            f"WHERE p.risk_level <> 'crisis' ORDER BY top.rank DESC, top.post_id DESC LIMIT %s"
        )
        with self.connection.cursor() as cursor:
            cursor.execute(sql, [*ranked_params, limit * 3, limit])
            return [SimilarRow(int(a), b, int(c), bool(d)) for a, b, c, d in cursor.fetchall()]

    def sync(self, post_id: int) -> None:
        # The post's own row goes even when the post itself is gone from the table.
        # The ids are gathered first: "post_id = x OR post_id IN (subquery)" made PostgreSQL
        # scan the whole index table on every post written (94 ms at 120,000 posts); an
        # array of ids is a primary-key look-up.
        thread = f"SELECT %s UNION ALL SELECT id FROM {POSTS} WHERE question_id = %s"
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {TABLE} WHERE post_id = ANY(ARRAY({thread}))", [post_id, post_id]
            )
            cursor.execute(
                f"{INSERT_SQL} AND (p.id = %s OR p.question_id = %s)", [post_id, post_id]
            )

    def rebuild(self, *, batch_size: int, progress: Progress) -> int:
        ranges, total = self.batches(batch_size)
        done = 0
        # One transaction: readers keep the old index until the new one is complete. The
        # GIN index is built once at the end, much faster than growing it row by row.
        with transaction.atomic(using=self.using), self.connection.cursor() as cursor:
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            # Foreign-key checks are deferred to the commit, and PostgreSQL will neither
            # truncate nor index a table with checks pending: check each row as it is written.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")
            cursor.execute(f"TRUNCATE {TABLE}")
            for after, up_to in ranges:
                cursor.execute(f"{INSERT_SQL} AND p.id > %s AND p.id <= %s", [after, up_to])
                cursor.execute(
                    f"SELECT COUNT(*) FROM {POSTS} WHERE id > %s AND id <= %s", [after, up_to]
                )
                done += int(cursor.fetchone()[0])
                progress(done, total)
            cursor.execute(CREATE_INDEX_SQL)
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute(f"ANALYZE {TABLE}")
        return self.indexed_count()

    def indexed_count(self) -> int:
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {TABLE}")
            return int(cursor.fetchone()[0])
