"""Comments.xml -> comments on the imported questions and answers.

A comment's text in the dump is what its writer typed (Stack Exchange's comment Markdown:
emphasis, code and links, which read the same in CommonMark), so it is kept as it is.
"""

from __future__ import annotations

from django.utils import timezone

from mindwell.core.markdown import render_markdown
from mindwell.importers.models import ImportedAttribution
from mindwell.importers.stackexchange.attribution import attribution, author_names
from mindwell.importers.stackexchange.batches import ImportContext, in_batches
from mindwell.importers.stackexchange.dump import clean, parse_date, parse_int
from mindwell.qa.models import Post, PostKind, PostStatus
from mindwell.safety.risk import assess

KIND = "comment"
ANON_NAME_LENGTH = 40


def import_comments(ctx: ImportContext) -> None:
    if not ctx.dump.has("Comments.xml"):
        return
    in_batches(ctx, "comments", ctx.dump.rows("Comments.xml"), lambda rows: _batch(ctx, rows))


def _batch(ctx: ImportContext, rows: list[dict[str, str]]) -> None:
    ledger = ctx.ledger
    fresh: list[dict[str, str]] = []
    parents: dict[str, int] = {}
    for row in rows:
        external_id = row.get("Id", "")
        parent = ledger.local_id("post", row.get("PostId", ""))
        if not external_id:
            ledger.skip(KIND, "?", "a row without an Id")
        elif ledger.local_id(KIND, external_id) is not None:
            ledger.count(KIND, "already")
        elif parent is None:
            ledger.skip(KIND, external_id, f"its post {row.get('PostId')} was not imported")
        elif not clean(row.get("Text")):
            ledger.skip(KIND, external_id, "no text")
        else:
            fresh.append(row)
            parents[external_id] = parent
    if not fresh:
        return
    threads = dict(
        Post.objects.filter(pk__in=set(parents.values())).values_list("pk", "question_id")
    )
    names = author_names(ctx, fresh, id_attr="UserId", name_attr="UserDisplayName")
    comments = []
    for row in fresh:
        text = clean(row.get("Text"))
        created = parse_date(row.get("CreationDate")) or timezone.now()
        user = row.get("UserId", "")
        author_id = ledger.local_id("user", user) if user else None
        score = max(0, parse_int(row.get("Score")))  # comments are only ever voted up
        comments.append(
            Post(
                kind=PostKind.COMMENT,
                status=PostStatus.PUBLISHED,
                parent_id=parents[row["Id"]],
                question_id=threads[parents[row["Id"]]],
                body=text,
                body_html=render_markdown(text),
                author_id=author_id,
                anon_name="" if author_id else names[row["Id"]][:ANON_NAME_LENGTH],
                score=score,
                upvotes=score,
                created_at=created,
                activity_at=created,
                risk_level=assess(text).level.value,
            )
        )
    Post.objects.bulk_create(comments, batch_size=500)
    ImportedAttribution.objects.bulk_create(
        [
            attribution(
                ctx,
                post_id=comment.pk,
                url=ctx.dump.comment_url(row["Id"]),
                author_name=names[row["Id"]],
                owner=row.get("UserId", ""),
                created_at=comment.created_at,
                licence=row.get("ContentLicense"),
            )
            for row, comment in zip(fresh, comments, strict=True)
        ],
        batch_size=500,
    )
    ledger.remember_many(
        KIND, [(row["Id"], comment.pk) for row, comment in zip(fresh, comments, strict=True)]
    )
    ledger.count(KIND, "imported", len(comments))
