"""Reading members' profiles: the facts at the top and each activity tab.

Only posts under the member's name are ever listed. A post written anonymously has no
author (the link to the member is the pseudonym, which only moderators see), and every list
here filters on the author, so the profile cannot tie a member to their anonymous posts.
Each tab is a keyset page (mindwell.qa.pagination): its queries do not grow with history.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from mindwell.accounts.models import User
from mindwell.qa.models import Post, PostKind, PostStatus
from mindwell.qa.pagination import KeysetOrder, KeysetPage, PageRequest, keyset_page
from mindwell.reputation.models import EventKind, PointsEvent
from mindwell.votes.models import Vote

RECENT = KeysetOrder("recent", ("created_at", "id"))
TAB_PAGE = 20
OVERVIEW_ITEMS = 10


def profile_member(*, username: str) -> User | None:
    return User.objects.filter(username=username, is_active=True).first()


def profile_counts(*, member: User) -> dict[str, int]:
    """The member's published questions, answers and comments (one query) and their rank
    by points (one more)."""
    counts = Post.objects.filter(author=member, status=PostStatus.PUBLISHED).aggregate(
        questions=Count("pk", filter=Q(kind=PostKind.QUESTION)),
        answers=Count("pk", filter=Q(kind=PostKind.ANSWER)),
        comments=Count("pk", filter=Q(kind=PostKind.COMMENT)),
    )
    counts["rank"] = User.objects.filter(is_active=True, points__gt=member.points).count() + 1
    return counts


def member_posts(
    *, member: User, viewer: Any, kind: str, page: PageRequest, per_page: int = TAB_PAGE
) -> KeysetPage:
    """The member's questions, answers or comments that `viewer` may read, newest first."""
    posts = (
        Post.objects.filter(kind=kind, author=member).visible_to(viewer).select_related("question")
    )
    return keyset_page(posts, order=RECENT, request=page, per_page=per_page)


def recent_posts(
    *, member: User, viewer: Any, kind: str, limit: int = OVERVIEW_ITEMS
) -> list[Post]:
    return list(
        Post.objects.filter(kind=kind, author=member)
        .visible_to(viewer)
        .select_related("question")
        .order_by("-created_at", "-id")[:limit]
    )


def votes_given(*, member: User, page: PageRequest, per_page: int = TAB_PAGE) -> KeysetPage:
    """The member's votes on posts they can still read (shown to the member alone)."""
    votes = Vote.objects.filter(
        user=member, post__in=Post.objects.visible_to(member).values("pk")
    ).select_related("post", "post__question")
    return keyset_page(votes, order=RECENT, request=page, per_page=per_page)


def points_history(
    *, member: User, viewer: Any, page: PageRequest, per_page: int = TAB_PAGE
) -> KeysetPage:
    """The member's points ledger, newest first. Each event gets `shown_post`: the post it
    is about when `viewer` may both read it and know of the member's link to it. Others see
    links only to posts the member wrote under their name; the votes a member cast, and on
    what, stay between them and the site."""
    events = PointsEvent.objects.filter(user=member).select_related("post", "post__question")
    result = keyset_page(events, order=RECENT, request=page, per_page=per_page)
    post_ids = {event.post_id for event in result.items if event.post_id is not None}
    visible = (
        set(Post.objects.visible_to(viewer).filter(pk__in=post_ids).values_list("pk", flat=True))
        if post_ids
        else set()
    )
    own_history = viewer is not None and viewer.is_authenticated and viewer.pk == member.pk
    for event in result.items:
        post = event.post
        linkable = post is not None and post.pk in visible
        if linkable and not own_history:
            linkable = event.kind != EventKind.VOTE_CAST and post.author_id == member.pk
        event.shown_post = post if linkable else None
    return result
