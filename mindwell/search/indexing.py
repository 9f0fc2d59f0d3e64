"""Keeping the search index current.

Every write path that changes what is indexed calls `search_index_post` once: post
creation (`qa.services.common.post_created`), editing (`qa.services.edits.post_edit`),
every status change (`qa.services.publication.post_set_status`: approve, hide, reshow,
delete, restore, reject, hide-all), and the moderator actions that move replies between
threads, change their kind, or change a thread's category or tags (merge, convert, move,
retag: every post of a thread carries its question's category and tags as facet words).

It runs inside the caller's transaction, not on commit: the index lives in the same
database, so the post and its index row commit or roll back together and a search never
shows a post that is no longer readable. The cost is one DELETE and one INSERT … SELECT
over the post (or, for a question, its whole thread, since a question's status, category
and tags decide what its replies are indexed with).

Votes, answer counts and best answers are not indexed (they change all the time); the
score:, answers: and hasbest: operators read them from the posts table.
"""

from __future__ import annotations

from collections.abc import Callable

from mindwell.search.backends import get_backend

REBUILD_BATCH_SIZE = 20_000


def search_index_post(post_id: int) -> None:
    """Make the index agree with one post (a question: with its whole thread)."""
    get_backend().sync(post_id)


def search_index_rebuild(
    *,
    using: str = "default",
    batch_size: int = REBUILD_BATCH_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Index every readable post from scratch; returns how many are indexed. `progress`
    hears (posts looked at, posts in all) after each batch."""
    return get_backend(using).rebuild(batch_size=batch_size, progress=progress or _silent)


def _silent(done: int, total: int) -> None:
    return None
