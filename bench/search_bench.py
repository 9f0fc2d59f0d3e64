"""Search latency at scale, on SQLite and on PostgreSQL (see bench/README.md).

    .venv/bin/python bench/search_bench.py                       # 1,000,000 posts, both
    .venv/bin/python bench/search_bench.py --posts 100000 --backend sqlite

For each backend it builds (or reuses) a database of about --posts posts with
`mindwell generate_data`, rebuilds the index with `mindwell rebuild_search_index` (timed),
then times 50 fixed queries (words, phrases, prefixes, exclusions and operators) through
the search selector in-process: the server's time for a result page, template rendering
left out. It prints p50, p95 and max per backend and writes bench/results/search.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
RESULTS = BENCH / "results" / "search.json"
DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/mindwell_bench"
# generate_data writes on average 1 + a + c·(1 + a) posts per question (a answers per
# question, c comments per post): 6 with its defaults.
POSTS_PER_QUESTION = 1 + 3.0 + 0.5 * (1 + 3.0)
TARGET_P95_MS = 100.0

# Fixed, so runs compare: what people type, in the generated forum's vocabulary.
QUERIES = [
    # single words, common to rare
    "anxious", "sleep", "lonely", "therapist", "breakup", "grief", "panic", "burnout",
    "jealous", "insomnia", "boundaries", "partner", "exams", "retirement", "caffeine",
    # several words (all must match)
    "anxious morning", "partner arguing", "new job stress", "lonely weekends",
    "family boundaries", "losing grandmother", "support friend", "walk helped",
    "doctor counsellor", "routine habits",
    # phrases
    '"new city"', '"panic attack"', '"best friend"', '"working from home"', '"small steps"',
    '"set boundaries"', '"made redundant"', '"daily routine"',
    # prefixes
    "anxi*", "relation*", "overthink*", "sleep*", "counsel*", "motiv*", "grandm*",
    # exclusions and operators
    "sleep -caffeine", "[anxiety] sleep", "[insomnia]", "category:relationships partner",
    "is:question lonely", "is:answer routine", "answers:0 worried", "score:>=3 anxious",
    "hasbest:yes therapist", "[sleep] [anxiety] night",
]  # fmt: skip
SIMILAR_TITLES = [
    "How do I stop overthinking at night?",
    "Feeling lonely since moving to a new city",
    "My partner and I argue about money",
    "Is it normal to feel anxious every morning?",
    "How can I support a friend who feels low?",
]


def main() -> None:
    args = _arguments()
    if args.measure:
        _measure(args.runs)
        return
    assert len(QUERIES) == 50
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    report: dict[str, Any] = {"backends": {}}
    for backend in backends:
        env = _environment(backend, args)
        print(f"\n== {backend}: {args.posts:,} posts ==", flush=True)
        build = _prepare(backend, env, args)
        print(f"measuring {len(QUERIES)} queries x {args.runs} runs…", flush=True)
        measured = _run_measure(env, args.runs)
        report["backends"][backend] = {**build, **measured}
    _print_table(report)
    # One entry per corpus size and backend: a later run replaces only what it measured.
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    saved = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    sizes = saved.get("sizes", {}) if isinstance(saved, dict) else {}
    sizes.setdefault(str(args.posts), {}).update(report["backends"])
    RESULTS.write_text(json.dumps({"queries": QUERIES, "sizes": sizes}, indent=2) + "\n")
    print(f"\nwritten to {RESULTS.relative_to(REPO)}")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=1_000_000, help="corpus size (posts)")
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of the 50 queries")
    parser.add_argument("--pg-url", default=DEFAULT_PG_URL, help="PostgreSQL DATABASE_URL")
    parser.add_argument(
        "--data-dir", type=Path, default=BENCH / ".data", help="where SQLite files go"
    )
    parser.add_argument("--fresh", action="store_true", help="drop and regenerate the data")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


def _environment(backend: str, args: argparse.Namespace) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    data_dir = args.data_dir / f"search-{backend}-{args.posts}"
    env["MINDWELL_DATA_DIR"] = str(data_dir)
    env["DJANGO_SETTINGS_MODULE"] = "mindwell.config.settings.local"
    if backend == "postgres":
        env["DATABASE_URL"] = args.pg_url
    return env


def _mindwell(env: dict[str, str], *command: str) -> None:
    # Fixed commands of this script's own (S603: no outside input reaches a shell).
    subprocess.run(  # noqa: S603
        [sys.executable, "-m", "mindwell", *command], env=env, cwd=REPO, check=True
    )


def _prepare(backend: str, env: dict[str, str], args: argparse.Namespace) -> dict[str, Any]:
    """Generate the corpus unless a database of about the right size is there already, then
    rebuild the index, timed."""
    if args.fresh:
        _drop(backend, env, args)
    Path(env["MINDWELL_DATA_DIR"]).mkdir(parents=True, exist_ok=True)
    _mindwell(env, "ensure_database")
    _mindwell(env, "migrate", "--noinput", "--verbosity", "0")
    existing = _post_count(env)
    generate_seconds = None
    if existing == 0:
        questions = max(1, round(args.posts / POSTS_PER_QUESTION))
        started = time.monotonic()
        _mindwell(env, "generate_data", "--questions", str(questions), "--skip-search-index")
        generate_seconds = round(time.monotonic() - started, 1)
    elif abs(existing - args.posts) > args.posts * 0.1:
        sys.exit(
            f"{backend}: the database holds {existing:,} posts, not about {args.posts:,}; "
            "run with --fresh to regenerate it."
        )
    else:
        print(f"reusing the {existing:,} posts already generated", flush=True)
    started = time.monotonic()
    _mindwell(env, "rebuild_search_index")
    rebuild_seconds = round(time.monotonic() - started, 1)
    return {
        "posts": _post_count(env),
        "generate_seconds": generate_seconds,
        "rebuild_seconds": rebuild_seconds,
    }


def _drop(backend: str, env: dict[str, str], args: argparse.Namespace) -> None:
    if backend == "sqlite":
        shutil.rmtree(env["MINDWELL_DATA_DIR"], ignore_errors=True)
        return
    import psycopg
    from psycopg import sql

    name = args.pg_url.rsplit("/", 1)[1]
    admin_url = args.pg_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))


def _post_count(env: dict[str, str]) -> int:
    code = (
        "import django; django.setup(); from mindwell.qa.models import Post; "
        "print(Post.objects.count())"
    )
    output = subprocess.run(  # noqa: S603 - a fixed command of this script's own
        [sys.executable, "-c", code], env=env, cwd=REPO, check=True, capture_output=True
    )
    return int(output.stdout.decode().strip().splitlines()[-1])


def _run_measure(env: dict[str, str], runs: int) -> dict[str, Any]:
    command = [sys.executable, str(Path(__file__).resolve()), "--measure", "--runs", str(runs)]
    output = subprocess.run(  # noqa: S603 - a fixed command of this script's own
        command, env=env, cwd=REPO, check=True, capture_output=True
    )
    return dict(json.loads(output.stdout.decode().strip().splitlines()[-1]))


def _measure(runs: int) -> None:
    """In the benchmark database's own process: time the selector, print JSON."""
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.db import connection

    from mindwell.search.selectors import search
    from mindwell.search.similar import similar_questions

    for text in QUERIES:  # warm the caches (the page cache of the database, Python's)
        search(text=text)
    samples: dict[str, list[float]] = {text: [] for text in QUERIES}
    found: dict[str, int] = {}
    for _ in range(runs):
        for text in QUERIES:
            started = time.perf_counter()
            page = search(text=text)
            samples[text].append((time.perf_counter() - started) * 1000)
            assert not page.error, (text, page.error)
            found[text] = len(page.results)
    similar: list[float] = []
    for title in SIMILAR_TITLES * runs:
        started = time.perf_counter()
        similar_questions(title)
        similar.append((time.perf_counter() - started) * 1000)
    every = [ms for values in samples.values() for ms in values]
    result = {
        "vendor": connection.vendor,
        "runs": runs,
        "search_ms": _summary(every),
        "similar_ms": _summary(similar),
        "per_query_median_ms": {t: round(statistics.median(v), 2) for t, v in samples.items()},
        "results_on_first_page": found,
    }
    print(json.dumps(result))


def _summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)

    def percentile(p: float) -> float:
        index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
        return round(ordered[index], 2)

    return {"p50": percentile(50), "p95": percentile(95), "max": round(ordered[-1], 2)}


def _print_table(report: dict[str, Any]) -> None:
    print(f"\nSearch latency, {len(QUERIES)} queries (server time, result page 1)")
    header = f"{'backend':<10} {'posts':>10} {'rebuild s':>10} {'p50 ms':>8} {'p95 ms':>8} "
    print(header + f"{'max ms':>8} {'similar p95':>12}  target p95 < {TARGET_P95_MS:.0f} ms")
    for name, row in report["backends"].items():
        search_ms, similar_ms = row["search_ms"], row["similar_ms"]
        verdict = "met" if search_ms["p95"] < TARGET_P95_MS else "MISSED"
        print(
            f"{name:<10} {row['posts']:>10,} {row['rebuild_seconds']:>10} "
            f"{search_ms['p50']:>8} {search_ms['p95']:>8} {search_ms['max']:>8} "
            f"{similar_ms['p95']:>12}  {verdict}"
        )
    for name, row in report["backends"].items():
        slowest = sorted(row["per_query_median_ms"].items(), key=lambda item: -item[1])[:5]
        print(f"slowest on {name}: " + ", ".join(f"{q} {ms} ms" for q, ms in slowest))


if __name__ == "__main__":
    main()
