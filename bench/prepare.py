"""The Django side of `bench/run.py`, run in a subprocess with the bench's settings.

    python bench/prepare.py targets RUN_ID VOTERS   # members, sessions, URLs -> JSON
    python bench/prepare.py votes RUN_ID             # what the run's voters' votes add up to
    python bench/prepare.py queries TARGETS.json     # queries per page -> JSON
    python bench/prepare.py count                    # posts in the database

It runs with the same SECRET_KEY and database as the app servers, so the sessions it opens
and the list cursors it signs are the servers' own. Bench members are ordinary registered
members (confirmed address, unusable password): each run makes fresh ones, so every vote of
the run is a new (member, post) pair and the vote check can count them.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _django() -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _login(user: Any) -> str:
    """A real session for `user` in the site's session store, as a login would make."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return str(client.cookies["sessionid"].value)


def _member(name: str) -> Any:
    from allauth.account.models import EmailAddress

    from mindwell.accounts.models import User

    user = User(username=name, email=f"{name}@bench.invalid")
    user.set_unusable_password()
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user


def targets(run_id: str, voters: int) -> dict[str, Any]:
    from django.contrib.auth.models import AnonymousUser
    from django.core.cache import cache

    from mindwell.moderation.models import WriteLimit
    from mindwell.qa.models import Post, PostKind, PostStatus
    from mindwell.qa.pagination import PER_PAGE, encode_cursor
    from mindwell.qa.selectors import SORTS, question_list
    from mindwell.taxonomy.models import Category, Tag

    # The hourly write limits would refuse a load test after a few dozen posts; the bench
    # database is the bench's own, so they are switched off there (0: no limit).
    WriteLimit.objects.update(per_member_per_hour=0, per_ip_per_hour=0)
    # The bench's own Redis database: pages cached by an earlier run of another database
    # must not be served.
    cache.clear()

    published = Post.objects.filter(status=PostStatus.PUBLISHED)
    # The logged-in question page "with 10 answers": the first question with exactly ten
    # (the generator's distribution has plenty), with its comments as generated.
    question = (
        published.filter(kind=PostKind.QUESTION, answer_count=10).order_by("-id").first()
        or published.filter(kind=PostKind.QUESTION).order_by("-answer_count").first()
    )
    if question is None:
        raise SystemExit("The bench database has no questions: run generate_data.")
    order = SORTS["recent"]
    listed = question_list(viewer=AnonymousUser(), sort="recent")
    total = listed.count()
    depth = max(1, min(1000, (total - 1) // PER_PAGE))
    row = listed[depth * PER_PAGE - 1]
    deep = "/?" + "sort=recent&after=" + encode_cursor(order, order.key_of(row), depth)
    tag = Tag.objects.order_by("-question_count").values_list("name", flat=True)[5]
    category = (
        Category.objects.exclude(parent=None).order_by("-question_count").first()
        or Category.objects.order_by("-question_count").first()
    )
    assert category is not None

    members = [_member(f"bench{run_id}v{i}") for i in range(voters)]
    reader = _member(f"bench{run_id}reader")
    # Votes go to the newest published questions and answers, none of them a bench member's.
    vote_posts = list(
        published.filter(kind__in=[PostKind.QUESTION, PostKind.ANSWER])
        .order_by("-id")
        .values_list("id", flat=True)[:4000]
    )
    questions = list(
        published.filter(kind=PostKind.QUESTION).order_by("-id").values_list("id", flat=True)[:2000]
    )
    answers = list(
        published.filter(kind=PostKind.ANSWER).order_by("-id").values_list("id", flat=True)[:2000]
    )
    comments = Post.objects.filter(question=question, kind=PostKind.COMMENT).count()
    return {
        "question": question.get_absolute_url(),
        "question_id": question.pk,
        "question_answers": question.answer_count,
        "question_comments": comments,
        "home": "/",
        "deep": deep,
        "deep_page": depth + 1,
        "tag": f"/tags/{tag}/",
        "category": category.get_absolute_url(),
        "category_id": category.pk,
        "search": "/search/?q=anxiety+sleep",
        "profile": f"/users/{question.author.username}/" if question.author else "/users/",
        "reader_session": _login(reader),
        "sessions": [_login(member) for member in members],
        "vote_posts": vote_posts,
        "questions": questions,
        "answers": answers,
        "posts": Post.objects.count(),
    }


def votes(run_id: str) -> dict[str, int]:
    """The run's votes as the database holds them: vote rows by the run's members, and
    the upvotes those rows put on their posts (each post's count from those rows)."""
    from mindwell.votes.models import Vote

    rows = Vote.objects.filter(user__username__startswith=f"bench{run_id}v")
    return {"rows": rows.count(), "up": rows.filter(value=1).count()}


def post_upvotes(ids: list[int]) -> int:
    from django.db.models import Sum

    from mindwell.qa.models import Post

    return int(Post.objects.filter(pk__in=ids).aggregate(s=Sum("upvotes"))["s"] or 0)


def queries(paths: dict[str, str], session: str) -> dict[str, dict[str, int]]:
    """Database queries per page, anonymous and logged in, on a warm process (the second
    request: the first fills per-process caches such as the site settings)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    found: dict[str, dict[str, int]] = {}
    for who in ("anonymous", "member"):
        client = Client(headers={"x-forwarded-proto": "https"})
        if who == "member":
            client.cookies["sessionid"] = session
        for name, path in paths.items():
            client.get(path, secure=True)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path, secure=True)
            found.setdefault(name, {})[who] = len(captured.captured_queries)
            found[name][f"{who}_status"] = response.status_code
    return found


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mindwell.config.settings.production")
    _django()
    command = sys.argv[1]
    if command == "targets":
        print(json.dumps(targets(sys.argv[2], int(sys.argv[3]))))
    elif command == "votes":
        result: dict[str, Any] = votes(sys.argv[2])
        if len(sys.argv) > 3:
            ids = json.loads(Path(sys.argv[3]).read_text())
            result["post_upvotes"] = post_upvotes(ids)
        print(json.dumps(result))
    elif command == "count":
        from mindwell.qa.models import Post

        print(Post.objects.count())
    elif command == "queries":
        spec = json.loads(Path(sys.argv[2]).read_text())
        print(json.dumps(queries(spec["paths"], spec["session"])))
    else:
        raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    main()
