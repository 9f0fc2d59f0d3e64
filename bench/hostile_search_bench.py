"""Search time for hostile queries: pasted XSS payloads, many phrases to a query.

    .venv/bin/python bench/hostile_search_bench.py                     # both backends
    .venv/bin/python bench/hostile_search_bench.py --backend postgres --runs 5

It loads every payload of the shared XSS corpora and the Big List of Naughty Strings
(`../shared/corpora`, as tests/browser/test_xss.py does) into a small forum of its own (25
payloads to a question), packs the payloads into the longest queries the search accepts,
and times each query through the search selector, in-process. On PostgreSQL each query is
timed twice: "before" headlines every query with the query itself (as Mindwell did until
the headline query was capped), "after" is the code as it is. It prints the slowest
queries and the p50, p95 and max of each column.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
CORPORA = Path(os.environ.get("MINDWELL_CORPORA", REPO.parent / "shared" / "corpora"))
DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/mindwell_bench_hostile"
PER_QUESTION = 25
NOT_PAYLOADS = {"LICENSE", "SOURCE_COMMIT.txt", "README.md"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of every query")
    parser.add_argument("--pg-url", default=DEFAULT_PG_URL, help="PostgreSQL DATABASE_URL")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        _measure(args.runs)
        return
    for backend in ["sqlite", "postgres"] if args.backend == "both" else [args.backend]:
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="mindwell.config.settings.local")
        env.pop("DATABASE_URL", None)
        env["MINDWELL_DATA_DIR"] = str(BENCH / ".data" / "hostile-search-sqlite")
        if backend == "postgres":
            env["DATABASE_URL"] = args.pg_url
        Path(env["MINDWELL_DATA_DIR"]).mkdir(parents=True, exist_ok=True)
        print(f"\n== {backend} ==", flush=True)
        for command in (["ensure_database"], ["migrate", "--noinput", "--verbosity", "0"]):
            subprocess.run(  # noqa: S603 - fixed commands of this script's own
                [sys.executable, "-m", "mindwell", *command], env=env, cwd=REPO, check=True
            )
        subprocess.run(  # noqa: S603 - a fixed command of this script's own
            [sys.executable, __file__, "--measure", "--runs", str(args.runs)],
            env=env,
            cwd=REPO,
            check=True,
        )


def load_payloads() -> list[str]:
    payloads: list[str] = []
    for path in sorted((CORPORA / "xss").iterdir()):
        if path.name not in NOT_PAYLOADS:
            payloads += path.read_text(encoding="utf-8", errors="replace").splitlines()
    payloads += json.loads((CORPORA / "blns" / "blns.json").read_text(encoding="utf-8"))
    return list(dict.fromkeys(text for text in payloads if text.strip()))


def pack_queries(payloads: list[str], max_length: int, max_words: int) -> list[str]:
    """The payloads, as many to a query as the search accepts."""
    queries: list[str] = []
    current: list[str] = []
    for text in payloads:
        if len(text) > max_length or len(text.split()) > max_words:
            continue
        joined = " ".join([*current, text])
        if len(joined) > max_length or len(joined.split()) > max_words:
            queries.append(" ".join(current))
            current = []
        current.append(text)
    return [*queries, " ".join(current)] if current else queries


def _seed(payloads: list[str]) -> None:
    """Questions written straight to the table, as an import would, then indexed. The
    bench's own database is emptied of posts first, so runs compare."""
    from django.utils import timezone

    from mindwell.core.markdown import render_markdown
    from mindwell.qa.models import Post, PostKind, PostStatus
    from mindwell.search.indexing import search_index_rebuild
    from mindwell.taxonomy.models import Category

    Post.objects.all().delete()
    category = Category.objects.order_by("pk").first()
    assert category is not None, "migrate creates the default categories"
    now = timezone.now()
    posts = []
    for start in range(0, len(payloads), PER_QUESTION):
        batch = payloads[start : start + PER_QUESTION]
        body = "\n\n".join(f"`{text}`" if "`" not in text else text for text in batch)
        posts.append(
            Post(
                kind=PostKind.QUESTION,
                status=PostStatus.PUBLISHED,
                title=" | ".join(batch)[:150],
                body=body,
                body_html=render_markdown(body),
                category=category,
                created_at=now,
                activity_at=now,
            )
        )
    Post.objects.bulk_create(posts)
    for post in posts:
        Post.objects.filter(pk=post.pk).update(question=post)
    search_index_rebuild()


def _time(queries: list[str], runs: int) -> dict[str, float]:
    from mindwell.search.selectors import search

    samples: dict[str, list[float]] = {text: [] for text in queries}
    for _ in range(runs):
        for text in queries:
            started = time.perf_counter()
            search(text=text)
            samples[text].append((time.perf_counter() - started) * 1000)
    return {text: statistics.median(values) for text, values in samples.items()}


def _measure(runs: int) -> None:
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.db import connection

    from mindwell.search.backends import postgres
    from mindwell.search.query import MAX_QUERY_LENGTH, MAX_WORDS

    payloads = load_payloads()
    _seed(payloads)
    queries = pack_queries(payloads, MAX_QUERY_LENGTH, MAX_WORDS)
    print(f"{len(payloads)} payloads in {len(payloads) // PER_QUESTION + 1} questions; ", end="")
    print(f"{len(queries)} queries x {runs} runs", flush=True)
    columns: dict[str, dict[str, float]] = {}
    if connection.vendor == "postgresql":
        capped = postgres.HEADLINE_MAX_NODES
        postgres.HEADLINE_MAX_NODES = 1_000_000  # every query headlined as itself
        columns["before ms"] = _time(queries, runs)
        postgres.HEADLINE_MAX_NODES = capped
    columns["after ms"] = _time(queries, runs)
    _report(queries, columns)


def _report(queries: list[str], columns: dict[str, dict[str, float]]) -> None:
    last = list(columns)[-1]
    slowest = sorted(queries, key=lambda text: -max(c[text] for c in columns.values()))[:5]
    print(" ".join(f"{name:>10}" for name in columns) + "  query (slowest five)")
    for text in slowest:
        cells = " ".join(f"{columns[name][text]:>10.1f}" for name in columns)
        print(f"{cells}  {text[:70]!r}")
    for label, pick in (("p50", 50), ("p95", 95), ("max", 100)):
        cells = " ".join(f"{_percentile(list(c.values()), pick):>10.1f}" for c in columns.values())
        print(f"{cells}  {label} over {len(queries)} queries ({last} is the code as it is)")


def _percentile(values: list[float], pick: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pick / 100 * (len(ordered) - 1)))]


if __name__ == "__main__":
    main()
