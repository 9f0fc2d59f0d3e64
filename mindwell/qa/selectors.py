"""Reading questions and threads. Each function runs a fixed number of queries, whatever the
size of the thread or list."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import F, FloatField, Func, Prefetch, QuerySet, Value
from django.db.models.functions import Greatest, Ln

from mindwell.qa.models import Post, PostKind, Revision
from mindwell.safety.selectors import exclude_crisis
from mindwell.safety.warnings import without_warnings
from mindwell.taxonomy.models import Category, Tag
from mindwell.votes.models import Vote

SORTS = {
    "recent": ("-created_at",),
    "active": ("-activity_at",),
    "votes": ("-score", "-created_at"),
    "answers": ("-answer_count", "-created_at"),
    "views": ("-view_count", "-created_at"),
    "unanswered": ("-created_at",),
    "hot": ("-hot", "-created_at"),
}

# "Hot": a question's activity on a log scale, plus how recently it was asked, so interest
# decays with age (the form Reddit made familiar):
#
#     hot = ln(max(1, 1 + 3·answers + 2·score + views/10)) + (asked − 2023-11-14) / 19,543 s
#
# 19,543 s is 45,000 s / ln 10: a question asked 12.5 hours later needs ten times less
# activity to rank the same. Answers weigh most (people helping), views least (cheap). The
# age term needs no "now", so the order is stable between page loads and computable in the
# database on SQLite and PostgreSQL alike.
HOT_EPOCH = 1_700_000_000
HOT_SECONDS_PER_E = 45_000 / 2.302585092994046


class EpochSeconds(Func):
    """Seconds since 1970 of a datetime column."""

    template = "EXTRACT(EPOCH FROM %(expressions)s)"
    output_field = FloatField()

    def as_sqlite(self, compiler, connection, **extra_context):  # type: ignore[no-untyped-def]
        # Django stores UTC datetimes as text; julianday reads them, fractions included.
        template = "((julianday(%(expressions)s) - 2440587.5) * 86400.0)"
        return self.as_sql(compiler, connection, template=template, **extra_context)


def hot_score() -> Func:
    activity = Greatest(
        Value(1.0),
        Value(1.0) + 3 * F("answer_count") + 2 * F("score") + F("view_count") / Value(10.0),
        output_field=FloatField(),
    )
    age = (EpochSeconds("created_at") - Value(float(HOT_EPOCH))) / Value(HOT_SECONDS_PER_E)
    return Ln(activity) + age  # type: ignore[return-value]


def question_list(
    *,
    viewer: Any,
    sort: str = "recent",
    category: Category | None = None,
    tag: Tag | None = None,
    author: Any = None,
    hide_warnings: Iterable[str] = (),
) -> QuerySet[Post]:
    """`hide_warnings`: content warnings the viewer chose to keep out of lists."""
    questions = without_warnings(Post.objects.questions().visible_to(viewer), hide_warnings)
    if category is not None:
        questions = questions.filter(category_id__in=category.descendant_ids())
    if tag is not None:
        questions = questions.filter(tags=tag)
    if author is not None:
        questions = questions.filter(author=author)
    if sort == "unanswered":
        questions = questions.filter(answer_count=0)
    if sort == "hot":
        # A thread where someone may be in crisis is never promoted.
        questions = exclude_crisis(questions).annotate(hot=hot_score())
    return (
        questions.select_related("author", "category")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name")))
        .order_by(*SORTS.get(sort, SORTS["recent"]))
    )


@dataclass
class Thread:
    question: Post
    answers: list[Post]
    comments: dict[int, list[Post]] = field(default_factory=dict)
    viewer_votes: dict[int, int] = field(default_factory=dict)


def question_thread(*, question_id: int, viewer: Any) -> Thread | None:
    """A question with its answers (best first, then by votes) and every comment, in four
    queries plus one for the viewer's votes."""
    visible = Post.objects.visible_to(viewer)
    question = (
        visible.questions()
        .select_related("author", "edited_by", "category__parent", "asked_from__question")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name")))
        .filter(pk=question_id)
        .first()
    )
    if question is None:
        return None
    replies = list(
        visible.filter(question_id=question.pk)
        .exclude(pk=question.pk)
        .select_related("author", "edited_by")
        .order_by("created_at", "pk")
    )
    answers = [post for post in replies if post.kind == PostKind.ANSWER]
    answers.sort(key=lambda a: (a.pk != question.best_answer_id, -a.score, a.created_at))
    comments: dict[int, list[Post]] = defaultdict(list)
    for post in replies:
        if post.kind == PostKind.COMMENT:
            comments[post.parent_id].append(post)  # type: ignore[index]
    viewer_votes: dict[int, int] = {}
    if viewer is not None and viewer.is_authenticated:
        viewer_votes = dict(
            Vote.objects.filter(
                user=viewer, post_id__in=[question.pk, *(a.pk for a in answers)]
            ).values_list("post_id", "value")
        )
    return Thread(
        question=question, answers=answers, comments=dict(comments), viewer_votes=viewer_votes
    )


def post_revisions(*, post: Post) -> QuerySet[Revision]:
    return post.revisions.select_related("editor").order_by("created_at", "pk")
