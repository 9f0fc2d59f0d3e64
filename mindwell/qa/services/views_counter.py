"""Counting question views without a database write per page view.

A view is counted in the cache (Django's cache API only, so it works on locmem in one
process and on Redis across many) and written to `Post.view_count` in batches by
`flush_view_counts`: by the `mindwell flush_view_counts` command (cron), and automatically
every MINDWELL_VIEW_FLUSH_SECONDS (default 60; 0 turns it off) by the first question
page request after the interval, once its response has been sent, so no visitor waits for
it. A lock (cache.add) lets one flusher run at a time; the others skip.

Not counted: crawlers and scripts (BOT_PATTERNS, matched in the User-Agent; no User-Agent
at all counts as a script), the question's author (their account, or for a question asked
without one the address it was asked from), and the same visitor again within
REPEAT_SECONDS. A visitor is a member's id or a keyed hash of address and browser; that
hash lives in the cache for REPEAT_SECONDS and nowhere else.

Pages show the stored count: at most one interval behind, and the same on every page.

Buffer layout. Writers use the current generation g (`views:gen`): the counter
`views:g:q:<id>` (incr), and the first view of a question in g also appends its id to
g's list (`views:g:len`, `views:g:id:<n>`). A flush closes g by moving `views:gen` on, reads
g's counters and the previous generation's once more (a writer that read the generation
number just before it moved may land a moment later), writes the sums, then takes exactly
what it wrote off each counter (decr), so a view counted meanwhile is kept for next time.
"""

from __future__ import annotations

import logging
import re
import time
from collections import defaultdict
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils.crypto import salted_hmac

from mindwell.core.ratelimit import client_ip
from mindwell.qa.hot import hot_refresh
from mindwell.qa.models import Post, PostKind

logger = logging.getLogger(__name__)

# Substrings of User-Agent headers sent by search engines, link previewers, monitors,
# AI crawlers, feed readers and HTTP libraries (matched case-insensitively). "bot",
# "crawl", "spider" and "slurp" alone catch most; the rest name the common ones that
# don't say so.
BOT_PATTERNS = (
    "bot",
    "crawl",
    "spider",
    "slurp",
    "archiver",
    "facebookexternalhit",
    "meta-externalagent",
    "embedly",
    "preview",
    "mediapartners",
    "feedfetcher",
    "lighthouse",
    "pingdom",
    "uptime",
    "monitor",
    "headless",
    "phantomjs",
    "python-requests",
    "python-urllib",
    "httpx",
    "aiohttp",
    "scrapy",
    "curl/",
    "wget/",
    "libwww",
    "httpclient",
    "okhttp",
    "go-http-client",
    "java/",
    "node-fetch",
    "axios/",
    "whatsapp",
    "yandex",
    "baiduspider",
    "semrush",
    "ahrefs",
    "bytespider",
    "gptbot",
    "ccbot",
    "perplexity",
)
_BOTS = re.compile("|".join(re.escape(pattern) for pattern in BOT_PATTERNS), re.IGNORECASE)

REPEAT_SECONDS = 30 * 60
# Views not flushed within this long are dropped (the cache forgets them).
BUFFER_SECONDS = 2 * 24 * 3600
LOCK_SECONDS = 300
BATCH = 500

GEN_KEY = "views:gen"
DONE_KEY = "views:done"  # the generation the last flush closed
LAST_FLUSH_KEY = "views:last-flush"
LOCK_KEY = "views:flush-lock"


def flush_interval() -> int:
    return int(getattr(settings, "MINDWELL_VIEW_FLUSH_SECONDS", 60))


def is_bot(user_agent: str) -> bool:
    return not user_agent.strip() or _BOTS.search(user_agent) is not None


@dataclass(frozen=True)
class Visitor:
    user_id: int | None
    ip: str
    user_agent: str

    @classmethod
    def from_request(cls, request: Any) -> Visitor:
        user = getattr(request, "user", None)
        return cls(
            user_id=user.pk if user is not None and user.is_authenticated else None,
            ip=client_ip(request),
            user_agent=request.META.get("HTTP_USER_AGENT", "")[:512],
        )

    def key(self) -> str:
        if self.user_id is not None:
            return f"u{self.user_id}"
        # Keyed, so the cache never holds anything an address could be recovered from.
        return salted_hmac("mindwell.views", f"{self.ip}|{self.user_agent}").hexdigest()[:32]


def _generation() -> int:
    gen = cache.get(GEN_KEY)
    if gen is None:
        cache.add(GEN_KEY, 1, timeout=None)
        gen = cache.get(GEN_KEY, 1)
    return int(gen)


def _incr(key: str, delta: int = 1) -> int:
    try:
        return int(cache.incr(key, delta))
    except ValueError:  # missing (expired or never set)
        if cache.add(key, delta, timeout=BUFFER_SECONDS):
            return delta
        return int(cache.incr(key, delta))


def view_record(*, question: Post, visitor: Visitor) -> bool:
    """Count one view of `question` in the buffer; False when it does not count."""
    if question.kind != PostKind.QUESTION or is_bot(visitor.user_agent):
        return False
    if question.author_id is not None and question.author_id == visitor.user_id:
        return False
    if question.author_id is None and question.author_ip and question.author_ip == visitor.ip:
        return False
    seen = f"views:seen:{question.pk}:{visitor.key()}"
    if not cache.add(seen, 1, timeout=REPEAT_SECONDS):
        return False
    gen = _generation()
    counter = f"views:{gen}:q:{question.pk}"
    if cache.add(counter, 1, timeout=BUFFER_SECONDS):
        slot = _incr(f"views:{gen}:len")
        cache.set(f"views:{gen}:id:{slot}", question.pk, timeout=BUFFER_SECONDS)
    else:
        _incr(counter)
    return True


def pending_views() -> dict[int, int]:
    """Views counted but not yet written, by question (for tests and the command)."""
    gen = _generation()
    done = int(cache.get(DONE_KEY, gen - 1))
    totals: dict[int, int] = defaultdict(int)
    for g in range(max(done, 1), gen + 1):
        for pk, (_key, count) in _read_generation(g).items():
            totals[pk] += count
    return dict(totals)


def _read_generation(gen: int) -> dict[int, tuple[str, int]]:
    """{question id: (counter key, count)} for the questions viewed in `gen`."""
    length = int(cache.get(f"views:{gen}:len", 0))
    found: dict[int, tuple[str, int]] = {}
    for start in range(1, length + 1, 1000):
        slots = [f"views:{gen}:id:{n}" for n in range(start, min(start + 1000, length + 1))]
        ids = [int(pk) for pk in cache.get_many(slots).values()]
        counters = {f"views:{gen}:q:{pk}": pk for pk in ids}
        for key, count in cache.get_many(list(counters)).items():
            if int(count) > 0:
                found[counters[key]] = (key, int(count))
    return found


def _forget(gen: int) -> None:
    length = int(cache.get(f"views:{gen}:len", 0))
    for start in range(1, length + 1, 1000):
        slots = [f"views:{gen}:id:{n}" for n in range(start, min(start + 1000, length + 1))]
        ids = list(cache.get_many(slots).values())
        cache.delete_many(slots + [f"views:{gen}:q:{pk}" for pk in ids])
    cache.delete(f"views:{gen}:len")


@dataclass(frozen=True)
class FlushResult:
    questions: int
    views: int


def _write(totals: dict[int, int]) -> None:
    """Add the views to the stored counts (one UPDATE per batch and distinct count, which
    is few: most questions get one or two views between flushes) and move their hot
    scores."""
    by_count: dict[int, list[int]] = defaultdict(list)
    for pk, count in totals.items():
        by_count[count].append(pk)
    with transaction.atomic():
        for count, ids in by_count.items():
            for start in range(0, len(ids), BATCH):
                batch = ids[start : start + BATCH]
                Post.objects.filter(pk__in=batch).update(view_count=F("view_count") + count)
        ids = sorted(totals)
        for start in range(0, len(ids), BATCH):
            hot_refresh(question_ids=ids[start : start + BATCH])


def flush_view_counts() -> FlushResult | None:
    """Write the buffered views to the database; None when another flush is running."""
    if not cache.add(LOCK_KEY, 1, timeout=LOCK_SECONDS):
        return None
    try:
        gen = _generation()
        _incr(GEN_KEY)  # writers move on to gen + 1
        previous = int(cache.get(DONE_KEY, gen - 1))
        counters: list[tuple[str, int]] = []
        totals: dict[int, int] = defaultdict(int)
        for g in range(max(previous, 1), gen + 1):
            for pk, (key, count) in _read_generation(g).items():
                totals[pk] += count
                counters.append((key, count))
        if totals:
            _write(totals)
        for key, count in counters:  # only once the counts are safely stored
            with suppress(ValueError):  # expired meanwhile: nothing left to take off
                cache.decr(key, count)
        if previous < gen and previous >= 1:
            _forget(previous)  # read twice now: nothing more can land there
        cache.set(DONE_KEY, gen, timeout=None)
        cache.set(LAST_FLUSH_KEY, time.time(), timeout=None)
        return FlushResult(questions=len(totals), views=sum(totals.values()))
    finally:
        cache.delete(LOCK_KEY)


def flush_due() -> bool:
    """Whether the automatic flush should run now. The first call only starts the clock."""
    interval = flush_interval()
    if interval <= 0:
        return False
    last = cache.get(LAST_FLUSH_KEY)
    if last is None:
        cache.add(LAST_FLUSH_KEY, time.time(), timeout=None)
        return False
    return time.time() - float(last) >= interval


def _flush_quietly() -> None:
    # Runs after the response: an error here has nobody to show it to but the log, and
    # the views stay buffered for the next flush.
    try:
        flush_view_counts()
    except Exception:
        logger.exception("Flushing buffered question views failed")


def flush_after_response(response: Any) -> None:
    """Run a due flush once `response` has been sent (its close(), which WSGI servers call
    after the last byte), so the visitor never waits for it."""
    if flush_due():
        # Django's own hook for work at close(); there is no public way to add to it.
        response._resource_closers.append(_flush_quietly)
