"""What a post being visible to everyone carries with it: counters and points.

A post is created published or waiting for approval; moderators later hide, reshow, delete,
restore or approve it. Each time a post enters or leaves the published state these effects
are applied or reversed together, so counters and every member's points always equal what
`mindwell recalculate_points` computes from the published content.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import F

from mindwell.badges.tasks import enqueue_badge_check
from mindwell.qa.hot import hot_refresh
from mindwell.qa.models import Post, PostKind, PostStatus
from mindwell.reputation.daily_cap import daily_cap_settle
from mindwell.reputation.models import EventKind
from mindwell.reputation.rules import current_rules
from mindwell.reputation.services import points_add
from mindwell.search.indexing import search_index_post
from mindwell.taxonomy.models import Tag
from mindwell.taxonomy.services import category_count_add
from mindwell.votes.models import Vote


def publication_effects(
    *, post: Post, publish: bool, kind: str | None = None, other: str | None = None
) -> None:
    """Apply (publish=True) or reverse the counters and points of one post. Callers hold the
    post's row lock inside a transaction and change its status themselves. `kind` names the
    ledger event (the posting event when a post is first published); `other` is the status
    the post comes from or goes to."""
    sign = 1 if publish else -1
    rules = current_rules()
    points: dict[int, int] = defaultdict(int)

    if post.kind == PostKind.QUESTION:
        category_count_add(category=post.category, delta=sign)
        tag_ids = list(post.tags.values_list("pk", flat=True))
        if tag_ids:
            Tag.objects.filter(pk__in=tag_ids).update(question_count=F("question_count") + sign)
        if post.author_id is not None:
            points[post.author_id] += sign * rules.question_posted()
        if post.best_answer_id is not None:
            _selection(post, points, sign)
    elif post.kind == PostKind.ANSWER:
        Post.objects.filter(children=post).update(answer_count=F("answer_count") + sign)
        if post.author_id is not None:
            points[post.author_id] += sign * rules.answer_posted()
    else:
        Post.objects.filter(children=post).update(comment_count=F("comment_count") + sign)

    # Under Question2Answer's rule, votes keep their points while a post is hidden.
    if not (rules.hidden_posts_keep_votes and other == PostStatus.HIDDEN):
        _vote_points(post, points, sign)

    event = kind or EventKind.MODERATION
    for user_id, delta in points.items():
        points_add(user_id=user_id, kind=event, points=delta, post_id=post.pk)
    if post.kind in (PostKind.QUESTION, PostKind.ANSWER):
        # A new question gets its score; an answer moves its question's (answer count).
        hot_refresh(question_ids=[post.question_id or post.pk])


def _vote_points(post: Post, points: dict[int, int], sign: int) -> None:
    """What a question's or answer's votes give its author and its voters."""
    if post.kind not in (PostKind.QUESTION, PostKind.ANSWER):
        return
    rules = current_rules()
    if post.author_id is not None:
        points[post.author_id] += sign * rules.votes_received(
            kind=post.kind, upvotes=post.upvotes, downvotes=post.downvotes
        )
    for voter_id, value in Vote.objects.filter(post=post).values_list("user_id", "value"):
        points[voter_id] += sign * rules.vote_cast(kind=post.kind, value=value)


def _hidden_votes_effects(*, post: Post, status: str) -> None:
    """Under Question2Answer's rule a hidden post keeps its votes' points: they go only when
    it leaves "hidden" for deleted or waiting (or come back the other way)."""
    if not current_rules().hidden_posts_keep_votes or PostStatus.PUBLISHED in (post.status, status):
        return
    if (post.status == PostStatus.HIDDEN) == (status == PostStatus.HIDDEN):
        return
    points: dict[int, int] = defaultdict(int)
    _vote_points(post, points, 1 if status == PostStatus.HIDDEN else -1)
    for user_id, delta in points.items():
        points_add(user_id=user_id, kind=EventKind.MODERATION, points=delta, post_id=post.pk)


def _selection(question: Post, points: dict[int, int], sign: int) -> None:
    """A selected answer's points count while its question is published (as the ledger's
    recomputation counts them)."""
    answerer_id = Post.objects.filter(best_for=question).values_list("author_id", flat=True).first()
    earned = current_rules().selection(asker_id=question.author_id, answerer_id=answerer_id)
    for user_id, earned_points in earned.items():
        points[user_id] += sign * earned_points


def post_set_status(*, post: Post, status: str) -> Post:
    """Move a locked post to a new status, applying or reversing its published effects."""
    was_published = post.status == PostStatus.PUBLISHED
    will_publish = status == PostStatus.PUBLISHED
    if was_published != will_publish:
        first_publication = post.status == PostStatus.QUEUED
        kind = None
        if first_publication:
            kind = {
                PostKind.QUESTION: EventKind.QUESTION_POSTED,
                PostKind.ANSWER: EventKind.ANSWER_POSTED,
            }.get(PostKind(post.kind))
        other = status if was_published else post.status
        publication_effects(post=post, publish=will_publish, kind=kind, other=other)
    _hidden_votes_effects(post=post, status=status)
    post.status = status
    post.save(update_fields=["status"])
    if was_published != will_publish:
        if post.upvotes:
            # Its upvotes join or leave its author's days under the daily limit.
            daily_cap_settle(user_id=post.author_id)
        enqueue_badge_check(post.author_id)  # an approved post may earn a badge
    # Readable or not, the search index follows (a question takes its thread with it).
    search_index_post(post.pk)
    return post
