"""After the rows: every derived figure recomputed from what is now in the database.

Counters (answers and comments per post, questions per tag and category), hot scores, the
search index and every member's points are set from the content, never incremented, so
this stage gives the same result however often it runs and whatever a stopped run left.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import islice

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count

from mindwell.importers.stackexchange.batches import ImportContext
from mindwell.importers.templatetags.importers import ATTRIBUTIONS_CACHE_KEY
from mindwell.qa.hot import hot_refresh
from mindwell.qa.models import Post, PostKind, PostStatus
from mindwell.reputation.recalculation import points_recalculate
from mindwell.search.indexing import search_index_rebuild
from mindwell.taxonomy.models import Category, Tag

CHUNK = 1000


def finish_import(ctx: ImportContext) -> None:
    ledger = ctx.ledger
    ids = iter(sorted(ledger.known("post").values()))
    done, total = 0, len(ledger.known("post"))
    while chunk := list(islice(ids, CHUNK)):
        with transaction.atomic():
            _reply_counts(chunk)
            hot_refresh(question_ids=chunk)
        done += len(chunk)
        ledger.progress("counters and hot scores", done, total)
    with transaction.atomic():
        _tag_counts()
        _category_counts(ctx.category)
    ledger.out.write("  search index: rebuilding\n")
    search_index_rebuild(progress=lambda done, total: ledger.progress("search index", done, total))
    ledger.out.write("  points: recalculating\n")
    points_recalculate(progress=lambda done, total: ledger.progress("points", done, total))
    # Question pages look for attributions once there are some (see templatetags.importers).
    cache.delete(ATTRIBUTIONS_CACHE_KEY)


def _reply_counts(post_ids: list[int]) -> None:
    """Published answers and comments under each post, counted in one grouped query (a
    correlated subquery per row took SQLite about 25 ms a post)."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        Post.objects.filter(parent_id__in=post_ids, status=PostStatus.PUBLISHED)
        .order_by()
        .values_list("parent_id", "kind")
        .annotate(n=Count("pk"))
    )
    for parent_id, kind, n in rows:
        counts[parent_id][kind] = n
    posts = list(Post.objects.filter(pk__in=post_ids).only("pk", "answer_count", "comment_count"))
    for post in posts:
        post.answer_count = counts[post.pk].get(PostKind.ANSWER, 0)
        post.comment_count = counts[post.pk].get(PostKind.COMMENT, 0)
    Post.objects.bulk_update(posts, ["answer_count", "comment_count"], batch_size=500)


def _tag_counts() -> None:
    """Every tag's published questions (all tags: the import may add to tags used here),
    from one grouped query; only the tags whose count changes are written."""
    Through = Post.tags.through
    rows = (
        Through.objects.filter(post__kind=PostKind.QUESTION, post__status=PostStatus.PUBLISHED)
        .order_by()
        .values_list("tag_id")
        .annotate(n=Count("pk"))
    )
    counts = dict(rows.iterator(chunk_size=5000))
    changed = []
    for tag in Tag.objects.only("pk", "question_count").iterator(chunk_size=5000):
        if tag.question_count != counts.get(tag.pk, 0):
            tag.question_count = counts.get(tag.pk, 0)
            changed.append(tag)
    Tag.objects.bulk_update(changed, ["question_count"], batch_size=1000)


def _category_counts(category: Category) -> None:
    """The import's category and those above it (a count includes sub-categories)."""
    for node in [category, *category.ancestors()]:
        total = Post.objects.filter(
            kind=PostKind.QUESTION,
            status=PostStatus.PUBLISHED,
            category_id__in=node.descendant_ids(),
        ).count()
        Category.objects.filter(pk=node.pk).update(question_count=total)
