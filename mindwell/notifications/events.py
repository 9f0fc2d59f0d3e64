"""One function per event that notifies someone. Services call them inside their
transaction, so the notifications are written with the event or not at all; email goes out
after the commit (mindwell.notifications.signals).

Every post event funnels through `post_published`, whether the post was published at once
or approved later: an answer held for approval reaches the asker when it is approved, and
a post shown again after hiding repeats nothing (the dedupe keys see to that).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from mindwell.core.tasks import enqueue_on_commit
from mindwell.notifications import permissions
from mindwell.notifications.audience import (
    Audience,
    Writer,
    audience_for,
    blockable_actor,
    moderators_for,
    readers_among,
    writer_of,
    writers_of,
)
from mindwell.notifications.followers import followers_notify
from mindwell.notifications.mentions import mentioned_user_ids
from mindwell.notifications.models import EventType
from mindwell.notifications.services import notifications_mark_read_for, notify
from mindwell.qa.models import Post, PostKind, PostStatus

# The columns events read from the posts around the one that changed.
_POST_FIELDS = (
    "id", "kind", "status", "title", "question_id", "parent_id", "author_id", "pseudonym_id",
    "anon_name", "anon_email", "notify", "content_warning", "category_id",
)  # fmt: skip


def _day() -> str:
    """Status events are keyed by day: a post hidden, shown and hidden again within a day
    tells its writer once, a month later again."""
    return timezone.now().date().isoformat()


def _active(user_ids: list[int | None]) -> list[int]:
    ids = [pk for pk in user_ids if pk is not None]
    if not ids:
        return []
    found = set(
        get_user_model()
        .objects.filter(pk__in=ids, is_active=True, blocked_at__isnull=True)
        .values_list("pk", flat=True)
    )
    return [pk for pk in ids if pk in found]


def _public(post: Post) -> bool:
    return Post.objects.visible_to(None).filter(pk=post.pk).exists()


def _actor_fields(writer: Writer) -> dict[str, Any]:
    """A signed post names its member (linked); a pseudonymous or anonymous one only by
    the name it shows, and the member behind a pseudonym is never stored as the actor."""
    if writer.shown_user is not None:
        return {"actor": writer.shown_user, "actor_name": ""}
    return {"actor": None, "actor_name": writer.name}


# --- posts --------------------------------------------------------------------------------


def post_created(*, post: Post) -> None:
    """A new post's row is written and screened (called from `qa.services.common`)."""
    if post.status == PostStatus.PUBLISHED:
        post_published(post=post)
    elif post.status == PostStatus.QUEUED:
        approval_waiting(post=post)


def post_published(*, post: Post) -> None:
    """A post became readable by everyone: tell those it replies to, those it mentions and
    earlier commenters now; followers are told from a background task after the commit,
    since a busy tag may have thousands."""
    if not _public(post):
        return  # its question is still held back; its approval will call this again
    writer = writer_of(post)
    audience = audience_for(writer)
    question = post if post.kind == PostKind.QUESTION else _load(post.question_id)
    context = _PostEvent(post=post, question=question, writer=writer, audience=audience)
    if post.kind == PostKind.ANSWER:
        context.to_writer_of(question, EventType.ANSWER)
    elif post.kind == PostKind.COMMENT:
        parent = question if post.parent_id == question.pk else _load(post.parent_id)
        context.to_writer_of(parent, EventType.COMMENT)
    context.to_mentioned()
    if post.kind == PostKind.COMMENT:
        context.to_thread_commenters()
    enqueue_on_commit(followers_notify, post.pk)


def _load(pk: int | None) -> Post:
    assert pk is not None  # answers and comments always have a question and a parent
    return Post.objects.only(*_POST_FIELDS).get(pk=pk)


class _PostEvent:
    """The recipients of one published post, most direct reason first: whoever is told as
    the asker is not told again as a mentioned member or an earlier commenter."""

    def __init__(self, *, post: Post, question: Post, writer: Writer, audience: Audience):
        self.post, self.question, self.writer, self.audience = post, question, writer, audience
        self.key = f"post:{post.pk}"

    def send(self, event: EventType, user_ids: list[int], **extra: Any) -> None:
        readers = readers_among(user_ids, self.post, actor_id=blockable_actor(self.writer))
        notify(
            event_type=event,
            key=self.key,
            group_key=f"{event}:{self.question.pk}",
            user_ids=readers,
            post=self.post,
            question=self.question,
            **_actor_fields(self.writer),
            **extra,
        )

    def to_writer_of(self, target: Post, event: EventType) -> None:
        target_writer = writer_of(target)
        user_ids = self.audience.take([target_writer.member_id])
        emails = self.audience.take_emails([target_writer.email])
        quiet = user_ids if not target_writer.wants_email else []
        self.send(event, user_ids, emails=emails, no_email_user_ids=quiet)

    def to_mentioned(self) -> None:
        source = f"{self.post.title}\n\n{self.post.body}" if self.post.title else self.post.body
        self.send(EventType.MENTION, self.audience.take(mentioned_user_ids(source)))

    def to_thread_commenters(self) -> None:
        """Earlier commenters on the same post: their latest comment's "email me" box says
        whether they want the email."""
        earlier = (
            Post.objects.comments()
            .published()
            .filter(parent_id=self.post.parent_id, created_at__lte=self.post.created_at)
            .exclude(pk=self.post.pk)
            .order_by("-created_at", "-pk")
            .only("id", "author_id", "pseudonym_id", "anon_email", "notify")
        )[: permissions.MAX_THREAD_COMMENTERS * 4]
        user_ids, emails, quiet = [], [], []
        for _, writer in writers_of(earlier):
            if writer.member_id is not None and writer.member_id not in user_ids:
                user_ids.append(writer.member_id)
                if not writer.wants_email:
                    quiet.append(writer.member_id)
            elif writer.email:
                emails.append(writer.email)
        user_ids = self.audience.take(user_ids[: permissions.MAX_THREAD_COMMENTERS])
        emails = self.audience.take_emails(emails[: permissions.MAX_THREAD_COMMENTERS])
        self.send(EventType.COMMENT_THREAD, user_ids, emails=emails, no_email_user_ids=quiet)


def post_edited(*, post: Post) -> None:
    """An edit may add @mentions: the newly mentioned hear of the post; anyone already told
    about it (as mentioned, asker, commenter) is not told again."""
    if not _public(post):
        return
    writer = writer_of(post)
    question = post if post.kind == PostKind.QUESTION else _load(post.question_id)
    _PostEvent(
        post=post, question=question, writer=writer, audience=audience_for(writer)
    ).to_mentioned()


def best_answer_selected(*, question: Post, answer: Post, actor: Any) -> None:
    """The answer's writer hears that it was chosen (not who chose it: usually the asker,
    who may be pseudonymous)."""
    if not _public(answer):
        return
    writer = writer_of(answer)
    exclude = {getattr(actor, "pk", None)}
    user_ids = [pk for pk in [writer.member_id] if pk is not None and pk not in exclude]
    readers = readers_among(user_ids, answer, actor_id=getattr(actor, "pk", None))
    notify(
        event_type=EventType.BEST_ANSWER,
        key=f"best:{answer.pk}",
        group_key=f"{EventType.BEST_ANSWER}:{question.pk}",
        user_ids=readers,
        emails=[writer.email] if writer.email else [],
        no_email_user_ids=readers if not writer.wants_email else [],
        post=answer,
        question=question,
    )


def post_approved(*, post: Post, actor: Any) -> None:
    """A moderator approved a post that was waiting: its writer is told, and everything a
    post published at once would have set off happens now."""
    writer = writer_of(post)
    if writer.member_id != getattr(actor, "pk", None):
        _status_event(EventType.POST_APPROVED, "approved", post, writer)
    post_published(post=post)


def post_hidden(*, post: Post, actor: Any = None) -> None:
    """A post was hidden, by a moderator or by the community's flags: its writer is told
    (never by whom). Anonymous visitors are not: they asked to hear of replies only."""
    writer = writer_of(post)
    if writer.member_id != getattr(actor, "pk", None):
        _status_event(EventType.POST_HIDDEN, "hidden", post, writer)


def _status_event(event: EventType, name: str, post: Post, writer: Writer) -> None:
    notify(
        event_type=event,
        key=f"{name}:{post.pk}:{_day()}",
        group_key=str(event),
        user_ids=_active([writer.member_id]),
        post=post,
        question_id=post.question_id,
    )


def flags_resolved(*, post: Post, status: str, actor: Any = None) -> None:
    """A moderator upheld or dismissed the open flags on a post: each member who raised one
    hears the outcome. Called before the flags are closed, while they are still open. A
    member flags a post once, so the post and the member name the flag."""
    from mindwell.moderation.models import Flag, FlagStatus

    flags = Flag.objects.filter(post=post, status=FlagStatus.OPEN)
    if actor is not None:
        flags = flags.exclude(user_id=actor.pk)
    flaggers = flags.values_list("user_id", flat=True)
    notify(
        event_type=EventType.FLAG_OUTCOME,
        key=f"flag:{post.pk}",
        group_key=str(EventType.FLAG_OUTCOME),
        user_ids=_active(list(flaggers)),
        post=post,
        question_id=post.question_id,
        data={"outcome": str(status)},
    )


# --- private messages ---------------------------------------------------------------------


def message_sent(*, message: Any) -> None:
    """The other member of the conversation hears of a new message (the messaging rules
    have already refused it if either blocks the other)."""
    conversation = message.conversation
    recipient_id = conversation.other_id(message.sender)
    notify(
        event_type=EventType.MESSAGE,
        key=f"message:{message.pk}",
        group_key=f"{EventType.MESSAGE}:{conversation.pk}",
        user_ids=_active([recipient_id]),
        conversation=conversation,
        actor=message.sender,
    )


def conversation_read(*, conversation: Any, reader: Any) -> None:
    """Opening a conversation reads its message notifications too."""
    notifications_mark_read_for(user=reader, conversation=conversation)


# --- moderators ---------------------------------------------------------------------------


def safety_alert(*, case: Any, reopened: bool = False) -> None:
    """A post entered the safety queue (a new case, a case raised to crisis, or a resolved
    case reopened by a new signal): everyone who handles safety cases is told at once.
    Whoever wrote the post is not among them, even if they are a moderator."""
    post = case.post
    writer = writer_of(post)
    recipients = [
        pk for pk in moderators_for(permissions.SAFETY_ACTION, post) if pk != writer.member_id
    ]
    occasion = f":reopened:{timezone.now().isoformat()}" if reopened else ""
    notify(
        event_type=EventType.SAFETY_ALERT,
        key=f"safety:{case.pk}:{case.level}{occasion}",
        group_key=str(EventType.SAFETY_ALERT),
        user_ids=recipients,
        post=post,
        question_id=post.question_id,
        data={"level": str(case.level), "case": case.pk},
    )


def approval_waiting(*, post: Post) -> None:
    """A new post is held for approval: the moderators who may approve it are told."""
    writer = writer_of(post)
    recipients = [
        pk for pk in moderators_for(permissions.APPROVAL_ACTION, post) if pk != writer.member_id
    ]
    notify(
        event_type=EventType.APPROVAL_WAITING,
        key=f"approval:{post.pk}:{_day()}",
        group_key=str(EventType.APPROVAL_WAITING),
        user_ids=recipients,
        post=post,
        question_id=post.question_id,
    )
