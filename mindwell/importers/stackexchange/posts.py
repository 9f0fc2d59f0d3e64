"""Posts.xml -> questions and answers, each with its attribution (author, link, licence).

Two passes over the file: questions first, then answers, so an answer always finds its
question whatever the order of the rows. A question's accepted answer is remembered in the
ledger (kind "accepted": answer id -> question) and set when that answer arrives, which
keeps both passes streaming and a stopped run resumable.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import F
from django.utils import timezone

from mindwell.core.markdown import render_markdown
from mindwell.importers.html_to_markdown import html_to_markdown
from mindwell.importers.models import ImportedAttribution
from mindwell.importers.stackexchange.attribution import attribution, author_names
from mindwell.importers.stackexchange.batches import ImportContext, in_batches
from mindwell.importers.stackexchange.dump import (
    POSTS,
    clean,
    parse_date,
    parse_int,
    parse_tag_list,
)
from mindwell.importers.stackexchange.tags import tag_ids, tag_name_problem
from mindwell.qa.models import Post, PostKind, PostStatus
from mindwell.safety.risk import assess

KIND = "post"
ACCEPTED = "accepted"
QUESTION, ANSWER = "1", "2"
# Post types Mindwell has no place for (https://meta.stackexchange.com/q/2677 lists them).
OTHER_TYPES = {
    "3": "an orphaned tag wiki",
    "4": "a tag wiki excerpt",
    "5": "a tag wiki",
    "6": "a moderator nomination",
    "7": "a wiki placeholder",
    "8": "a privilege wiki",
    "9": "a collective article",
    "10": "a collective discussion",
}
ANON_NAME_LENGTH = 40


def import_questions(ctx: ImportContext) -> None:
    rows = (row for row in ctx.dump.rows(POSTS) if row.get("PostTypeId") != ANSWER)
    in_batches(ctx, "questions", rows, lambda batch: _questions(ctx, batch))


def import_answers(ctx: ImportContext) -> None:
    rows = (row for row in ctx.dump.rows(POSTS) if row.get("PostTypeId") == ANSWER)
    in_batches(ctx, "answers", rows, lambda batch: _answers(ctx, batch))


def _questions(ctx: ImportContext, rows: list[dict[str, str]]) -> None:
    fresh = []
    for row in _new_rows(ctx, rows, "question"):
        kind = row.get("PostTypeId", "")
        if kind != QUESTION:
            reason = OTHER_TYPES.get(kind, f"post type {kind or 'missing'}")
            ctx.ledger.skip(KIND, row["Id"], f"{reason}: not a question or answer")
        else:
            fresh.append(row)
    if not fresh:
        return
    names = author_names(ctx, fresh, id_attr="OwnerUserId", name_attr="OwnerDisplayName")
    posts = []
    for row in fresh:
        title = clean(row.get("Title"))[:200] or "(untitled)"
        post = Post(
            kind=PostKind.QUESTION,
            title=title,
            category=ctx.category,
            view_count=max(0, parse_int(row.get("ViewCount"))),
            closed_at=parse_date(row.get("ClosedDate")),
            **_common_fields(ctx, row, names),
        )
        if post.closed_at is not None:
            post.close_reason = f"Closed on {ctx.dump.site}"
        posts.append(post)
    Post.objects.bulk_create(posts, batch_size=500)
    Post.objects.filter(pk__in=[p.pk for p in posts]).update(question_id=F("pk"))
    _attach_tags(ctx, fresh, posts)
    _finish_batch(ctx, fresh, posts, names, kind=PostKind.QUESTION, counted="question")
    accepted = [
        (row["AcceptedAnswerId"], post.pk)
        for row, post in zip(fresh, posts, strict=True)
        if row.get("AcceptedAnswerId")
    ]
    ctx.ledger.remember_many(ACCEPTED, accepted)


def _answers(ctx: ImportContext, rows: list[dict[str, str]]) -> None:
    fresh, parents = [], []
    for row in _new_rows(ctx, rows, "answer"):
        parent = ctx.ledger.local_id(KIND, row.get("ParentId", ""))
        if parent is None:
            ctx.ledger.skip(
                "answer", row["Id"], f"its question {row.get('ParentId')} is not in the dump"
            )
            continue
        fresh.append(row)
        parents.append(parent)
    if not fresh:
        return
    names = author_names(ctx, fresh, id_attr="OwnerUserId", name_attr="OwnerDisplayName")
    posts = [
        Post(
            kind=PostKind.ANSWER,
            question_id=parent,
            parent_id=parent,
            **_common_fields(ctx, row, names),
        )
        for row, parent in zip(fresh, parents, strict=True)
    ]
    Post.objects.bulk_create(posts, batch_size=500)
    _finish_batch(ctx, fresh, posts, names, kind=PostKind.ANSWER, counted="answer")
    accepted = ctx.ledger.known(ACCEPTED)
    for row, post in zip(fresh, posts, strict=True):
        question_id = accepted.get(row["Id"])
        if question_id is not None and question_id == post.question_id:
            Post.objects.filter(pk=question_id).update(best_answer=post)


def _new_rows(
    ctx: ImportContext, rows: list[dict[str, str]], counted: str
) -> Iterator[dict[str, str]]:
    for row in rows:
        external_id = row.get("Id", "")
        if not external_id:
            ctx.ledger.skip(counted, "?", "a row without an Id")
        elif ctx.ledger.local_id(KIND, external_id) is not None:
            ctx.ledger.count(counted, "already")
        else:
            yield row


def _common_fields(
    ctx: ImportContext, row: dict[str, str], names: dict[str, str]
) -> dict[str, Any]:
    """What questions and answers share: text, author, score, dates."""
    body = html_to_markdown(clean(row.get("Body")))
    created = parse_date(row.get("CreationDate")) or timezone.now()
    owner = row.get("OwnerUserId", "")
    author_id = ctx.ledger.local_id("user", owner) if owner else None
    editor = row.get("LastEditorUserId", "")
    score = parse_int(row.get("Score"))
    return {
        "status": PostStatus.PUBLISHED,
        "body": body,
        "body_html": render_markdown(body),
        "author_id": author_id,
        # Authors without an account here keep their name, as on Stack Exchange.
        "anon_name": "" if author_id else names[row["Id"]][:ANON_NAME_LENGTH],
        # Dumps do not say who voted: the counts follow the score until Votes.xml says more.
        "score": score,
        "upvotes": max(score, 0),
        "downvotes": max(-score, 0),
        "created_at": created,
        "activity_at": parse_date(row.get("LastActivityDate")) or created,
        "edited_at": parse_date(row.get("LastEditDate")),
        "edited_by_id": ctx.ledger.local_id("user", editor) if editor else None,
        "risk_level": assess(body, title=row.get("Title") or "").level.value,
    }


def _attach_tags(ctx: ImportContext, rows: list[dict[str, str]], posts: list[Post]) -> None:
    wanted: dict[int, list[str]] = {}
    for row, post in zip(rows, posts, strict=True):
        names = []
        for name in parse_tag_list(row.get("Tags")):
            problem = tag_name_problem(name)
            if problem:
                ctx.ledger.skip("question tag", f"{row['Id']}:{name[:40]}", problem)
            else:
                names.append(name)
        wanted[post.pk] = names
    ids = tag_ids(name for names in wanted.values() for name in names)
    Through = Post.tags.through
    Through.objects.bulk_create(
        [Through(post_id=pk, tag_id=ids[name]) for pk, names in wanted.items() for name in names],
        ignore_conflicts=True,
    )


def _finish_batch(
    ctx: ImportContext,
    rows: list[dict[str, str]],
    posts: list[Post],
    names: dict[str, str],
    *,
    kind: str,
    counted: str,
) -> None:
    attributions = [
        attribution(
            ctx,
            post_id=post.pk,
            url=ctx.dump.post_url(kind=kind, external_id=row["Id"]),
            author_name=names[row["Id"]],
            owner=row.get("OwnerUserId", ""),
            created_at=post.created_at,
            licence=row.get("ContentLicense"),
        )
        for row, post in zip(rows, posts, strict=True)
    ]
    ImportedAttribution.objects.bulk_create(attributions, batch_size=500)
    ctx.ledger.remember_many(
        KIND, [(row["Id"], post.pk) for row, post in zip(rows, posts, strict=True)]
    )
    ctx.ledger.count(counted, "imported", len(posts))
