"""Points that follow a post's writer, for when the writer changes: a claimed post moves
to its member, a deleted member's posts lose theirs.

What a post is worth to whom mirrors mindwell.reputation.selectors.expected_points (the
recomputation the ledger must always agree with): a published question or answer gives its
author the posting points and its capped vote points; a best answer of a published question
gives its author the selection and the asker the selecting points, when both are different
people. Voters' points do not depend on who wrote the post, so they never move here.
"""

from __future__ import annotations

from collections import defaultdict

from mindwell.qa.models import Post, PostKind, PostStatus
from mindwell.reputation.daily_cap import daily_cap_settle
from mindwell.reputation.models import EventKind
from mindwell.reputation.rules import current_rules
from mindwell.reputation.services import points_add

Key = tuple[int, str]  # (user id, ledger event kind)


def writer_points(post: Post, author_id: int | None) -> dict[Key, int]:
    """Who gets which points from `post` if `author_id` wrote it (None: nobody's)."""
    rules = current_rules()
    points: dict[Key, int] = defaultdict(int)
    published = post.status == PostStatus.PUBLISHED
    is_question = post.kind == PostKind.QUESTION
    if post.kind in (PostKind.QUESTION, PostKind.ANSWER) and published and author_id is not None:
        posted = EventKind.QUESTION_POSTED if is_question else EventKind.ANSWER_POSTED
        voted = EventKind.QUESTION_VOTED if is_question else EventKind.ANSWER_VOTED
        points[(author_id, posted)] += (
            rules.question_posted() if is_question else rules.answer_posted()
        )
        points[(author_id, voted)] += rules.votes_received(
            kind=post.kind, upvotes=post.upvotes, downvotes=post.downvotes
        )
    elif (
        post.kind in (PostKind.QUESTION, PostKind.ANSWER)
        and author_id is not None
        and rules.hidden_posts_keep_votes
        and post.status == PostStatus.HIDDEN
    ):
        # Question2Answer's rule: a hidden post still gives its writer its votes' points.
        voted = EventKind.QUESTION_VOTED if is_question else EventKind.ANSWER_VOTED
        points[(author_id, voted)] += rules.votes_received(
            kind=post.kind, upvotes=post.upvotes, downvotes=post.downvotes
        )
    if is_question and published and post.best_answer_id is not None:
        answerer_id = (
            Post.objects.filter(pk=post.best_answer_id).values_list("author_id", flat=True).first()
        )
        _selection(points, asker_id=author_id, answerer_id=answerer_id)
    if post.kind == PostKind.ANSWER:
        asked = Post.objects.filter(best_answer=post, status=PostStatus.PUBLISHED).values(
            "author_id"
        )
        for row in asked:
            _selection(points, asker_id=row["author_id"], answerer_id=author_id)
    return points


def _selection(points: dict[Key, int], *, asker_id: int | None, answerer_id: int | None) -> None:
    earned = current_rules().selection(asker_id=asker_id, answerer_id=answerer_id)
    for user_id, value in earned.items():
        kind = EventKind.SELECTED_ANSWER if user_id == asker_id else EventKind.ANSWER_SELECTED
        points[(user_id, kind)] += value


def writer_change_points(
    *, post: Post, before: dict[Key, int], author_id: int | None, skip_user_id: int | None = None
) -> None:
    """Write the ledger difference between `before` (writer_points under the old writer,
    taken before the change) and the post now written by `author_id`. `skip_user_id`: a
    member whose points no longer matter (their account is being deleted)."""
    after = writer_points(post, author_id)
    for key in sorted(set(before) | set(after)):
        user_id, kind = key
        delta = after.get(key, 0) - before.get(key, 0)
        if delta and user_id != skip_user_id:
            points_add(user_id=user_id, kind=kind, points=delta, post_id=post.pk)
    if author_id is not None and author_id != skip_user_id:
        daily_cap_settle(user_id=author_id)
