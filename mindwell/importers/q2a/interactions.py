"""Votes, flags and favourites: what members did to posts, members, tags and categories.

qa_uservotes holds both a member's vote (+1/-1, 0 for none) and their flag (1/0) on a post,
in one row; a row becomes a Vote, a Flag, or both. The posts' stored up/down counts and
scores are recounted from the imported votes at the end, so they always agree.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction

from mindwell.demo.bulk import Table
from mindwell.follows.models import Follow, FollowTarget
from mindwell.importers.q2a.context import Context
from mindwell.importers.q2a.source import Row, at
from mindwell.moderation.models import Flag, FlagReason, FlagStatus
from mindwell.qa.models import Post, PostStatus
from mindwell.taxonomy.models import Tag
from mindwell.votes.models import Vote

FLAG_NOTE = "Flagged on Question2Answer (it records no reason)."


def import_votes_and_flags(ctx: Context) -> None:
    total = ctx.source.count("uservotes", "vote <> 0 OR flag <> 0")
    sql = (
        f"SELECT v.*, p.created AS postcreated FROM {ctx.t('uservotes')} v "  # noqa: S608
        f"JOIN {ctx.t('posts')} p ON p.postid = v.postid "
        "WHERE v.vote <> 0 OR v.flag <> 0 ORDER BY v.postid, v.userid"
    )
    done = 0
    for batch in ctx.batches(ctx.source.rows(sql)):
        with transaction.atomic():
            _votes(ctx, [row for row in batch if row["vote"]])
            _flags(ctx, [row for row in batch if row["flag"]])
            ctx.ledger.checkpoint()
        done += len(batch)
        ctx.ledger.progress("votes and flags", done, total)


def _key(row: Row) -> str:
    return f"{row['postid']}:{row['userid']}"


def _pair(ctx: Context, row: Row, kind: str) -> tuple[int, int] | None:
    user = ctx.ledger.local_id("user", row["userid"])
    post = ctx.ledger.local_id("post", row["postid"])
    if user is None or post is None:
        ctx.ledger.skip(kind, _key(row), "its member or post was not imported")
        return None
    return user, post


def _votes(ctx: Context, rows: list[Row]) -> None:
    known = ctx.ledger.known("vote")
    made: list[dict[str, Any]] = []
    for row in rows:
        if _key(row) in known:
            ctx.ledger.count("votes", "already imported")
            continue
        pair = _pair(ctx, row, "vote")
        if pair is None:
            continue
        created = at(row["votecreated"] or row["voteupdated"] or row["postcreated"])
        made.append(
            {
                "user_id": pair[0],
                "post_id": pair[1],
                "value": 1 if row["vote"] > 0 else -1,
                # Question2Answer's times, which bulk_create's auto_now would replace.
                "created_at": created,
                "updated_at": at(row["voteupdated"]) if row["voteupdated"] else created,
                "key": _key(row),
            }
        )
    keys = [(str(row["key"]), int(row["post_id"]), int(row["user_id"])) for row in made]
    # Plain multi-row inserts (COPY on PostgreSQL): the fastest way in, for the biggest table.
    Table(Vote, skip=["id"]).insert(made)
    ids = {
        (post, user): pk
        for post, user, pk in Vote.objects.filter(
            post_id__in={row["post_id"] for row in made}
        ).values_list("post_id", "user_id", "pk")
    }
    ctx.ledger.remember_many("vote", [(key, ids[(post, user)]) for key, post, user in keys])
    ctx.ledger.count("votes", "imported", len(made))


def _flags(ctx: Context, rows: list[Row]) -> None:
    known = ctx.ledger.known("flag")
    posts = {
        pk: status
        for pk, status in Post.objects.filter(
            pk__in=[ctx.ledger.local_id("post", row["postid"]) for row in rows]
        ).values_list("pk", "status")
    }
    made: list[tuple[Row, Flag]] = []
    for row in rows:
        if _key(row) in known:
            ctx.ledger.count("flags", "already imported")
            continue
        pair = _pair(ctx, row, "flag")
        if pair is None:
            continue
        # A flagged post a moderator has since hidden: the flag was acted on.
        hidden = posts.get(pair[1]) != PostStatus.PUBLISHED
        flag = Flag(
            user_id=pair[0],
            post_id=pair[1],
            reason=FlagReason.OTHER,
            note=FLAG_NOTE,
            status=FlagStatus.UPHELD if hidden else FlagStatus.OPEN,
        )
        made.append((row, flag))
    created = Flag.objects.bulk_create([flag for _, flag in made])
    for (row, _), flag in zip(made, created, strict=True):
        flag.created_at = at(row["voteupdated"] or row["votecreated"] or row["postcreated"])
    Flag.objects.bulk_update(created, ["created_at"])
    ctx.ledger.remember_many("flag", [(_key(row), flag.pk) for row, flag in made])
    ctx.ledger.count("flags", "imported", len(made))


def import_favourites(ctx: Context) -> None:
    """qa_userfavorites: Q question, U member, T tag (a qa_words id), C category."""
    if not ctx.source.has("userfavorites"):
        return
    sql = (
        f"SELECT f.userid, f.entitytype, f.entityid, w.word FROM {ctx.t('userfavorites')} f "  # noqa: S608
        f"LEFT JOIN {ctx.t('words')} w ON f.entitytype = 'T' AND w.wordid = f.entityid "
        "ORDER BY f.userid, f.entitytype, f.entityid"
    )
    rows = ctx.source.all(sql)
    tags = dict(
        Tag.objects.filter(name__in=[r["word"] for r in rows if r["word"]]).values_list(
            "name", "pk"
        )
    )
    known = ctx.ledger.known("follow")

    def mapped(kind: str) -> Callable[[Row], int | None]:
        return lambda row: ctx.ledger.local_id(kind, row["entityid"])

    targets: dict[str, tuple[FollowTarget, str, Callable[[Row], int | None]]] = {
        "Q": (FollowTarget.QUESTION, "question_id", mapped("post")),
        "U": (FollowTarget.USER, "followed_user_id", mapped("user")),
        "T": (FollowTarget.TAG, "tag_id", lambda row: tags.get(row["word"] or "")),
        "C": (FollowTarget.CATEGORY, "category_id", mapped("category")),
    }
    made: list[tuple[str, Follow]] = []
    for row in rows:
        key = f"{row['userid']}:{row['entitytype']}:{row['entityid']}"
        if key in known:
            ctx.ledger.count("favourites", "already imported")
            continue
        user = ctx.ledger.local_id("user", row["userid"])
        target = targets.get(row["entitytype"])
        target_id = target[2](row) if target else None
        if user is None or target is None or target_id is None:
            ctx.ledger.skip("favourite", key, "its member or what they favourited is not here")
            continue
        if target[0] == FollowTarget.USER and target_id == user:
            ctx.ledger.skip("favourite", key, "a member favouriting themselves")
            continue
        made.append((key, Follow(user_id=user, target_type=target[0], **{target[1]: target_id})))
    with transaction.atomic():
        # Question2Answer records no time; the follows date from the import.
        created = Follow.objects.bulk_create([follow for _, follow in made])
        ctx.ledger.remember_many(
            "follow", [(key, f.pk) for (key, _), f in zip(made, created, strict=True)]
        )
        ctx.ledger.count("favourites", "imported", len(created))
        ctx.ledger.checkpoint()
