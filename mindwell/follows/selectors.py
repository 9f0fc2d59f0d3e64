"""Reading follows: whether a member follows something, everything they follow, and "My
updates", the activity in what they follow. Each runs a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from mindwell.follows.models import Follow, FollowTarget
from mindwell.follows.services import target_filter
from mindwell.qa.models import Post, PostKind
from mindwell.qa.pagination import PER_PAGE, KeysetPage, PageRequest
from mindwell.qa.streams import StreamSource, stream_page
from mindwell.safety.warnings import hidden_warnings_for, without_warnings
from mindwell.taxonomy.models import Category


def is_following(user: Any, target: Any) -> bool:
    if user is None or not user.is_authenticated or target is None:
        return False
    return Follow.objects.filter(user=user, **target_filter(target)).exists()


@dataclass
class Followed:
    """Everything one member follows, by kind, most recent first."""

    questions: list[Any] = field(default_factory=list)
    users: list[Any] = field(default_factory=list)
    tags: list[Any] = field(default_factory=list)
    categories: list[Any] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.questions or self.users or self.tags or self.categories)


def followed_by(user: Any) -> Followed:
    """One query. Questions that were since hidden or deleted are left out."""
    followed = Followed()
    rows = Follow.objects.filter(user=user).select_related(
        "question", "followed_user", "tag", "category"
    )
    for follow in rows:
        if follow.target_type == FollowTarget.QUESTION:
            if follow.question is not None and follow.question.status == "published":
                followed.questions.append(follow.question)
        elif follow.target_type == FollowTarget.USER:
            followed.users.append(follow.followed_user)
        elif follow.target_type == FollowTarget.TAG:
            followed.tags.append(follow.tag)
        else:
            followed.categories.append(follow.category)
    return followed


# Why an update is shown: each event of "My updates" carries one of these as its `event`.
REASONS = {
    "question": "in a question you follow",
    "user": "by someone you follow",
    "tag": "in a tag you follow",
    "category": "in a category you follow",
}


def _with_subcategories(category_ids: set[int]) -> list[int]:
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in Category.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    ids = list(category_ids)
    for pk in ids:  # grows while it is walked: breadth first
        ids.extend(child for child in children.get(pk, []) if child not in ids)
    return ids


def _sources(user: Any) -> list[StreamSource]:
    ids: dict[str, set[int]] = {kind: set() for kind in FollowTarget.values}
    rows = Follow.objects.filter(user=user).values_list(
        "target_type", "question_id", "followed_user_id", "tag_id", "category_id"
    )
    for kind, question_id, user_id, tag_id, category_id in rows:
        ids[kind].add(question_id or user_id or tag_id or category_id)
    # Published posts in published threads only, whoever is reading (moderators too): this
    # page is about content, never about what moderation is holding back.
    posts: QuerySet[Post] = without_warnings(
        Post.objects.visible_to(None), hidden_warnings_for(user)
    ).exclude(author=user)
    posts = posts.select_related("author", "question")
    sources = []
    if ids["question"]:
        replies = posts.filter(question_id__in=ids["question"]).exclude(kind=PostKind.QUESTION)
        sources.append(StreamSource(replies, "created_at", REASONS["question"]))
    if ids["user"]:
        written = posts.filter(author_id__in=ids["user"]).exclude(kind=PostKind.COMMENT)
        sources.append(StreamSource(written, "created_at", REASONS["user"]))
    if ids["tag"]:
        tagged = Post.tags.through.objects.filter(tag_id__in=ids["tag"]).values("post_id")
        in_tags = posts.filter(kind=PostKind.QUESTION, pk__in=tagged)
        sources.append(StreamSource(in_tags, "created_at", REASONS["tag"]))
    if ids["category"]:
        in_categories = posts.filter(
            kind=PostKind.QUESTION, category_id__in=_with_subcategories(ids["category"])
        )
        sources.append(StreamSource(in_categories, "created_at", REASONS["category"]))
    return sources


def updates_page(*, user: Any, page: PageRequest, per_page: int = PER_PAGE) -> KeysetPage:
    """New answers and comments in followed questions, new questions and answers by
    followed members, new questions in followed tags and categories (sub-categories
    included); newest first, the member's own posts left out. At most six queries."""
    return stream_page(_sources(user), name="updates", request=page, per_page=per_page)
