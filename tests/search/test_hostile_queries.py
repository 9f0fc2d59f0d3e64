"""Queries made to be slow: many pasted snippets of markup, each a phrase of lexemes.

Timing is the benchmark's business (bench/search_bench.py --hostile); these tests pin down
the query plans that keep such a search cheap on each backend: titles and snippets are cut
for the rows of the page only, and PostgreSQL headlines a query too large to headline
quickly word by word, while a query a person types is headlined exactly as before.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mindwell.search.backends import postgres
from mindwell.search.indexing import search_index_rebuild
from mindwell.search.query import parse_query
from mindwell.search.selectors import PAGE_SIZE, search
from mindwell.search.text import MARK_START
from tests.search.helpers import bulk_questions

pytestmark = pytest.mark.django_db

PAYLOADS = [
    '<img src=x onerror="javascript:alert(1)">',
    '<img[a][b][c]src[d]=x[e]onerror=[f]"alert(1)">',
    '<svg/onload=alert("x")>',
    "<body onload=alert(document.cookie)>",
    "<a href=\"javascript:alert('x')\">click</a>",
]
# Sixteen words of markup: a few dozen lexemes, most of them in phrases.
HOSTILE_PAYLOADS = [
    '<img src=x\\x13onerror="javascript:alert(1)">',
    '<img[a][b][c]src[d]=x[e]onerror=[f]"alert(1)">',
    '<img src=x onerror=\\x09"javascript:alert(1)">',
    '<img src=x onerror=\\x10"javascript:alert(1)">',
    '<img src=x onerror=\\x11"javascript:alert(1)">',
    '<img src=x onerror=\\x12"javascript:alert(1)">',
]
HOSTILE = " ".join(HOSTILE_PAYLOADS)


def seed(count: int) -> None:
    # In code spans, as people quote markup (raw HTML would be sanitised away).
    body = "\n\n".join(f"`{payload}`" for payload in (PAYLOADS + HOSTILE_PAYLOADS) * 8)
    body += "\n\nPeople paste markup like this when they ask why their page shows an alert box."
    bulk_questions(
        [
            {"id": n, "title": f"Markup sample {n}: {PAYLOADS[n % len(PAYLOADS)]}", "body": body}
            for n in range(count)
        ]
    )
    search_index_rebuild()


def statement(text: str, marker: str) -> str:
    """The SQL (with its values) of the one statement of a search that holds `marker`."""
    with CaptureQueriesContext(connection) as captured:
        page = search(text=text)
    assert not page.error, page.error
    found = [query["sql"] for query in captured.captured_queries if marker in query["sql"]]
    assert len(found) == 1, found
    return found[0]


def plan_nodes(plan: dict[str, Any]) -> list[dict[str, Any]]:
    nodes = [plan]
    for child in plan.get("Plans", []):
        nodes += plan_nodes(child)
    return nodes


def test_titles_and_snippets_are_cut_for_the_page_only():
    # The selector asks for one row more than a page, to know whether there is a next one.
    seed(PAGE_SIZE + 12)
    page = search(text="onerror alert")
    assert len(page.results) == PAGE_SIZE
    assert all(MARK_START not in str(result.snippet_html) for result in page.results)
    assert all("<mark>" in str(result.snippet_html) for result in page.results)
    if connection.vendor == "postgresql":
        sql = statement("onerror alert", "ts_headline")
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, VERBOSE, FORMAT JSON) {sql}")
            raw = cursor.fetchone()[0]
        plan = (json.loads(raw) if isinstance(raw, str) else raw)[0]["Plan"]
        nodes = plan_nodes(plan)
        # The matches are all ranked…
        ranking = [n for n in nodes if any("ts_rank" in o for o in n.get("Output", []))]
        assert max(n["Actual Rows"] * n["Actual Loops"] for n in ranking) == PAGE_SIZE + 12
        # …and the node that computes the headlines emits the page's rows, once each. Its
        # parents only pass them on (the sort of the page).
        headlines = [
            n
            for n in nodes
            if any(o.startswith("ts_headline") for o in n.get("Output", []))
            and not any(
                any(o.startswith("ts_headline") for o in c.get("Output", []))
                for c in n.get("Plans", [])
            )
        ]
        assert len(headlines) == 1, [n["Node Type"] for n in headlines]
        assert headlines[0]["Actual Rows"] * headlines[0]["Actual Loops"] == PAGE_SIZE + 1
    else:
        sql = statement("onerror alert", "snippet(")
        # snippet() reads only the rows of the page: their ids are the statement's condition.
        listed = re.search(r"\+rowid IN \(([^)]*)\)", sql)
        assert listed is not None, sql
        assert len(listed.group(1).split(",")) == PAGE_SIZE + 1
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
        assert "VIRTUAL TABLE INDEX" in plan, plan


def headline_query(text: str) -> tuple[str, str, int]:
    """The query PostgreSQL's headlines of `text` mark, the query itself, and its size."""
    query = parse_query(text)
    h_sql, h_params = postgres.headline_tsquery(query)
    q_sql, q_params = postgres.tsquery(query)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT ({h_sql})::text, ({q_sql})::text, numnode({q_sql})",
            [*h_params, *q_params, *q_params],
        )
        headline, full, size = cursor.fetchone()
    return headline, full, size


def test_a_hostile_query_is_still_found_and_marked():
    seed(3)
    page = search(text=HOSTILE)
    assert not page.error
    assert len(page.results) == 3
    assert all("<mark>" in str(result.snippet_html) for result in page.results)
    if connection.vendor == "postgresql":
        # Too large to headline quickly: PostgreSQL marks each of its words instead.
        headline, full, size = headline_query(HOSTILE)
        assert size > postgres.HEADLINE_MAX_NODES
        assert "<->" in full and "<->" not in headline and "&" not in headline
        assert set(re.findall(r"'([^']+)'", headline)) == set(re.findall(r"'([^']+)'", full))


@pytest.mark.parametrize(
    "text",
    [
        "onerror",
        '"paste markup" -kittens alert*',
        "onerror alert javascript img src people paste markup like this when they ask why "
        "their page",
        '"why their page shows" "alert box" pag*',
    ],
)
def test_what_people_type_is_marked_as_before(text):
    seed(3)
    page = search(text=text)
    assert page.results
    assert all("<mark>" in str(result.snippet_html) for result in page.results)
    if connection.vendor == "postgresql":
        # Up to MAX_WORDS words, the headlines mark the query itself, phrases and all.
        headline, full, size = headline_query(text)
        assert size <= postgres.HEADLINE_MAX_NODES
        assert headline == full
