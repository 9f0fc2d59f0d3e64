"""Reading questions and threads. Each function runs a fixed number of queries, whatever the
size of the thread or list."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet

from mindwell.qa.models import Post, PostKind, Revision
from mindwell.taxonomy.models import Category, Tag
from mindwell.votes.models import Vote

SORTS = {
    "recent": ("-created_at",),
    "active": ("-activity_at",),
    "votes": ("-score", "-created_at"),
    "answers": ("-answer_count", "-created_at"),
    "views": ("-view_count", "-created_at"),
    "unanswered": ("-created_at",),
}


def question_list(
    *,
    viewer: Any,
    sort: str = "recent",
    category: Category | None = None,
    tag: Tag | None = None,
    author: Any = None,
) -> QuerySet[Post]:
    questions = Post.objects.questions().visible_to(viewer)
    if category is not None:
        questions = questions.filter(category_id__in=category.descendant_ids())
    if tag is not None:
        questions = questions.filter(tags=tag)
    if author is not None:
        questions = questions.filter(author=author)
    if sort == "unanswered":
        questions = questions.filter(answer_count=0)
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
