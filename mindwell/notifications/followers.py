"""Telling followers about a published post, in the background.

A question in a popular tag may concern thousands of followers, so this runs as a task
after the commit instead of inside the request. The task reads the post again: if it was
hidden in the meantime nobody is told (its reshowing or approval enqueues this again), and
a repeated run writes nothing twice, since the dedupe keys are those of the post's direct
notifications (`post:<id>`): someone told as the asker is not told again as a follower.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db import transaction
from django_tasks import task

from mindwell.core.tasks import DEFAULT_QUEUE
from mindwell.follows.models import Follow
from mindwell.notifications.audience import (
    Audience,
    audience_for,
    blockable_actor,
    readers_among,
    writer_of,
)
from mindwell.notifications.models import EventType
from mindwell.notifications.services import notify
from mindwell.qa.models import Post, PostKind
from mindwell.taxonomy.models import Category


@task(queue_name=DEFAULT_QUEUE)
def followers_notify(post_id: int) -> int:
    """Notify the followers of the post's question, writer, tags and category; returns how
    many notifications were written."""
    post = Post.objects.visible_to(None).select_related("author").filter(pk=post_id).first()
    if post is None:
        return 0
    with transaction.atomic():
        return _Fanout(post).run()


class _Fanout:
    def __init__(self, post: Post) -> None:
        self.post = post
        question = post if post.kind == PostKind.QUESTION else post.question
        assert question is not None  # every answer and comment belongs to a question
        self.question: Post = question
        self.writer = writer_of(post)
        self.audience: Audience = audience_for(self.writer)
        self.warnings = {post.content_warning, self.question.content_warning} - {""}
        self.written = 0

    def run(self) -> int:
        if self.post.kind != PostKind.QUESTION:
            self.question_followers()
        if self.post.kind != PostKind.COMMENT and self.writer.shown_user is not None:
            self.writer_followers()
        if self.post.kind == PostKind.QUESTION:
            self.tag_followers()
            self.category_followers()
        return self.written

    def send(self, event: EventType, user_ids: list[int], group: str, **extra: Any) -> None:
        readers = readers_among(
            self.audience.take(user_ids),
            self.post,
            actor_id=blockable_actor(self.writer),
            hidden_warnings=self.warnings,
        )
        actor = self.writer.shown_user
        self.written += len(
            notify(
                event_type=event,
                key=f"post:{self.post.pk}",
                group_key=f"{event}:{group}",
                user_ids=readers,
                post=self.post,
                question=self.question,
                actor=actor,
                actor_name="" if actor is not None else self.writer.name,
                **extra,
            )
        )

    def question_followers(self) -> None:
        followers = Follow.objects.filter(question_id=self.question.pk).values_list(
            "user_id", flat=True
        )
        self.send(EventType.FOLLOWED_QUESTION, list(followers), str(self.question.pk))

    def writer_followers(self) -> None:
        """Only for signed posts: a pseudonymous post must not reach the member's followers,
        which would tell them who wrote it."""
        author_id = self.post.author_id
        followers = Follow.objects.filter(followed_user_id=author_id).values_list(
            "user_id", flat=True
        )
        self.send(EventType.FOLLOWED_USER, list(followers), str(author_id))

    def tag_followers(self) -> None:
        tags = {tag.pk: tag for tag in self.post.tags.all()}
        by_tag: dict[int, list[int]] = defaultdict(list)
        rows = Follow.objects.filter(tag_id__in=list(tags)).values_list("tag_id", "user_id")
        for tag_id, user_id in rows.order_by("tag_id", "pk"):
            by_tag[tag_id].append(user_id)
        for tag_id, user_ids in by_tag.items():
            name = tags[tag_id].name
            self.send(EventType.FOLLOWED_TAG, user_ids, str(tag_id), data={"tag": name})

    def category_followers(self) -> None:
        """Following a category includes its sub-categories, as "My updates" has it: the
        post's category and every one above it count, nearest first."""
        if self.post.category_id is None:
            return
        categories = {c.pk: c for c in Category.objects.only("pk", "name", "slug", "parent_id")}
        chain: list[int] = []
        node: int | None = self.post.category_id
        while node is not None and node in categories and node not in chain:
            chain.append(node)
            node = categories[node].parent_id
        by_category: dict[int, list[int]] = defaultdict(list)
        for category_id, user_id in Follow.objects.filter(category_id__in=chain).values_list(
            "category_id", "user_id"
        ):
            by_category[category_id].append(user_id)
        for category_id in chain:
            if by_category.get(category_id):
                category = categories[category_id]
                data = {"category": category.name, "category_slug": category.slug}
                self.send(
                    EventType.FOLLOWED_CATEGORY,
                    by_category[category_id],
                    str(category_id),
                    data=data,
                )
