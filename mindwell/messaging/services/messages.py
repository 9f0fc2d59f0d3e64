"""Sending private messages and marking them read."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from mindwell.core.errors import PermissionDenied
from mindwell.core.markdown import render_markdown
from mindwell.messaging import permissions
from mindwell.messaging.models import Conversation, Message
from mindwell.messaging.services.common import count_towards_limit, risk_of, screened_text
from mindwell.notifications import events as notification_events


def _pair(first: Any, second: Any) -> tuple[int, int]:
    return (first.pk, second.pk) if first.pk < second.pk else (second.pk, first.pk)


def message_send(*, sender: Any, recipient: Any, body: str, ip: str | None = None) -> Message:
    """Send `body` from `sender` to `recipient`, in their conversation (started if needed).
    Raises PermissionDenied, RateLimited or ServiceError with a message for the sender."""
    refusal = permissions.message_refusal(sender, recipient)
    if refusal:
        raise PermissionDenied(refusal)
    text = screened_text(
        user=sender,
        body=body,
        ip=ip,
        label=gettext("message"),
        maximum=permissions.MESSAGE_MAX_LENGTH,
    )
    first_id, second_id = _pair(sender, recipient)
    existing = Conversation.objects.filter(
        first_member_id=first_id, second_member_id=second_id
    ).exists()
    if not existing:
        # A lower limit on starting conversations than on replying: the harm a spammer or
        # a harasser does is in reaching many people.
        count_towards_limit(
            user=sender,
            key="new",
            limit=permissions.NEW_CONVERSATIONS_PER_HOUR,
            done=gettext("started %(NEW_CONVERSATIONS_PER_HOUR)s new conversations")
            % {"NEW_CONVERSATIONS_PER_HOUR": permissions.NEW_CONVERSATIONS_PER_HOUR},
        )
    count_towards_limit(
        user=sender,
        key="send",
        limit=permissions.MESSAGES_PER_HOUR,
        done=gettext("sent %(MESSAGES_PER_HOUR)s private messages")
        % {"MESSAGES_PER_HOUR": permissions.MESSAGES_PER_HOUR},
    )
    now = timezone.now()
    with transaction.atomic():
        conversation, _ = Conversation.objects.get_or_create(
            first_member_id=first_id,
            second_member_id=second_id,
            defaults={"created_at": now, "last_message_at": now},
        )
        message = Message(
            conversation=conversation,
            sender=sender,
            body=text,
            body_html=render_markdown(text),
            risk_level=risk_of(text),
            created_at=now,
        )
        message.full_clean(exclude=["conversation", "sender"])
        message.save()
        Conversation.objects.filter(pk=conversation.pk).update(last_message_at=now)
        notification_events.message_sent(message=message)
    return message


def conversation_mark_read(*, conversation: Conversation, reader: Any) -> int:
    """Mark what the other member sent as read by `reader`; returns how many were new."""
    # Their inbox's notifications of these messages are read too.
    notification_events.conversation_read(conversation=conversation, reader=reader)
    return (
        Message.objects.filter(conversation=conversation, read_at__isnull=True)
        .exclude(sender_id=reader.pk)
        .update(read_at=timezone.now())
    )
