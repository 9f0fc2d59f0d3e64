"""Questions, answers and comments, with their threads, tags, edits and anonymous writers.

Question2Answer keeps all three in one table, as Mindwell does, with the visibility in the
type ("Q_HIDDEN", "A_QUEUED"...). Questions go first, then answers, then comments, so a
parent always exists before its replies; each batch of rows is written with its id map in
one transaction. Links that point forward (best answers, duplicates, close notes) are set
afterwards for every imported question, so a resumed run sets them too.

Nothing of the posting pipeline runs: no notifications, badges or safety queue entries for
posts that are years old. Counters, points and the search index are recomputed at the end
(mindwell.importers.q2a.derived).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F

from mindwell.core.markdown import render_markdown
from mindwell.importers.q2a.context import Context
from mindwell.importers.q2a.convert import to_markdown, to_post, visible_text
from mindwell.importers.q2a.setwise import update_rows
from mindwell.importers.q2a.source import Row, aware, ip_text
from mindwell.importers.q2a.taxonomy import tag_ids, tag_names
from mindwell.qa.models import Post, PostKind, PostStatus, Revision

TITLE_MAX = Post._meta.get_field("title").max_length or 200
ANON_NAME_MAX = Post._meta.get_field("anon_name").max_length or 40
CLOSE_REASON_MAX = Post._meta.get_field("close_reason").max_length or 300
# updatetype values that mean the text, tags or place of a post changed (an edit); the
# others (selected, hidden, closed) are not edits.
EDIT_TYPES = {"E", "T", "A", "M", "Y"}
STATUS = {"": PostStatus.PUBLISHED, "HIDDEN": PostStatus.HIDDEN, "QUEUED": PostStatus.QUEUED}
COLUMNS = (
    "postid, type, parentid, categoryid, selchildid, closedbyid, userid, createip, "
    "lastuserid, views, format, created, updated, updatetype, title, content, tags, name, notify"
)


def import_posts(ctx: Context) -> None:
    for kind in (PostKind.QUESTION, PostKind.ANSWER, PostKind.COMMENT):
        _import_kind(ctx, kind)


def _import_kind(ctx: Context, kind: str) -> None:
    known = ctx.ledger.known("post")
    label = {"Q": "questions", "A": "answers", "C": "comments"}[kind]
    where = f"LEFT(type, 1) = '{kind}' AND type <> 'NOTE'"
    total = ctx.source.count("posts", where)
    sql = f"SELECT {COLUMNS} FROM {ctx.t('posts')} WHERE {where} ORDER BY postid"  # noqa: S608
    done = 0
    for batch in ctx.batches(ctx.source.rows(sql)):
        fresh = [row for row in batch if str(row["postid"]) not in known]
        with transaction.atomic():
            _write(ctx, kind, label, fresh)
            ctx.ledger.count(label, "already imported", len(batch) - len(fresh))
            ctx.ledger.checkpoint()
        done += len(batch)
        ctx.ledger.progress(label, done, total)
    ctx.ledger.progress(label, done, total, force=True)


def _write(ctx: Context, kind: str, label: str, rows: list[Row]) -> None:
    users = ctx.ledger.known("user")
    categories = ctx.ledger.known("category")
    posts = ctx.ledger.known("post")
    parents = _parent_questions(rows, posts) if kind != PostKind.QUESTION else {}
    made: list[tuple[Row, Post]] = []
    for row in rows:
        fields = _fields(ctx, row, users)
        if kind == PostKind.QUESTION:
            fields["category_id"] = categories.get(str(row["categoryid"]))
            fields["title"] = str(row["title"] or "")[:TITLE_MAX]
            if len(str(row["title"] or "")) > TITLE_MAX:
                ctx.ledger.skip("title", row["postid"], f"shortened to {TITLE_MAX} characters")
        else:
            parent = posts.get(str(row["parentid"]))
            if parent is None or parent not in parents:
                ctx.ledger.skip(kind, row["postid"], f"its parent {row['parentid']} is not here")
                continue
            fields["parent_id"], fields["question_id"] = parent, parents[parent]
        made.append((row, Post(kind=kind, **fields)))
    Post.objects.bulk_create([post for _, post in made], batch_size=ctx.batch_size)
    if kind == PostKind.QUESTION:
        # A question belongs to its own thread: its id is known only now.
        Post.objects.filter(pk__in=[p.pk for _, p in made]).update(question_id=F("pk"))
        _tags(made)
    _revisions(made, users)
    ctx.ledger.remember_many("post", [(row["postid"], post.pk) for row, post in made])
    ctx.ledger.count(label, "imported", len(made))
    kept = sum(1 for row, post in made if row["format"] == "html" and post.body.startswith("<"))
    if kept:
        ctx.ledger.count(label, "kept as sanitised HTML", kept)


def _parent_questions(rows: list[Row], posts: dict[str, int]) -> dict[int, int]:
    """Local parent id -> the local question it belongs to, in one query per batch."""
    ids = {posts[str(row["parentid"])] for row in rows if str(row["parentid"]) in posts}
    found = Post.objects.filter(pk__in=ids).exclude(kind=PostKind.COMMENT)
    return {pk: question_id or pk for pk, question_id in found.values_list("pk", "question_id")}


def _fields(ctx: Context, row: Row, users: dict[str, int]) -> dict[str, Any]:
    body, body_html = to_post(row["content"], row["format"])
    suffix = str(row["type"]).partition("_")[2]
    author = users.get(str(row["userid"])) if row["userid"] is not None else None
    notify = str(row["notify"] or "")
    fields: dict[str, Any] = {
        "status": STATUS.get(suffix, PostStatus.HIDDEN),
        "body": body,
        "body_html": body_html,
        "author_id": author,
        "author_ip": ip_text(row["createip"]),
        "view_count": int(row["views"] or 0),
        "created_at": aware(row["created"]),
        "activity_at": aware(row["created"]),
    }
    if author is None:
        # Without an account: the name shown and, privately, the address for notifications.
        fields["anon_name"] = str(row["name"] or "")[:ANON_NAME_MAX]
        if "@" in notify and notify != "@" and len(notify) <= 254:
            fields["anon_email"], fields["notify"] = notify, True
        if row["userid"] is not None:
            ctx.ledger.skip("post author", row["postid"], "member not imported; kept anonymous")
    else:
        fields["notify"] = bool(notify)
    if row["updatetype"] in EDIT_TYPES and row["updated"] is not None:
        fields["edited_at"] = aware(row["updated"])
        fields["edited_by_id"] = users.get(str(row["lastuserid"]))
    return fields


def _tags(made: list[tuple[Row, Post]]) -> None:
    wanted = {row["postid"]: tag_names(row["tags"]) for row, _ in made}
    ids = tag_ids({name for names in wanted.values() for name in names})
    Through = Post.tags.through
    Through.objects.bulk_create(
        [
            Through(post_id=post.pk, tag_id=ids[name])
            for row, post in made
            for name in wanted[row["postid"]]
        ],
        ignore_conflicts=True,
    )


def _revisions(made: list[tuple[Row, Post]], users: dict[str, int]) -> None:
    """Question2Answer keeps only the last edit (who and when, not the text before): one
    revision records it, so the page says "edited by" and the history shows who."""
    rows = [
        Revision(
            post_id=post.pk,
            editor_id=post.edited_by_id,
            title_before=post.title,
            title_after=post.title,
            body_before=post.body,
            body_after=post.body,
            tags_before=row["tags"] or "",
            tags_after=row["tags"] or "",
            reason="Last edit on Question2Answer (the earlier text was not kept there)",
        )
        for row, post in made
        if post.edited_at is not None
    ]
    created = Revision.objects.bulk_create(rows)
    # created_at is set on insert; the edit happened when Question2Answer says it did.
    edited = [p.edited_at for _, p in made if p.edited_at is not None]
    for revision, edited_at in zip(created, edited, strict=True):
        revision.created_at = edited_at
    Revision.objects.bulk_update(created, ["created_at"])


def link_questions(ctx: Context) -> None:
    """Best answers, duplicates and close reasons, for every imported question (a resumed
    run sets the ones the killed run did not reach)."""
    posts, users = ctx.ledger.known("post"), ctx.ledger.known("user")
    sql = (
        f"SELECT q.postid, q.selchildid, q.closedbyid, q.created, q.updated, q.updatetype, "  # noqa: S608
        f"q.lastuserid, c.type AS closedtype, c.content AS note, c.format AS noteformat, "
        f"c.created AS notecreated, c.userid AS noteuser FROM {ctx.t('posts')} q "
        f"LEFT JOIN {ctx.t('posts')} c ON c.postid = q.closedbyid "
        f"WHERE LEFT(q.type, 1) = 'Q' AND (q.selchildid IS NOT NULL OR q.closedbyid IS NOT NULL)"
    )
    rows = ctx.source.all(sql)
    answers = dict(
        Post.objects.filter(
            pk__in=[posts[str(r["selchildid"])] for r in rows if str(r["selchildid"]) in posts],
            kind=PostKind.ANSWER,
        ).values_list("pk", "parent_id")
    )
    changed: list[Post] = []
    for row in rows:
        local = posts.get(str(row["postid"]))
        if local is None:
            continue
        post = Post(pk=local, best_answer_id=None, duplicate_of_id=None)
        best = posts.get(str(row["selchildid"]))
        if best is not None and answers.get(best) == local:
            post.best_answer_id = best
        elif row["selchildid"] is not None:
            ctx.ledger.skip("best answer", row["postid"], "the selected answer is not here")
        _close(ctx, row, post, posts, users)
        changed.append(post)
    with transaction.atomic():
        fields = ["best_answer_id", "duplicate_of_id", "closed_at", "closed_by_id", "close_reason"]
        update_rows(Post, fields, changed)
    ctx.ledger.count("best answers", "linked", sum(1 for p in changed if p.best_answer_id))
    ctx.ledger.count("closed questions", "linked", sum(1 for p in changed if p.closed_at))


def _close(
    ctx: Context, row: Row, post: Post, posts: dict[str, int], users: dict[str, int]
) -> None:
    post.closed_at, post.closed_by_id, post.close_reason = None, None, ""
    if row["closedbyid"] is None:
        return
    if row["closedtype"] == "NOTE":
        # The reason a moderator wrote; shown as text, like any close reason here.
        body, _ = to_markdown(row["note"], row["noteformat"])
        post.close_reason = visible_text(render_markdown(body))[:CLOSE_REASON_MAX]
        post.closed_at = aware(row["notecreated"])
        post.closed_by_id = users.get(str(row["noteuser"]))
        return
    duplicate = posts.get(str(row["closedbyid"]))
    if duplicate is None or row["closedtype"] is None or not str(row["closedtype"]).startswith("Q"):
        ctx.ledger.skip("closed question", row["postid"], "closed by a post that is not here")
        return
    post.duplicate_of_id = duplicate
    closed_by_edit = row["updatetype"] == "C" and row["updated"] is not None
    post.closed_at = aware(row["updated"] if closed_by_edit else row["created"])
    post.closed_by_id = users.get(str(row["lastuserid"])) if closed_by_edit else None
