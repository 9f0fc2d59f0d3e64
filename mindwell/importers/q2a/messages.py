"""Private messages and wall posts (qa_messages, type PRIVATE or PUBLIC).

Private messages between two members become one conversation per pair, as here; they are
marked read (they are history, not news), and nobody is notified.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from mindwell.core.markdown import render_markdown
from mindwell.importers.q2a.context import Context
from mindwell.importers.q2a.convert import to_markdown
from mindwell.importers.q2a.source import Row, at
from mindwell.messaging.models import Conversation, Message, WallPost


def import_messages(ctx: Context) -> None:
    if not ctx.source.has("messages"):
        return
    total = ctx.source.count("messages")
    sql = f"SELECT * FROM {ctx.t('messages')} ORDER BY messageid"  # noqa: S608
    done = 0
    for batch in ctx.batches(ctx.source.rows(sql)):
        with transaction.atomic():
            _write(ctx, batch)
            ctx.ledger.checkpoint()
        done += len(batch)
        ctx.ledger.progress("messages", done, total)


def _write(ctx: Context, rows: list[Row]) -> None:
    # Private messages and wall posts share Question2Answer's ids, kept under two kinds.
    known = ctx.ledger.known("message").keys() | ctx.ledger.known("wall post").keys()
    private: list[tuple[Row, Message]] = []
    wall: list[tuple[Row, WallPost]] = []
    conversations: dict[tuple[int, int], Conversation] = {}
    for row in rows:
        if str(row["messageid"]) in known:
            ctx.ledger.count("messages", "already imported")
            continue
        sender = ctx.ledger.local_id("user", row["fromuserid"])
        recipient = ctx.ledger.local_id("user", row["touserid"])
        if sender is None or recipient is None or sender == recipient:
            ctx.ledger.skip("message", row["messageid"], "sender or recipient not imported")
            continue
        body, _ = to_markdown(row["content"], row["format"])
        when = at(row["created"])
        if row["type"] == "PUBLIC":
            wall.append(
                (row, WallPost(owner_id=recipient, author_id=sender, body=body,
                               body_html=render_markdown(body), created_at=when))
            )  # fmt: skip
            continue
        pair = (min(sender, recipient), max(sender, recipient))
        conversation = conversations.get(pair) or _conversation(pair, when)
        conversations[pair] = conversation
        if when > conversation.last_message_at:
            conversation.last_message_at = when
        message = Message(
            conversation=conversation, sender_id=sender, body=body,
            body_html=render_markdown(body), created_at=when, read_at=when,
        )  # fmt: skip
        private.append((row, message))
    Conversation.objects.bulk_update(list(conversations.values()), ["last_message_at"])
    Message.objects.bulk_create([m for _, m in private])
    WallPost.objects.bulk_create([w for _, w in wall])
    ctx.ledger.remember_many("message", [(r["messageid"], m.pk) for r, m in private])
    ctx.ledger.remember_many("wall post", [(r["messageid"], w.pk) for r, w in wall])
    ctx.ledger.count("private messages", "imported", len(private))
    ctx.ledger.count("wall posts", "imported", len(wall))


def _conversation(pair: tuple[int, int], when: datetime) -> Conversation:
    conversation, _ = Conversation.objects.get_or_create(
        first_member_id=pair[0],
        second_member_id=pair[1],
        defaults={"created_at": when, "last_message_at": when},
    )
    return conversation
