"""List-page latency at any depth: page 1 and page 1,000 of every question list sort, the
unanswered kinds, tag and category lists, and the activity stream.

    .venv/bin/python bench/lists_bench.py --posts 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mindwell_bench \\
        .venv/bin/python bench/lists_bench.py --posts 1000000

It builds the database with `mindwell generate_data` when it holds fewer posts than asked
(SQLite: bench/.data/lists-<posts>/; PostgreSQL: the DATABASE_URL database), then times
whole requests in-process with Django's test client (URL routing, middleware, the query,
template rendering), as an anonymous visitor. Deep pages are reached the way a visitor
reaches them, through the signed `?after=` cursor of the row before them. It prints p50
and p95 in milliseconds, the query plan of each deep page, and writes
bench/results/lists.json (one entry per database and size). The target is under 30 ms at
any depth.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
TARGET_MS = 30.0
POSTS_PER_QUESTION = 6  # 1 question, 3 answers, 2 comments at the generator's defaults


def setup(posts: int) -> None:
    if not os.environ.get("DATABASE_URL"):
        os.environ.setdefault("MINDWELL_DATA_DIR", str(BENCH / ".data" / f"lists-{posts}"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "mindwell.config.settings.local"
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def build(posts: int) -> None:
    from django.core.management import call_command

    from mindwell.qa.models import Post

    call_command("ensure_database", verbosity=0)
    call_command("migrate", verbosity=0)
    have = Post.objects.count()
    if have >= posts * 0.9:
        print(f"Using the existing {have:,} posts.")
        return
    questions = max(1, (posts - have) // POSTS_PER_QUESTION)
    began = time.monotonic()
    call_command("generate_data", questions=questions, skip_search_index=True, seed=5)
    print(f"Generated in {time.monotonic() - began:.0f} s.")


Case = tuple[str, str, dict[str, str], dict[str, object]]


def cases() -> list[Case]:
    """(name, path, query, selector filters) of every list measured."""
    from mindwell.taxonomy.models import Category, Tag

    tags = list(Tag.objects.filter(question_count__gt=0).order_by("-question_count"))
    top_category = Category.objects.filter(parent=None).order_by("-question_count").first()
    leaf = Category.objects.exclude(parent=None).order_by("question_count").first()
    found: list[Case] = [
        (sort, "/", {"sort": sort}, {"sort": sort})
        for sort in ("recent", "active", "hot", "votes", "answers", "views")
    ]
    for kind in ("no-answer", "no-best", "no-upvoted"):
        query = {"sort": "unanswered", "kind": kind}
        found.append((f"unanswered:{kind}", "/", query, {"sort": "unanswered", "unanswered": kind}))
    if tags:
        top, rare = tags[0], tags[-1]
        found += [
            (f"tag {top.name} ({top.question_count})", top.get_absolute_url(), {}, {"tag": top}),
            (
                f"tag {rare.name} ({rare.question_count})",
                rare.get_absolute_url(),
                {},
                {"tag": rare},
            ),
            (
                "tag, most votes",
                top.get_absolute_url(),
                {"sort": "votes"},
                {"tag": top, "sort": "votes"},
            ),
        ]
    for node in (top_category, leaf):
        if node is not None:
            name = f"category {node.slug} ({node.question_count})"
            found.append((name, node.get_absolute_url(), {}, {"category": node}))
    found.append(("activity stream", "/activity/", {}, {"stream": True}))
    return found


def deep_cursor(filters: dict[str, object], page: int) -> tuple[str, int]:
    """The ?after= cursor that opens `page` (or the last page there is): the one the Next
    link of the page before carries. For a question list it is read with one OFFSET query
    here (the site never reads that deep by offset); the stream is paged through."""
    from django.contrib.auth.models import AnonymousUser

    from mindwell.qa.pagination import PER_PAGE, PageRequest, encode_cursor
    from mindwell.qa.selectors import SORTS, activity_page, question_list

    if filters.get("stream"):
        request, number, cursor = PageRequest(), 1, ""
        while number < page:
            result = activity_page(viewer=AnonymousUser(), page=request)
            if not result.next_cursor:
                break
            cursor, number = result.next_cursor, number + 1
            request = PageRequest(after=cursor)
        return cursor, number
    questions = question_list(viewer=AnonymousUser(), **filters)  # type: ignore[arg-type]
    order = SORTS[str(filters.get("sort", "recent"))]
    total = questions.count()
    page = max(1, min(page, (total - 1) // PER_PAGE + 1))
    if page == 1:
        return "", 1
    row = questions[(page - 1) * PER_PAGE - 1]
    return encode_cursor(order, order.key_of(row), page - 1), page


def _run(client, path: str, query: dict[str, str]) -> tuple[float, list[dict]]:  # type: ignore[no-untyped-def]
    """One request: its time in ms and its queries (Django clears the query log when a
    request starts, so it is read right after)."""
    from django.db import connection

    connection.force_debug_cursor = True
    try:
        began = time.perf_counter()
        response = client.get(path, query)
        elapsed = (time.perf_counter() - began) * 1000
        assert response.status_code == 200, (path, query, response.status_code)
        return elapsed, list(connection.queries)
    finally:
        connection.force_debug_cursor = False


@dataclass
class Timing:
    samples: list[float] = field(default_factory=list)
    queries: list[dict] = field(default_factory=list)

    @property
    def p50(self) -> float:
        return statistics.median(self.samples)

    @property
    def fastest(self) -> float:
        """The least disturbed run: on a shared machine, the closest to the page's own cost."""
        return min(self.samples)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(len(ordered) * 0.95) - 1)]


def timed(path: str, queries: list[dict[str, str]], runs: int) -> list[Timing]:
    """Time each query string of `path` `runs` times, taking turns, so a busy moment on
    the machine falls on all of them alike."""
    from django.test import Client

    client = Client()
    timings = [Timing() for _ in queries]
    for query in queries:
        for _ in range(2):  # warm up
            client.get(path, query)
    for _ in range(runs):
        for query, timing in zip(queries, timings, strict=True):
            elapsed, timing.queries = _run(client, path, query)
            timing.samples.append(elapsed)
    return timings


def plan(queries: list[dict]) -> str:
    """The database's plan for the list query behind a page: the first query reading
    posts with a LIMIT."""
    from django.db import connection

    for captured in queries:
        sql = captured["sql"]
        if sql.startswith("SELECT") and '"qa_post"' in sql and "LIMIT" in sql:
            explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
            with connection.cursor() as cursor:
                cursor.execute(explain + sql)
                return "\n".join(" ".join(str(c) for c in row) for row in cursor.fetchall())
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--depth", type=int, default=1000)
    args = parser.parse_args()
    setup(args.posts)
    build(args.posts)

    from django.db import connection
    from django.test import Client

    from mindwell.qa.models import Post

    total = Post.objects.count()
    vendor = connection.vendor
    load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    print(f"\n{vendor}, {total:,} posts; {args.runs} requests each; milliseconds")
    print(f"machine load average {load} ({os.cpu_count()} cores)\n")
    columns = ("p1 min", "p1 p50", "p1 p95", "deep", "min", "p50", "p95", "queries")
    header = f"{'list':38} " + " ".join(f"{c:>7}" for c in columns)
    print(header)
    print("-" * len(header))
    rows = []
    for name, path, query, filters in cases():
        cursor, depth = deep_cursor(filters, args.depth)
        deep_query = {**query, "after": cursor} if cursor else query
        html = Client().get(path, deep_query).content.decode()
        assert f">Page {depth}<" in html or depth == 1, (name, depth)  # the cursor landed
        first, deep = timed(path, [query, deep_query], args.runs)
        rows.append(
            {
                "list": name,
                "url": path,
                "query": query,
                "page1_min_ms": round(first.fastest, 2),
                "page1_p50_ms": round(first.p50, 2),
                "page1_p95_ms": round(first.p95, 2),
                "deep_page": depth,
                "deep_min_ms": round(deep.fastest, 2),
                "deep_p50_ms": round(deep.p50, 2),
                "deep_p95_ms": round(deep.p95, 2),
                "queries": len(deep.queries),
                "plan": plan(deep.queries),
            }
        )
        print(
            f"{name[:38]:38} {first.fastest:7.1f} {first.p50:7.1f} {first.p95:7.1f} {depth:7d} "
            f"{deep.fastest:7.1f} {deep.p50:7.1f} {deep.p95:7.1f} {len(deep.queries):7d}"
        )
    worst = max(max(r["page1_p95_ms"], r["deep_p95_ms"]) for r in rows)
    verdict = "meets" if worst < TARGET_MS else "misses"
    print(f"\nWorst p95 {worst:.1f} ms: {verdict} the {TARGET_MS:.0f} ms target.")

    results_path = BENCH / "results" / "lists.json"
    results_path.parent.mkdir(parents=True, exist_ok=True)
    stored = json.loads(results_path.read_text()) if results_path.exists() else {}
    stored[f"{vendor}-{total}"] = {
        "database": vendor,
        "posts": total,
        "runs": args.runs,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "python": platform.python_version(),
        "measured_at": time.strftime("%Y-%m-%d %H:%M:%S"),
        # Other work on the machine inflates every number; the load says how much.
        "load_average": os.getloadavg(),
        "worst_p95_ms": round(worst, 2),
        "target_ms": TARGET_MS,
        "lists": rows,
    }
    results_path.write_text(json.dumps(stored, indent=2) + "\n")
    print(f"Wrote {results_path.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
