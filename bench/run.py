"""`make bench`: load-test the production stack against the physical limit of this machine.

    .venv/bin/python bench/run.py                          # PostgreSQL, 100,000 posts
    .venv/bin/python bench/run.py --posts 1000000 --duration 10 --connections 64
    .venv/bin/python bench/run.py --sqlite --scenarios question-anon,vote

It builds (once) a bench database with `mindwell generate_data`, starts two gunicorn app
server processes with the production settings (deploy/gunicorn.conf.py), Redis as the cache,
and nginx in front (deploy/nginx.conf), then drives each scenario with wrk (or the Python
driver) for `--duration` seconds at `--connections` connections. The same run serves the
anonymous question page saved as a static file by nginx (plain and gzip_static) and prints
every rate as a share of that: the physical limit for that page here. See bench/README.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import sys
import time
import urllib.request
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import Result, Scenario, have_wrk, run, vote_storm  # noqa: E402
from stack import BENCH, ROOT, Stack, cpu_seconds, cpu_used, django, prepare  # noqa: E402

PG_BASE = "postgres://postgres@127.0.0.1:5432"
POSTS_PER_QUESTION = 6  # the generator's defaults: 1 question, 3 answers, 2 comments
ALL = (
    "static,static-gzip,question-anon,question-anon-microcache,question-member,home,deep,tag,"
    "search,vote,answer,comment,ask"
)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=100_000, help="database size (posts)")
    parser.add_argument("--sqlite", action="store_true", help="SQLite instead of PostgreSQL")
    parser.add_argument("--duration", type=int, default=10, help="seconds per scenario")
    parser.add_argument("--connections", type=int, default=64, help="concurrent connections")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--scenarios", default=ALL, help=f"comma-separated (default: {ALL})")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers per app (cores)")
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument("--gunicorn-threads", type=int, default=1, help="threads (gthread)")
    parser.add_argument("--python-driver", action="store_true", help="do not use wrk")
    parser.add_argument("--no-nginx", action="store_true", help="send requests to gunicorn")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/13")
    parser.add_argument("--pg-url", default=None, help=f"default {PG_BASE}/mindwell_bench_<posts>")
    parser.add_argument("--warmup", type=int, default=2, help="untimed seconds per read scenario")
    return parser.parse_args()


def environment(args: argparse.Namespace, data_dir: Path) -> tuple[dict[str, str], str]:
    env = dict(os.environ)
    database = "" if args.sqlite else (args.pg_url or f"{PG_BASE}/mindwell_bench_{args.posts}")
    env.update(
        DJANGO_SETTINGS_MODULE="mindwell.config.settings.production",
        SECRET_KEY="bench-only-secret-key-not-for-production-0123456789",  # noqa: S106
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        REDIS_URL=args.redis_url,
        MINDWELL_DATA_DIR=str(data_dir),
        EMAIL_URL="dummy:",
        MINDWELL_SITE_URL="https://127.0.0.1",
        PYTHONPATH=str(ROOT),
    )
    env.pop("DATABASE_URL", None)
    if database:
        env["DATABASE_URL"] = database
    return env, database.rsplit("/", 1)[-1] if database else ""


def build(env: dict[str, str], posts: int) -> dict[str, float]:
    django(env, "ensure_database")
    django(env, "migrate", "--noinput", "-v0")
    have = int(prepare(env, "count"))
    timings: dict[str, float] = {}
    if have < posts * 0.9:
        questions = max(1, (posts - have) // POSTS_PER_QUESTION)
        began = time.monotonic()
        django(env, "generate_data", "--questions", str(questions), "--seed", "11")
        timings["generate_data_s"] = round(time.monotonic() - began, 1)
    django(env, "collectstatic", "--noinput", "-v0")
    return timings


def save_static_page(stack: Stack, static_root: Path, path: str) -> int:
    """The anonymous question page as the app serves it, saved where nginx serves static
    files (plain, and pre-compressed for gzip_static)."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{stack.app_ports[0]}{path}", headers={"X-Forwarded-Proto": "https"}
    )
    html = urllib.request.urlopen(request, timeout=30).read()  # noqa: S310 (local URL)
    (static_root / "bench-question.html").write_bytes(html)
    (static_root / "bench-question.html.gz").write_bytes(gzip.compress(html, 9, mtime=0))
    return len(html)


def scenarios(args: argparse.Namespace, t: dict, stack: Stack, nginx: bool) -> list[Scenario]:
    port = stack.nginx_port if nginx else stack.app_ports[0]
    origin = "https://127.0.0.1" if nginx else f"https://127.0.0.1:{port}"
    # A cookie that is not a session: the visitor is anonymous to Django, and nginx's
    # micro-cache steps aside (it never serves a request that carries a cookie), so these
    # figures are the app's own.
    anon = {"Cookie": "bench=1"}
    member = t["reader_session"]
    half = len(t["sessions"]) // 2
    found = [
        Scenario(
            "static", "question page, static file (nginx)", port, "/static/bench-question.html"
        ),
        Scenario(
            "static-gzip",
            "the same, gzip_static",
            port,
            "/static/bench-question.html",
            headers={"Accept-Encoding": "gzip"},
        ),
        Scenario("question-anon", "question page, anonymous", port, t["question"], headers=anon),
        Scenario(
            "question-anon-microcache",
            "question page, anonymous, nginx micro-cache",
            port,
            t["question"],
        ),
        Scenario(
            "question-member",
            f"question page, member ({t['question_answers']} answers)",
            port,
            t["question"],
            session=member,
        ),
        Scenario("home", "home list, anonymous", port, "/", headers=anon),
        Scenario(
            "deep", f"list page {t['deep_page']} (keyset cursor)", port, t["deep"], headers=anon
        ),
        Scenario("tag", "tag page, anonymous", port, t["tag"], headers=anon),
        Scenario("search", "search, anonymous", port, t["search"], headers=anon),
        Scenario(
            "vote",
            "vote (member)",
            port,
            kind="vote",
            origin=origin,
            sessions=t["sessions"][:half] or t["sessions"],
            targets=t["vote_posts"],
        ),
        Scenario(
            "answer",
            "answer (member)",
            port,
            kind="answer",
            origin=origin,
            sessions=t["sessions"][half:] or t["sessions"],
            targets=t["questions"],
        ),
        Scenario(
            "comment",
            "comment (member)",
            port,
            kind="comment",
            origin=origin,
            sessions=t["sessions"][half:] or t["sessions"],
            targets=t["answers"],
        ),
        Scenario(
            "ask",
            "ask (member)",
            port,
            kind="ask",
            origin=origin,
            sessions=t["sessions"][half:] or t["sessions"],
            targets=[0],
            category=t["category_id"],
            tags=t["tag"].strip("/").split("/")[-1],
        ),
    ]
    wanted = args.scenarios.split(",")
    unknown = set(wanted) - {s.name for s in found}
    if unknown:
        raise SystemExit(f"Unknown scenarios: {', '.join(sorted(unknown))}")
    if not nginx:
        wanted = [w for w in wanted if not w.startswith("static") and "microcache" not in w]
    return [s for s in found if s.name in wanted]


def measure(
    args: argparse.Namespace, stack: Stack, scenario: Scenario, workdir: Path, db_name: str
) -> dict:
    common = {
        "seconds": args.duration,
        "connections": args.connections,
        "threads": args.threads,
        "workdir": workdir,
        "python": args.python_driver,
    }
    stack.wait_idle()
    if scenario.kind == "get" and args.warmup:
        run(scenario, **{**common, "seconds": args.warmup})
        stack.wait_idle()
    app = cpu_seconds(stack.app_pids())
    web = cpu_seconds(stack.nginx_pids())
    db = cpu_seconds(stack.db_pids(db_name)) if db_name else {}
    load = os.getloadavg()[0]
    result: Result = run(scenario, **common)
    used = (
        cpu_used(app, cpu_seconds(stack.app_pids())),
        cpu_used(web, cpu_seconds(stack.nginx_pids())),
        cpu_used(db, cpu_seconds(stack.db_pids(db_name))) if db_name else 0.0,
    )
    done = max(1, result.requests)
    return {
        "name": scenario.name,
        "label": scenario.label,
        **asdict(result),
        "rate": round(result.rate, 1),
        "errors": result.errors,
        "app_cpu_ms": round(used[0] * 1000 / done, 3),
        "nginx_cpu_ms": round(used[1] * 1000 / done, 3),
        "db_cpu_ms": round(used[2] * 1000 / done, 3) if db_name else None,
        "load_before": round(load, 2),
    }


def vote_check(
    env: dict[str, str], run_id: str, scenario: Scenario, voters: int, workdir: Path
) -> dict:
    """No lost vote: `voters` members (64 by default) vote concurrently on the same posts,
    one post at a time, and every request is waited for; the vote rows made and the upvotes
    added to those posts must both equal the requests answered with a new score. (The
    timed wrk run cannot be counted exactly: it stops with requests still in flight.)"""
    posts = scenario.targets[-25:]
    posts_file = workdir / "storm-posts.json"
    posts_file.write_text(json.dumps(posts))
    # The timed run left requests in flight when it stopped; the servers finish them first.
    before = json.loads(prepare(env, "votes", run_id, str(posts_file)))
    for _ in range(60):
        time.sleep(1)
        settled = json.loads(prepare(env, "votes", run_id, str(posts_file)))
        if settled == before:
            break
        before = settled
    ok = vote_storm(scenario, voters=voters, posts=posts)
    after = json.loads(prepare(env, "votes", run_id, str(posts_file)))
    rows = after["rows"] - before["rows"]
    added = after["post_upvotes"] - before["post_upvotes"]
    return {
        "voters": voters,
        "posts": len(posts),
        "requests": voters * len(posts),
        "successful_requests": ok,
        "vote_rows": rows,
        "upvotes_added": added,
        "lost": ok - added,
        "passed": rows == ok == added == voters * len(posts),
    }


def table(rows: list[dict], static_rate: float | None) -> str:
    head = (
        f"{'scenario':<46} {'req/s':>8} {'x static':>8} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'errors':>6} {'app CPU ms':>10} {'db CPU ms':>9}"
    )
    lines = [head, "-" * len(head)]
    for row in rows:
        ratio = f"{row['rate'] / static_rate:.3f}" if static_rate else "-"
        db = "-" if row["db_cpu_ms"] is None else f"{row['db_cpu_ms']:.2f}"
        lines.append(
            f"{row['label'][:46]:<46} {row['rate']:>8,.0f} {ratio:>8} {row['p50_ms']:>7.1f} "
            f"{row['p99_ms']:>7.1f} {row['errors']:>6} {row['app_cpu_ms']:>10.2f} {db:>9}"
        )
    return "\n".join(lines)


def markdown(report: dict) -> str:
    """The run's table as Markdown, for the READMEs (`bench/run.py --markdown FILE.json`)."""
    rows = report["scenarios"]
    static = next((r["rate"] for r in rows if r["name"] == "static"), None)
    lines = [
        "| scenario | req/s | × static | p50 ms | p99 ms | errors | app CPU ms | db CPU ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        ratio = f"{r['rate'] / static:.3f}" if static else "-"
        db = "-" if r["db_cpu_ms"] is None else f"{r['db_cpu_ms']:.2f}"
        lines.append(
            f"| {r['label']} | {r['rate']:,.0f} | {ratio} | {r['p50_ms']:.1f} | "
            f"{r['p99_ms']:.1f} | {r['errors']} | {r['app_cpu_ms']:.2f} | {db} |"
        )
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--markdown":
        print(markdown(json.loads(Path(sys.argv[2]).read_text())))
        return
    args = arguments()
    backend = "sqlite" if args.sqlite else "postgres"
    data_dir = BENCH / ".data" / f"run-{backend}-{args.posts}"
    data_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    workdir = data_dir / f"run-{stamp}"
    workdir.mkdir()
    env, db_name = environment(args, data_dir)
    print(f"Bench database: {backend}, {args.posts:,} posts ({env.get('DATABASE_URL', data_dir)})")
    timings = build(env, args.posts)
    run_id = stamp.replace("-", "")
    voters = max(2 * args.connections, 128)
    targets = json.loads(prepare(env, "targets", run_id, str(voters)))
    stack = Stack(
        workdir=workdir,
        env=env,
        workers=args.workers,
        worker_class=args.worker_class,
        threads=args.gunicorn_threads,
    )
    results: list[dict] = []
    report: dict = {}
    try:
        stack.start_apps()
        static_root = data_dir / "static"
        page_bytes = save_static_page(stack, static_root, targets["question"])
        nginx = not args.no_nginx and stack.start_nginx(static_root)
        spec = workdir / "queries.json"
        paths = {
            name: targets[name]
            for name in ("question", "home", "deep", "tag", "category", "search", "profile")
        }
        spec.write_text(json.dumps({"paths": paths, "session": targets["reader_session"]}))
        query_counts = json.loads(prepare(env, "queries", str(spec)))
        for scenario in scenarios(args, targets, stack, nginx):
            print(f"  {scenario.label} …", flush=True)
            row = measure(args, stack, scenario, workdir, db_name)
            if scenario.kind == "vote":
                # Fresh voters (the second half of the run's members) for the exact count.
                storm = Scenario(
                    "vote-storm",
                    "",
                    scenario.port,
                    kind="vote",
                    origin=scenario.origin,
                    sessions=targets["sessions"][-64:],
                    targets=scenario.targets,
                )
                print("  vote check: 64 concurrent voters …", flush=True)
                row["vote_check"] = vote_check(env, run_id, storm, 64, workdir)
            results.append(row)
        report = {
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "machine": f"{platform.node()}, {os.cpu_count()} cores, {platform.machine()}",
            "command": " ".join(["bench/run.py", *sys.argv[1:]]),
            "backend": backend,
            "posts": targets["posts"],
            "duration_s": args.duration,
            "connections": args.connections,
            "driver": "python" if args.python_driver or not have_wrk() else "wrk",
            "nginx": bool(nginx),
            "gunicorn": {
                "processes": 2,
                "workers_each": args.workers or os.cpu_count(),
                "worker_class": args.worker_class,
            },
            "page_bytes": page_bytes,
            "question": {
                k: targets[k] for k in ("question", "question_answers", "question_comments")
            },
            "timings": timings,
            "query_counts": query_counts,
            "scenarios": results,
        }
    finally:
        stack.stop()
    static = next((r["rate"] for r in results if r["name"] == "static"), None)
    print()
    print(
        f"{report['date']} · {report['machine']} · {backend}, {report['posts']:,} posts · "
        f"{args.duration} s × {args.connections} connections ({report['driver']}) · "
        f"load average at start {results[0]['load_before'] if results else '?'}"
    )
    print(table(results, static))
    for row in results:
        if "vote_check" in row:
            check = row["vote_check"]
            verdict = "no lost vote" if check["passed"] else "VOTES LOST OR REFUSED"
            print(
                f"Vote check ({check['voters']} concurrent voters on {check['posts']} posts, "
                f"{check['requests']} requests): {check['successful_requests']} successful, "
                f"{check['vote_rows']} vote rows, {check['upvotes_added']} upvotes added: "
                f"{verdict}."
            )
    print(
        "Queries per page (anonymous / member): "
        + ", ".join(f"{name} {c['anonymous']}/{c['member']}" for name, c in query_counts.items())
    )
    out = BENCH / "results" / f"run-{backend}-{args.posts}-{stamp}.json"
    out.write_text(json.dumps(report, indent=1) + "\n")
    print(f"Written to {out.relative_to(ROOT)}")
    if any(not r.get("vote_check", {"passed": True})["passed"] for r in results):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
