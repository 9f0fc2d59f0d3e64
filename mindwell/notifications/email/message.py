"""The finished email for one outbox row: addresses, both parts, and the headers.

Built when the row is sent, never earlier, so it says only what the recipient may see at
that moment and honours an unsubscribe made after the event. Returns `Skip` when there is
nothing to send any more (opted out, account closed, address gone).
"""

from __future__ import annotations

from dataclasses import dataclass
from email.utils import parseaddr
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import translation
from django.utils.crypto import salted_hmac

from mindwell.notifications import permissions
from mindwell.notifications import unsubscribe as unsub
from mindwell.notifications.email import context as contexts
from mindwell.notifications.email.templates import DIGEST, MAILING, render
from mindwell.notifications.models import Delivery, EventType, Notification
from mindwell.notifications.models_email import EmailKind, OutboundEmail
from mindwell.notifications.preferences import LOCKED, delivery_for_notification


@dataclass(frozen=True)
class Skip:
    reason: str


def message_id(row: OutboundEmail) -> str:
    """The same Message-ID every time this row is sent: a message sent twice after a crash
    is recognisably one message to mail systems that deduplicate by it."""
    tag = salted_hmac("mindwell.notifications.message-id", row.key).hexdigest()[:16]
    return f"<mindwell.{row.pk}.{tag}@{_domain()}>"


def _domain() -> str:
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return address.rpartition("@")[2] or "localhost"


def build(row: OutboundEmail, overrides: dict[str, Any]) -> EmailMultiAlternatives | Skip:
    # In the site's language, whatever process sends it: dates are written for the reader,
    # not in the language of the request or worker that happened to send the email.
    with translation.override(settings.LANGUAGE_CODE):
        return _build(row, overrides)


def _build(row: OutboundEmail, overrides: dict[str, Any]) -> EmailMultiAlternatives | Skip:
    if row.kind == EmailKind.NOTIFICATION:
        prepared = _notification(row.notification)
    elif row.kind == EmailKind.DIGEST:
        prepared = _digest(row)
    else:
        prepared = _mailing(row)
    if isinstance(prepared, Skip):
        return prepared
    name, address, context, token = prepared
    if token:
        url = unsub.unsubscribe_url(token)
        scope = unsub.read_token(token)
        context["unsubscribe_url"] = url
        context["unsubscribe_what"] = unsub.describe(scope) if scope else ""
    rendered = render(name, context, overrides)
    headers = {"Message-ID": message_id(row), "Auto-Submitted": "auto-generated"}
    if token:
        # RFC 2369 and RFC 8058: mail programs show an "Unsubscribe" button that POSTs
        # "List-Unsubscribe=One-Click" to this address, no login needed.
        headers["List-Unsubscribe"] = f"<{context['unsubscribe_url']}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
        headers=headers,
    )
    message.attach_alternative(rendered.html, "text/html")
    return message


Prepared = tuple[str, str, dict[str, Any], str]


def _member_address(user: Any) -> str | Skip:
    if user is None or not permissions.can_receive(user):
        return Skip("the account is closed or blocked")
    if not user.email:
        return Skip("the member has no email address")
    return str(user.email)


def _notification(notification: Notification | None) -> Prepared | Skip:
    if notification is None:
        return Skip("the notification was deleted")
    user = notification.recipient
    if user is not None:
        address = _member_address(user)
        if isinstance(address, Skip):
            return address
        # Asked again now: the member may have turned these emails off since the event.
        if delivery_for_notification(notification, user) == Delivery.OFF:
            return Skip("the member turned these emails off")
        # Safety alerts cannot be turned off (see preferences.LOCKED): no link pretends so.
        locked = notification.event_type in LOCKED
        token = "" if locked else unsub.member_token(user.pk, notification.event_type)
    else:
        address = notification.recipient_email
        if not address:
            return Skip("no address")
        if unsub.address_opted_out(address, notification.question_id):
            return Skip("the address asked for no more email")
        token = unsub.address_token(address, notification.question_id)
    context = contexts.notification_context(notification, user)
    context["is_member"] = user is not None
    return str(EventType(notification.event_type)), address, context, token


def _digest(row: OutboundEmail) -> Prepared | Skip:
    digest = row.digest
    user = row.recipient
    assert digest is not None
    address = _member_address(user)
    if isinstance(address, Skip):
        return address
    assert user is not None
    notifications = list(
        digest.notifications.select_related("post", "question", "actor").order_by("created_at")
    )
    if not notifications:
        return Skip("every notification in the digest was deleted")
    context = contexts.digest_context(notifications, user, digest.period)
    context["is_member"] = True
    return DIGEST, address, context, unsub.member_token(user.pk, f"digest:{digest.period}")


def _mailing(row: OutboundEmail) -> Prepared | Skip:
    user = row.recipient
    address = _member_address(user)
    if isinstance(address, Skip):
        return address
    assert user is not None
    if not unsub.wants_announcements(user.pk):
        return Skip("the member no longer wants announcements")
    context = contexts.mailing_context(row.mailing, user)
    context["is_member"] = True
    return MAILING, address, context, unsub.member_token(user.pk, unsub.ANNOUNCEMENTS)
