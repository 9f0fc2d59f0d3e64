"""The anonymous page cache and fragment caching, measured in-process.

    .venv/bin/python bench/pagecache_bench.py
    REDIS_URL=redis://127.0.0.1:6379/15 .venv/bin/python bench/pagecache_bench.py

Builds (once) a SQLite database in bench/.data/pagecache/ holding one question with 10
answers of 3 comments each, then times whole requests through Django's test client
(routing, every middleware, the view, the template):

- the anonymous question page with the page cache off, as a miss and as a hit (the cache
  is Django's default: local memory, or Redis with REDIS_URL);
- for a logged-in member (never page-cached): the whole page, the part of it fragment
  caching could skip (each post's body, meta and notices, the viewer-independent parts;
  votes, edit links and moderation tools depend on the viewer), and what fetching those
  fragments would cost instead (one get_many from local memory and from Redis).

Prints a table and writes bench/results/pagecache.json. Figures are medians in ms.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "100"))
ANSWERS, COMMENTS = 10, 3
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def setup() -> None:
    os.environ.setdefault("MINDWELL_DATA_DIR", str(BENCH / ".data" / "pagecache"))
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "mindwell.config.settings.local"
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build() -> tuple[object, object]:
    """The question (built once) and a member who reads it."""
    from allauth.account.models import EmailAddress

    from mindwell.accounts.models import User
    from mindwell.qa.models import Post
    from mindwell.qa.services import answer_create, comment_create, question_create
    from mindwell.qa.services.common import Poster
    from mindwell.taxonomy.models import Category

    def member(name: str) -> User:
        user = User.objects.filter(username=name).first()
        if user is None:
            user = User.objects.create_user(name, f"{name}@example.test", "a-long-password-42")
            EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
        return user

    question = Post.objects.questions().filter(title__startswith="Bench:").first()
    if question is None:
        writers = [member(f"writer{n}") for n in range(ANSWERS)]
        question = question_create(
            poster=Poster(user=member("asker")),
            title="Bench: how do I stop worrying about work at night?",
            body="I keep replaying conversations from the office. " * 12,
            category_id=Category.objects.order_by("pk").first().pk,
            tags="anxiety sleep work",
        )
        for n, writer in enumerate(writers):
            answer = answer_create(
                poster=Poster(user=writer),
                question=question,
                body=f"Answer {n}: write the worries down before bed, then close the notebook. "
                * 6,
            )
            for c in range(COMMENTS):
                comment_create(
                    poster=Poster(user=writers[(n + c + 1) % ANSWERS]),
                    parent=answer,
                    body=f"Comment {c}: this helped me too, thank you for sharing it.",
                )
    return question, member("reader")


def median_ms(action: Callable[[], object], rounds: int = ROUNDS) -> float:
    for _ in range(10):
        action()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def page_cache_figures(url: str) -> dict[str, float]:
    from django.core.cache import cache
    from django.test import Client, override_settings

    anonymous = Client(HTTP_USER_AGENT=BROWSER)
    with override_settings(MINDWELL_PAGE_CACHE=False):
        off = median_ms(lambda: anonymous.get(url))
    with override_settings(MINDWELL_PAGE_CACHE=True, MINDWELL_PAGE_CACHE_SECONDS=300):

        def miss() -> None:
            cache.clear()
            response = anonymous.get(url)
            assert response["X-Cache"] == "miss"

        def hit() -> None:
            response = anonymous.get(url)
            assert response["X-Cache"] == "hit"

        missed = median_ms(miss, rounds=ROUNDS // 2)
        anonymous.get(url)
        hits = median_ms(hit)
    return {"anonymous_no_cache_ms": off, "anonymous_miss_ms": missed, "anonymous_hit_ms": hits}


def fragment_figures(question: object, reader: object, url: str) -> dict[str, float]:
    from django.core.cache.backends.locmem import LocMemCache
    from django.template import Context
    from django.template.loader import get_template
    from django.test import Client, RequestFactory

    from mindwell.qa.selectors import question_thread
    from mindwell.safety.selectors import thread_posts

    member = Client(HTTP_USER_AGENT=BROWSER)
    member.force_login(reader)
    whole = median_ms(lambda: member.get(url))

    request = RequestFactory().get(url)
    request.user = reader
    thread = question_thread(question_id=question.pk, viewer=reader)
    posts = thread_posts(thread)
    parts = [
        get_template(name)
        for name in (
            "qa/_post_meta.html",
            "safety/_post_body.html",
            "moderation/_post_notices.html",
        )
    ]

    def render_fragments() -> list[str]:
        # One context for the page, as inside the page's own render (no context processors
        # per fragment).
        context = Context({"thread": thread, "user": reader, "request": request})
        html = []
        for post in posts:
            with context.push(post=post):
                html += [part.template.render(context) for part in parts]  # type: ignore[attr-defined]
        return html

    rendered = median_ms(render_fragments, rounds=ROUNDS // 2)
    html = render_fragments()
    keys = [f"frag:{n}" for n in range(len(html))]
    local = LocMemCache("bench-fragments", {})
    local.set_many(dict(zip(keys, html, strict=True)))
    figures = {
        "member_page_ms": whole,
        "member_fragments_render_ms": rendered,
        "fragments": float(len(html)),
        "fragments_get_many_locmem_ms": median_ms(lambda: local.get_many(keys)),
    }
    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        from django.core.cache.backends.redis import RedisCache

        remote = RedisCache(redis_url, {})
        remote.set_many(dict(zip(keys, html, strict=True)))
        figures["fragments_get_many_redis_ms"] = median_ms(lambda: remote.get_many(keys))
        remote.delete_many(keys)
    except Exception as error:  # noqa: BLE001 - Redis is optional here; say so
        print(f"(Redis not measured: {error})")
    return figures


def main() -> None:
    setup()
    from django.conf import settings

    question, reader = build()
    url = question.get_absolute_url()  # type: ignore[attr-defined]
    figures = {**page_cache_figures(url), **fragment_figures(question, reader, url)}
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    print(f"Page cache backend: {backend}; {ANSWERS} answers x {COMMENTS} comments; medians")
    for name, value in figures.items():
        print(f"  {name:32} {value:9.3f}")
    saved = figures["member_fragments_render_ms"] - figures.get(
        "fragments_get_many_redis_ms", figures["fragments_get_many_locmem_ms"]
    )
    share = 100 * saved / figures["member_page_ms"]
    page = figures["member_page_ms"]
    print(f"Fragment caching would save at most {saved:.2f} ms of {page:.2f} ms ({share:.0f}%)")
    out = BENCH / "results" / "pagecache.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                "machine": f"{platform.node()} {platform.machine()} {os.cpu_count()} cores",
                "page_cache_backend": backend,
                **figures,
            },
            indent=2,
        )
    )
    print(f"Wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
