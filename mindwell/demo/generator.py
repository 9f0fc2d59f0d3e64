"""A large, realistic forum in bulk, for benchmarks and load testing (`mindwell
generate_data`; the options are documented in bench/README.md).

Nothing goes through the per-post services (a few milliseconds a post would take hours at
a million): rows are built in memory (mindwell.demo.threads) and written with multi-row
INSERTs (mindwell.demo.bulk), a batch of questions with all their answers, comments, votes
and tags per transaction. The database is left as
the services would leave it: answer, comment, tag and category counts agree with the rows;
every vote is a Vote row and the scores are their sum; points follow the ledger rules, with
one ledger event per posting, per post's votes received, per selection, and one per voter
and batch for votes cast (so `mindwell recalculate_points --dry-run` finds nothing to
change); thread activity times, hot scores, revisions of edited posts and (unless turned
off) the search index are written too.

Distributions: answers, comments, votes and tags per post follow Zipf-like laws with the
requested means (many posts with few, a few with many); members' activity is skewed the
same way; questions are spread evenly over the last `years`, and replies follow their
question after an exponential delay. Every generated post is published and not flagged.

Ids are assigned here, in time order, so a question can point at itself and replies at
their question without a round trip; no other writer may run meanwhile.
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import accumulate

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import F, Max
from django.utils import timezone

from mindwell.demo import wordlists
from mindwell.demo.bulk import Table
from mindwell.demo.distributions import Skewed, zipf_cum
from mindwell.demo.text import TextMaker, username
from mindwell.demo.threads import Batch, ThreadWriter
from mindwell.qa.models import Post, Revision
from mindwell.reputation.models import EventKind, PointsEvent
from mindwell.reputation.rules import current_rules
from mindwell.taxonomy.models import Category, Tag
from mindwell.votes.models import Vote

Log = Callable[[str], None]


@dataclass(frozen=True)
class Options:
    questions: int
    answers_per_question: float = 3.0
    comments_per_post: float = 0.5
    users: int | None = None
    seed: int = 1
    batch: int = 5000
    years: float = 3.0
    votes_per_post: float = 1.5
    search_index: bool = True

    @property
    def user_count(self) -> int:
        return self.users or max(20, self.questions // 8)


@dataclass
class Summary:
    users: int = 0
    questions: int = 0
    answers: int = 0
    comments: int = 0
    votes: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def posts(self) -> int:
        return self.questions + self.answers + self.comments


class Generator(ThreadWriter):
    def __init__(self, options: Options, log: Log) -> None:
        self.o = options
        self.log = log
        self.rng = random.Random(options.seed)
        self.text = TextMaker(self.rng)
        self.rules = current_rules()
        self.now = timezone.now()
        self.summary = Summary()
        self.points: dict[int, int] = defaultdict(int)
        self.category_counts: dict[int, int] = defaultdict(int)
        self.tag_counts: dict[int, int] = defaultdict(int)
        # About one question in five waits for an answer; a few draw dozens.
        self.answers = Skewed(options.answers_per_question, 40, zero_share=0.2)
        self.comments = Skewed(options.comments_per_post, 20)
        self.votes = Skewed(options.votes_per_post, 60, zero_share=0.35)
        self.tags_per_question = Skewed(2.2, 5, zero_share=0.0)
        self.views = Skewed(6.0, 400)
        self._vote_points: dict[int, int] = defaultdict(int)
        self.tables = {
            "post": Table(Post),
            "tags": Table(Post.tags.through, skip=["id"]),
            "vote": Table(Vote, skip=["id"]),
            "revision": Table(Revision, skip=["id"]),
            "event": Table(PointsEvent, skip=["id"]),
        }

    # --- reference data ------------------------------------------------------------------

    def _load_taxonomy(self) -> None:
        categories = list(Category.objects.all())
        if not categories:
            raise ValueError("No categories: run `mindwell migrate` first (it seeds them).")
        by_id = {c.pk: c for c in categories}
        # Sub-categories get most questions; a few are asked in a top-level category.
        self.categories = sorted(categories, key=lambda c: (c.parent_id is None, c.pk))
        weights = [1.0 if c.parent_id else 0.3 for c in self.categories]
        self.rng.shuffle(weights)  # popularity not tied to the seeded order
        self.category_cum = list(accumulate(weights))
        self.ancestors = {c.pk: [c.pk, *(a.pk for a in self._chain(c, by_id))] for c in categories}
        self.no_question_downvotes = {c.pk for c in categories if not c.question_downvotes}
        Tag.objects.bulk_create(
            [Tag(name=name) for name in wordlists.TAGS], ignore_conflicts=True, batch_size=500
        )
        names = dict(Tag.objects.filter(name__in=wordlists.TAGS).values_list("name", "pk"))
        self.tag_ids = [names[name] for name in wordlists.TAGS]
        self.tag_cum = zipf_cum(len(self.tag_ids), 0.9)

    @staticmethod
    def _chain(category: Category, by_id: dict[int, Category]) -> list[Category]:
        chain: list[Category] = []
        node = category
        while node.parent_id is not None and len(chain) < 10:
            node = by_id[node.parent_id]
            chain.append(node)
        return chain

    def _create_users(self) -> None:
        User = get_user_model()
        count = self.o.user_count
        start = (User.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        password = make_password(None)  # unusable: nobody logs in as these
        base = self.rules.base
        joined_span = self.o.years * 365 * 86400
        rows = []
        for n in range(count):
            pk = start + n
            name = username(self.rng, pk)
            rows.append(
                User(
                    pk=pk,
                    username=name,
                    email=f"{name}@example.invalid",
                    password=password,
                    points=base,
                    date_joined=self.now - timedelta(seconds=self.rng.random() * joined_span),
                )
            )
        User.objects.bulk_create(rows, batch_size=self.o.batch)
        self.user_ids = [start + n for n in range(count)]
        self.user_cum = zipf_cum(count, 0.8)
        self.summary.users = count

    # --- batches -------------------------------------------------------------------------

    def _batch(self, first_id: int, first_index: int, size: int, span: float) -> int:
        """Write questions first_index .. first_index + size - 1 with their threads, in one
        transaction; returns the next free id."""
        out = Batch()
        start = self.now - timedelta(seconds=span)
        step = span / max(1, self.o.questions)
        pk = first_id
        for index in range(first_index, first_index + size):
            asked = start + timedelta(seconds=(index + self.rng.random()) * step)
            pk = self._thread(pk, asked, out)
        for user_id, points in self._vote_points.items():
            if points:
                out.events.append(self._ledger_row(user_id, EventKind.VOTE_CAST, points, None))
        self._vote_points.clear()
        self.summary.votes += len(out.votes)
        with transaction.atomic():
            self.tables["post"].insert(out.posts)
            self.tables["tags"].insert(out.tags)
            self.tables["vote"].insert(out.votes)
            self.tables["revision"].insert(out.revisions)
            self.tables["event"].insert(out.events)
        return pk

    # --- totals ---------------------------------------------------------------------------

    def _write_totals(self) -> None:
        User = get_user_model()
        base = self.rules.base
        changed = [User(pk=pk, points=base + total) for pk, total in self.points.items()]
        User.objects.bulk_update(changed, ["points"], batch_size=self.o.batch)
        for pk, count in self.category_counts.items():
            Category.objects.filter(pk=pk).update(question_count=F("question_count") + count)
        for pk, count in self.tag_counts.items():
            Tag.objects.filter(pk=pk).update(question_count=F("question_count") + count)
        if connection.vendor == "postgresql":
            # Ids were chosen here: move the sequences past them.
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), [Post, User]):
                    cursor.execute(sql)

    def run(self) -> Summary:
        began = time.monotonic()
        self._load_taxonomy()
        self._timed("members", self._create_users)
        self.log(f"  {self.summary.users:,} members")
        span = self.o.years * 365 * 86400
        next_id = (Post.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        posting = time.monotonic()
        for first in range(0, self.o.questions, self.o.batch):
            size = min(self.o.batch, self.o.questions - first)
            next_id = self._batch(next_id, first, size, span)
            rate = self.summary.posts / max(1e-6, time.monotonic() - posting)
            self.log(
                f"  {first + size:,}/{self.o.questions:,} questions, "
                f"{self.summary.posts:,} posts, {self.summary.votes:,} votes "
                f"({rate:,.0f} posts/s)"
            )
        self.summary.timings["posts"] = time.monotonic() - posting
        self._timed("totals", self._write_totals)
        if self.rules.votes_received_daily_cap:
            # A daily limit on votes received depends on every vote's day: let the ledger's
            # own recomputation write those events rather than repeat its rules here.
            from mindwell.reputation.recalculation import points_recalculate

            self._timed("points", lambda: self.log(points_recalculate().summary()))
        self._timed("analyze", self._analyze)
        if self.o.search_index:
            self._timed("search index", self._search_index)
        self.summary.seconds = time.monotonic() - began
        return self.summary

    def _timed(self, name: str, step: Callable[[], None]) -> None:
        began = time.monotonic()
        step()
        self.summary.timings[name] = time.monotonic() - began

    def _analyze(self) -> None:
        """Fresh planner statistics, so the first queries on the new data plan well."""
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def _search_index(self) -> None:
        from mindwell.search.indexing import search_index_rebuild

        def progress(done: int, total: int) -> None:
            self.log(f"  search index: {done:,}/{total:,} posts")

        search_index_rebuild(progress=progress)


def generate(options: Options, *, log: Log = print) -> Summary:
    if options.questions < 1:
        raise ValueError("Generate at least one question.")
    return Generator(options, log).run()
