"""What the site keeps beside the posts, recomputed once everything is in: vote counts and
scores, answer and comment counts, flag counts, question activity times, hot scores,
category and tag counts, and the search index.

Each is one set-based statement over the imported posts (or, for the small category and tag
tables, over the whole site), so it costs the same whether the run was interrupted or not,
and a second run leaves everything as it was.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import connection, transaction
from django.db.models import Count, DateTimeField, Exists, F, IntegerField, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest

from mindwell.importers.models import ImportedObject
from mindwell.importers.q2a.context import SOURCE, Context
from mindwell.moderation.models import Flag
from mindwell.qa.hot import hot_expression
from mindwell.qa.models import Post, PostKind, PostStatus
from mindwell.taxonomy.models import Category, Tag
from mindwell.votes.models import Vote


def _count(queryset, field: str = "pk") -> Subquery:  # type: ignore[no-untyped-def]
    counted = queryset.order_by().values(field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)  # type: ignore[return-value]


def imported_posts(ctx: Context):  # type: ignore[no-untyped-def]
    mapped = ImportedObject.objects.filter(
        source=SOURCE, source_key=ctx.ledger.source_key, kind="post", local_id=OuterRef("pk")
    )
    return Post.objects.filter(Exists(mapped))


def refresh_derived(ctx: Context) -> None:
    # Freshly filled tables have no planner statistics; without them each per-post count
    # below walks the whole kind index and the stage grows with the square of the posts
    # (measured: 114 s -> 0.5 s on SQLite, 84 s -> 8.8 s on PostgreSQL, 10,000 posts).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    posts = imported_posts(ctx)
    with transaction.atomic():
        posts.update(
            upvotes=_count(Vote.objects.filter(post=OuterRef("pk"), value=1), "post"),
            downvotes=_count(Vote.objects.filter(post=OuterRef("pk"), value=-1), "post"),
            flag_count=_count(Flag.objects.filter(post=OuterRef("pk")), "post"),
        )
        published = Post.objects.filter(status=PostStatus.PUBLISHED, parent=OuterRef("pk"))
        posts.update(
            answer_count=_count(published.filter(kind=PostKind.ANSWER), "parent"),
            comment_count=_count(published.filter(kind=PostKind.COMMENT), "parent"),
        )
        # The score is the stored counts' difference, as the vote service keeps it.
        Post.objects.filter(pk__in=posts.values("pk")).update(score=F("upvotes") - F("downvotes"))
        thread = (
            Post.objects.filter(question=OuterRef("pk"), status=PostStatus.PUBLISHED)
            .order_by()
            .values("question")
        )
        last_post = Subquery(thread.annotate(m=Max("created_at")).values("m"))
        last_edit = Subquery(thread.annotate(m=Max("edited_at")).values("m"))
        questions = posts.filter(kind=PostKind.QUESTION)
        questions.update(
            activity_at=Greatest(
                Coalesce(last_post, "created_at", output_field=DateTimeField()),
                Coalesce(last_edit, last_post, "created_at", output_field=DateTimeField()),
            )
        )
        questions.update(hot_score=hot_expression())
        _category_counts()
        Tag.objects.update(
            question_count=_count(
                Post.objects.filter(
                    kind=PostKind.QUESTION, status=PostStatus.PUBLISHED, tags=OuterRef("pk")
                ),
                "tags",
            )
        )
    ctx.say("  counters, activity times and hot scores recomputed")


def _category_counts() -> None:
    """A category counts the published questions in it and in the categories below it."""
    direct = dict(
        Post.objects.filter(kind=PostKind.QUESTION, status=PostStatus.PUBLISHED)
        .exclude(category=None)
        .order_by()
        .values_list("category")
        .annotate(n=Count("pk"))
    )
    parents = dict(Category.objects.values_list("pk", "parent_id"))
    totals: dict[int, int] = defaultdict(int)
    for category, n in direct.items():
        node, depth = category, 0
        while node is not None and depth < 20:
            totals[node] += n
            node, depth = parents.get(node), depth + 1
    changed = [
        Category(pk=pk, question_count=totals.get(pk, 0))
        for pk, count in Category.objects.values_list("pk", "question_count")
        if count != totals.get(pk, 0)
    ]
    Category.objects.bulk_update(changed, ["question_count"])


def rebuild_search(ctx: Context) -> None:
    from mindwell.search.indexing import search_index_rebuild

    def progress(done: int, total: int) -> None:
        ctx.ledger.progress("search index", done, total)

    indexed = search_index_rebuild(progress=progress)
    ctx.say(f"  search index rebuilt: {indexed:,} posts")
