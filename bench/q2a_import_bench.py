"""How fast `mindwell import_q2a` brings a big Question2Answer site over (see bench/README.md).

    .venv/bin/python bench/q2a_import_bench.py                  # 100,000 posts into SQLite
    .venv/bin/python bench/q2a_import_bench.py --posts 5000 --postgres

Builds a Question2Answer 1.8 database in MariaDB (schema: bench/q2a_schema.sql) with
realistic proportions, then times the import into a fresh SQLite database (or PostgreSQL
with --postgres) and prints posts per second overall and per stage. Not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

import pymysql  # noqa: E402
from q2a_generate import generate  # noqa: E402  (bench/ is the script's own directory)

RESULTS = BENCH / "results" / "q2a_import.json"
PG_URL = "postgres://postgres@127.0.0.1:5432/mw_q2a_import_bench"


def main() -> None:
    args = _arguments()
    rng = random.Random(args.seed)
    conn = pymysql.connect(
        host=args.mysql_host,
        port=args.mysql_port,
        user="root",
        password="",
        charset="utf8mb4",
        autocommit=False,
    )
    started = time.monotonic()
    counts = _existing(conn, args) if args.reuse_source else None
    if counts is None:
        counts = generate(conn, args.source_db, posts=args.posts, users=args.users, rng=rng)
        generated = time.monotonic() - started
        print(f"generated {_describe(counts)} in {generated:.1f} s", flush=True)
    else:
        generated = 0.0
        print(f"reusing {_describe(counts)} in {args.source_db}", flush=True)
    conn.close()
    backend = "postgres" if args.postgres else "sqlite"
    env = _target(backend, args)
    source = f"mysql://root@{args.mysql_host}:{args.mysql_port}/{args.source_db}"
    result = run_import(env, source, args.batch_size)
    result.update(backend=backend, source=counts, generate_seconds=round(generated, 1))
    _report(result)
    _save(result, f"{backend}-{args.posts}")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=100_000, help="posts to generate")
    parser.add_argument("--users", type=int, default=2_000, help="members to generate")
    parser.add_argument("--postgres", action="store_true", help="import into PostgreSQL")
    parser.add_argument("--pg-url", default=PG_URL, help="PostgreSQL database (recreated)")
    parser.add_argument("--source-db", default="q2a_import_bench", help="MariaDB database")
    parser.add_argument("--mysql-host", default="127.0.0.1")
    parser.add_argument("--mysql-port", type=int, default=3306)
    parser.add_argument("--batch-size", type=int, default=500, help="import_q2a --batch-size")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--reuse-source",
        action="store_true",
        help="keep the MariaDB database when it already holds --posts posts",
    )
    args = parser.parse_args()
    if not re.fullmatch(r"[A-Za-z0-9_]+", args.source_db):
        parser.error("--source-db: letters, digits and _ only")
    return args


def _existing(conn: Any, args: argparse.Namespace) -> dict[str, int] | None:
    """Row counts of a source database generated before with the same --posts, or None."""
    tables = ("users", "posts", "uservotes", "posttags", "userfavorites", "messages")
    with conn.cursor() as cur:
        cur.execute("SHOW DATABASES LIKE %s", (args.source_db,))
        if not cur.fetchall():
            return None
        counts = {}
        for table in tables:
            cur.execute(f"SELECT COUNT(*) FROM `{args.source_db}`.qa_{table}")  # noqa: S608
            counts[table] = int(cur.fetchone()[0])
    return counts if counts["posts"] == args.posts else None


# -- the import --------------------------------------------------------------------------------
def _target(backend: str, args: argparse.Namespace) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    data_dir = BENCH / ".data" / f"q2a-import-{backend}-{args.posts}"
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    env["MINDWELL_DATA_DIR"] = str(data_dir)
    env["DJANGO_SETTINGS_MODULE"] = "mindwell.config.settings.local"
    if backend == "postgres":
        import psycopg
        from psycopg import sql

        name = args.pg_url.rsplit("/", 1)[1]
        admin_url = args.pg_url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        env["DATABASE_URL"] = args.pg_url
    subprocess.run(
        [sys.executable, "-m", "mindwell", "migrate", "--noinput", "-v", "0"],  # noqa: S603
        env=env,
        cwd=REPO,
        check=True,
    )
    return env


def run_import(env: dict[str, str], source: str, batch_size: int) -> dict[str, Any]:
    """Run the command, echoing its output, and time it and each stage it reports."""
    command = [
        sys.executable,
        "-m",
        "mindwell",
        "import_q2a",
        "--source",
        source,
        "--batch-size",
        str(batch_size),
    ]
    stages: list[list[Any]] = []
    lines: list[str] = []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_before = before.ru_utime + before.ru_stime
    started = time.monotonic()
    # A fixed command of this script's own; no outside input reaches a shell.
    with subprocess.Popen(  # noqa: S603
        command, env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            print(line, end="", flush=True)
            lines.append(line.rstrip("\n"))
            if (begun := re.fullmatch(r"(\S.*)\.\.\.", line.strip())) and not line[0].isspace():
                stages.append([begun.group(1), None])
            elif (done := re.fullmatch(r"done in ([\d.]+) s", line.strip())) and stages:
                stages[-1][1] = float(done.group(1))
    seconds = time.monotonic() - started
    # CPU time of the command alone: on a shared machine, wall time also counts waiting.
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_seconds = children.ru_utime + children.ru_stime - cpu_before
    if process.returncode != 0:
        sys.exit(f"import_q2a failed (exit {process.returncode})")
    imported = 0
    for kind in ("questions", "answers", "comments"):
        found = re.search(rf"^\s+{kind}: .*?([\d,]+) imported", "\n".join(lines), re.M)
        imported += int(found.group(1).replace(",", "")) if found else 0
    return {
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu_seconds, 1),
        "posts_imported": imported,
        "stages": stages,
        "points_check": _points_check("\n".join(lines)),
    }


def _points_check(output: str) -> dict[str, int]:
    """The importer's final check of every member's points against qa_userpoints, read from
    its report ("points: 1,990 equal to Question2Answer's, 10 skipped")."""
    found = re.search(r"^\s+points: ([\d,]+ .*)$", output, re.M)
    outcomes = dict.fromkeys(("equal", "different"), 0)
    for part in (found.group(1) if found else "").split(", "):
        n, _, outcome = part.partition(" ")
        if n.replace(",", "").isdigit():
            key = "equal" if outcome.startswith("equal") else "different"
            outcomes[key] += int(n.replace(",", ""))
    return outcomes


def _report(result: dict[str, Any]) -> None:
    posts, seconds = result["posts_imported"], result["seconds"]
    print(
        f"\n{result['backend']}: {posts:,} posts imported in {seconds:.1f} s "
        f"= {posts / seconds:,.0f} posts/s overall"
    )
    cpu = result["cpu_seconds"]
    print(f"CPU time of the command: {cpu:.1f} s = {posts / cpu:,.0f} posts per CPU second")
    check = result["points_check"]
    members = check["equal"] + check["different"]
    verdict = "all agree" if members and not check["different"] else "DISAGREE"
    print(
        f"points check: {check['equal']:,} of {members:,} members' points equal to "
        f"Question2Answer's ({verdict})"
    )
    print(f"{'stage':<36} {'seconds':>8} {'share':>6} {'posts/s':>9}")
    for name, stage_seconds in result["stages"]:
        if stage_seconds is None:
            continue
        rate = f"{posts / stage_seconds:,.0f}" if stage_seconds else "-"
        share = 100 * stage_seconds / seconds
        print(f"{name:<36} {stage_seconds:>8.1f} {share:>5.0f}% {rate:>9}")


def _describe(counts: dict[str, int]) -> str:
    keys = ("users", "posts", "uservotes", "posttags", "userfavorites", "messages")
    return ", ".join(f"{counts.get(key, 0):,} {key}" for key in keys)


def _save(result: dict[str, Any], key: str) -> None:
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    saved = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    saved[key] = {
        **result,
        "measured_at": time.strftime("%Y-%m-%d %H:%M", time.gmtime()),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    RESULTS.write_text(json.dumps(saved, indent=2, default=str) + "\n")
    print(f"written to {RESULTS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
