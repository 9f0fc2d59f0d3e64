"""The question page's own cost, in-process: milliseconds per request for a visitor and for
a logged-in member, through Django's test client (routing, middleware, queries, templates).

    .venv/bin/python bench/question_page_profile.py                  # 30 requests each
    .venv/bin/python bench/question_page_profile.py --runs 50 --profile 25
    .venv/bin/python bench/question_page_profile.py --redis-url redis://127.0.0.1:6379/14

It uses the SQLite database in bench/.data/question-profile/ (or MINDWELL_DATA_DIR, or
DATABASE_URL), filled with `mindwell generate_data --questions 300` when it has no
questions, and the question with exactly 10 answers (as `make bench`'s question-member
scenario), or the one with the most. DEBUG is off, so templates come from Django's cached
loader as in production. The visitor's page comes from the page cache after the first
request (local memory, or Redis as in production with `--redis-url`: a database of its
own, which the script does not clear). `--profile N` prints cProfile's top N
functions by cumulative and by own time for the member's requests.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


def setup(redis_url: str = "") -> None:
    if redis_url:
        os.environ["REDIS_URL"] = redis_url
    if not os.environ.get("DATABASE_URL"):
        os.environ.setdefault("MINDWELL_DATA_DIR", str(BENCH / ".data" / "question-profile"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "mindwell.config.settings.local"
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def question_url() -> str:
    from django.core.management import call_command

    from mindwell.qa.models import Post, PostKind, PostStatus

    call_command("ensure_database", verbosity=0)
    call_command("migrate", verbosity=0)
    questions = Post.objects.filter(kind=PostKind.QUESTION, status=PostStatus.PUBLISHED)
    if not questions.exists():
        call_command("generate_data", questions=300, skip_search_index=True, seed=5)
    question = (
        questions.filter(answer_count=10).order_by("-id").first()
        or questions.order_by("-answer_count").first()
    )
    assert question is not None
    comments = Post.objects.filter(question=question, kind=PostKind.COMMENT).count()
    print(f"Question {question.pk}: {question.answer_count} answers, {comments} comments.")
    return question.get_absolute_url()


def member_client() -> Any:
    from allauth.account.models import EmailAddress
    from django.test import Client

    from mindwell.accounts.models import User

    user = User.objects.filter(username="profilereader").first()
    if user is None:
        user = User(username="profilereader", email="profilereader@bench.invalid")
        user.set_unusable_password()
        user.save()
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    client = Client()
    client.force_login(user)
    return client


def timed(client: Any, url: str, runs: int) -> list[float]:
    for _ in range(3):  # warm-up: template cache, page cache, connection
        assert client.get(url).status_code == 200
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    parser.add_argument("--redis-url", default="", help="the cache; default: local memory")
    args = parser.parse_args()
    setup(args.redis_url)
    from django.test import Client

    url = question_url()
    member = member_client()
    html = member.get(url).content
    print(f"Member page: {len(html):,} bytes.")
    print(f"{'reader':<8} {'mean ms':>8} {'p50 ms':>8} {'min ms':>8}   ({args.runs} requests)")
    for name, client in (("visitor", Client()), ("member", member)):
        times = timed(client, url, args.runs)
        print(
            f"{name:<8} {statistics.mean(times):8.2f} {statistics.median(times):8.2f}"
            f" {min(times):8.2f}"
        )
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.runs):
            member.get(url)
        profiler.disable()
        stats = pstats.Stats(profiler).strip_dirs()
        stats.sort_stats("cumulative").print_stats(args.profile)
        stats.sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
