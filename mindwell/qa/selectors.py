"""Reading questions and threads. Each function runs a fixed number of queries, whatever the
size of the thread or list."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy

from mindwell.qa.models import Post, PostKind, PostStatus, Revision
from mindwell.qa.pagination import PER_PAGE, KeysetOrder, KeysetPage, PageRequest, keyset_page
from mindwell.qa.streams import StreamSource, stream_page
from mindwell.safety.selectors import exclude_crisis
from mindwell.safety.warnings import without_warnings
from mindwell.taxonomy.models import Category, Tag
from mindwell.votes.models import Vote

# Every list is read with keyset pagination (mindwell.qa.pagination); each order ends in
# the id and matches one of the post_list_* indexes, so any page is an index range scan.
SORTS: dict[str, KeysetOrder] = {
    "recent": KeysetOrder("recent", ("created_at", "id")),
    "hot": KeysetOrder("hot", ("hot_score", "id")),
    "active": KeysetOrder("active", ("activity_at", "id")),
    "votes": KeysetOrder("votes", ("score", "created_at", "id")),
    "answers": KeysetOrder("answers", ("answer_count", "created_at", "id")),
    "views": KeysetOrder("views", ("view_count", "created_at", "id")),
    "unanswered": KeysetOrder("unanswered", ("created_at", "id")),
}

# The three unanswered lists of Question2Answer. Closed questions take no answers, so they
# are in none of them.
UNANSWERED_KINDS = {
    "no-answer": gettext_lazy("No answer"),
    "no-best": gettext_lazy("No best answer"),
    "no-upvoted": gettext_lazy("No upvoted answer"),
}

# A tag or category with fewer questions than this is read from its own rows and sorted;
# a bigger one is read in the list's index order, skipping other questions, which stays
# cheap because it matches often. Sorting costs about ten times more a row than skipping,
# so the two cost the same near sqrt(2 × questions): 500 fits sites up to a million posts
# (bench/lists_bench.py measures both sides).
SMALL_FILTER = 500


def _visible_questions(viewer: Any) -> QuerySet[Post]:
    """PostQuerySet.visible_to for questions alone: a question is its own thread root, so
    this needs no join to it (the same rows, a cheaper query)."""
    questions = Post.objects.questions()
    if viewer is not None and viewer.is_authenticated and viewer.is_staff:
        return questions.exclude(status=PostStatus.DELETED)
    if viewer is not None and viewer.is_authenticated:
        # "Own" includes what they asked anonymously, under their pseudonym.
        own = Q(author=viewer) | Q(pseudonym__user=viewer)
        return questions.filter(Q(status=PostStatus.PUBLISHED) | Q(own, status=PostStatus.QUEUED))
    return questions.filter(status=PostStatus.PUBLISHED)


def _in_tag(questions: QuerySet[Post], tag: Tag) -> QuerySet[Post]:
    tagged = Post.tags.through.objects.filter(tag_id=tag.pk)
    if tag.question_count < SMALL_FILTER:
        # The ids first, as a list: given a subquery, PostgreSQL prefers walking the whole
        # date index to find a rare tag's questions (40 ms at a million posts, against 2).
        return questions.filter(pk__in=list(tagged.values_list("post_id", flat=True)))
    return questions.filter(Exists(tagged.filter(post_id=OuterRef("pk"))))


def _in_category(questions: QuerySet[Post], category: Category) -> QuerySet[Post]:
    """Sub-categories included (a category's count includes theirs)."""
    ids = category.descendant_ids()
    if category.question_count < SMALL_FILTER:
        return questions.filter(category_id__in=ids)
    # "+ 0" keeps the planners off the category index for a big category (SQLite takes it
    # when it can, then sorts every question there on every page).
    return questions.alias(category_key=F("category_id") + 0).filter(category_key__in=ids)


def _unanswered(questions: QuerySet[Post], kind: str) -> QuerySet[Post]:
    questions = questions.filter(closed_at__isnull=True)
    if kind == "no-best":
        # Written so no index on best_answer can serve it: most questions match, and
        # reading them in the list's index order beats collecting every match to sort.
        return questions.annotate(best=Coalesce("best_answer_id", 0)).filter(best=0)
    if kind == "no-upvoted":
        upvoted = Post.objects.answers().published().filter(question=OuterRef("pk"), score__gt=0)
        return questions.exclude(Exists(upvoted))
    return questions.filter(answer_count=0)


def question_list(
    *,
    viewer: Any,
    sort: str = "recent",
    category: Category | None = None,
    tag: Tag | None = None,
    author: Any = None,
    hide_warnings: Iterable[str] = (),
    unanswered: str = "no-answer",
) -> QuerySet[Post]:
    """The questions `viewer` may see, in the order of SORTS[sort]. `hide_warnings`:
    content warnings the viewer chose to keep out of lists; `unanswered`: which of
    UNANSWERED_KINDS the "unanswered" sort lists."""
    order = SORTS.get(sort, SORTS["recent"])
    questions = without_warnings(_visible_questions(viewer), hide_warnings)
    if category is not None:
        questions = _in_category(questions, category)
    if tag is not None:
        questions = _in_tag(questions, tag)
    if author is not None:
        questions = questions.filter(author=author)
    if order.name == "unanswered":
        questions = _unanswered(questions, unanswered)
    if order.name == "hot":
        # A thread where someone may be in crisis is never promoted.
        questions = exclude_crisis(questions)
    return (
        questions.select_related("author", "category")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name")))
        .order_by(*order.order_by())
    )


def question_page(
    *,
    viewer: Any,
    page: PageRequest,
    sort: str = "recent",
    category: Category | None = None,
    tag: Tag | None = None,
    hide_warnings: Iterable[str] = (),
    unanswered: str = "no-answer",
    per_page: int = PER_PAGE,
) -> KeysetPage:
    """One page of question_list: two queries (the questions, then their tags; a small tag
    adds one for its ids). List rows show no text, so it is left unread."""
    questions = question_list(
        viewer=viewer,
        sort=sort,
        category=category,
        tag=tag,
        hide_warnings=hide_warnings,
        unanswered=unanswered,
    ).defer("body", "body_html")
    order = SORTS.get(sort, SORTS["recent"])
    return keyset_page(questions, order=order, request=page, per_page=per_page)


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
        .select_related(
            "author__professional_status",  # the professional badge, without a query per name
            "edited_by",
            "category__parent",
            "asked_from__question",
            "pseudonym__user",  # who wrote it anonymously, for moderators' eyes only
        )
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name")))
        .filter(pk=question_id)
        .first()
    )
    if question is None:
        return None
    replies = list(
        visible.filter(question_id=question.pk)
        .exclude(pk=question.pk)
        .select_related("author__professional_status", "edited_by", "pseudonym__user")
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


def activity_page(
    *,
    viewer: Any,
    page: PageRequest,
    category: Category | None = None,
    tag: Tag | None = None,
    hide_warnings: Iterable[str] = (),
    per_page: int = PER_PAGE,
) -> KeysetPage:
    """The activity stream: every visible question, answer and comment as it was posted,
    and again when it was last edited, newest first. Two queries, whatever the page."""
    posts = without_warnings(Post.objects.visible_to(viewer), hide_warnings)
    if category is not None:
        posts = posts.filter(question__category_id__in=category.descendant_ids())
    if tag is not None:
        tagged = Post.tags.through.objects.filter(post_id=OuterRef("question_id"), tag_id=tag.pk)
        posts = posts.filter(Exists(tagged))
    posts = posts.select_related("author", "edited_by", "question")
    sources = [
        StreamSource(posts, "created_at", "posted", rank=0),
        StreamSource(posts.filter(edited_at__isnull=False), "edited_at", "edited", rank=1),
    ]
    return stream_page(sources, name="activity", request=page, per_page=per_page)
