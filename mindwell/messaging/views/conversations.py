"""The inbox, a conversation with its reply form, starting a conversation, and blocks."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from mindwell.core.errors import ServiceError
from mindwell.core.ratelimit import client_ip
from mindwell.messaging import permissions, selectors
from mindwell.messaging.forms import MessageForm
from mindwell.messaging.models import Conversation, Message
from mindwell.messaging.services import (
    conversation_mark_read,
    member_block,
    member_unblock,
    message_send,
)
from mindwell.messaging.views.common import (
    login_first,
    member_or_404,
    remember_risk,
    take_safety_notice,
)
from mindwell.moderation.views.common import refuse, safe_next
from mindwell.qa.models import RiskLevel
from mindwell.qa.pagination import PageRequest
from mindwell.qa.views.common import apply_service_error
from mindwell.safety.pages import composer_context


def _messages_gate(request: HttpRequest) -> HttpResponse | None:
    denied = login_first(request)
    if denied is not None:
        return denied
    if not permissions.can_open_messages(request.user):
        return refuse(request, str(permissions.MESSAGES_OFF))
    return None


def inbox(request: HttpRequest) -> HttpResponse:
    denied = _messages_gate(request)
    if denied is not None:
        return denied
    page = selectors.inbox(user=request.user, page=PageRequest.from_query(request.GET))
    return render(request, "messaging/inbox.html", {"page": page})


def _send(request: HttpRequest, form: MessageForm, recipient: Any) -> Message | int:
    """Send the form's message; the new message, or the refusal's status with the reason
    on the form (which keeps the text)."""
    if not form.is_valid():
        return 400
    try:
        message = message_send(
            sender=request.user,
            recipient=recipient,
            body=form.cleaned_data["body"],
            ip=client_ip(request),
        )
    except ServiceError as error:
        return apply_service_error(form, error)
    remember_risk(request, message.risk_level)
    return message


def _sent(message: Message) -> HttpResponse:
    url = reverse("messaging:conversation", args=[message.conversation_id])
    return HttpResponseRedirect(f"{url}#message-{message.pk}")


def compose(request: HttpRequest, username: str) -> HttpResponse:
    """The first message to a member (or, when they have talked before, their conversation)."""
    denied = _messages_gate(request)
    if denied is not None:
        return denied
    recipient = member_or_404(username)
    existing = selectors.conversation_between(first=request.user, second=recipient)
    if existing is not None and request.method != "POST":
        return HttpResponseRedirect(reverse("messaging:conversation", args=[existing.pk]))
    refusal = permissions.message_refusal(request.user, recipient)
    if request.method != "POST":
        if refusal:
            return refuse(request, refusal)
        return _compose_page(request, MessageForm(), recipient, 200)
    form = MessageForm(request.POST)
    result = _send(request, form, recipient)
    if isinstance(result, Message):
        messages.success(request, f"Your message to {recipient.username} is sent.")
        return _sent(result)
    return _compose_page(request, form, recipient, result)


def _compose_page(
    request: HttpRequest, form: MessageForm, recipient: Any, status: int
) -> HttpResponse:
    context = {"form": form, "recipient": recipient, **composer_context(request)}
    return render(request, "messaging/compose.html", context, status=status)


def conversation(request: HttpRequest, pk: int) -> HttpResponse:
    denied = _messages_gate(request)
    if denied is not None:
        return denied
    talk = selectors.conversation_for(pk=pk, user=request.user)
    if talk is None:
        raise Http404("No such conversation.")
    if request.method == "POST":
        form = MessageForm(request.POST)
        result = _send(request, form, talk.other)  # type: ignore[attr-defined]
        if isinstance(result, Message):
            return _sent(result)
        return _conversation_page(request, talk, form, result)
    conversation_mark_read(conversation=talk, reader=request.user)
    return _conversation_page(request, talk, MessageForm(), 200)


def _conversation_page(
    request: HttpRequest, talk: Conversation, form: MessageForm, status: int
) -> HttpResponse:
    page = selectors.conversation_messages(
        conversation=talk, page=PageRequest.from_query(request.GET)
    )
    other: Any = talk.other  # type: ignore[attr-defined]
    context: dict[str, Any] = {
        "conversation": talk,
        "other": other,
        "page": page,
        # Oldest first on the page, as a conversation is read; pages go back in time.
        "messages_in_order": list(reversed(page.items)),
        "form": form,
        "reply_refusal": permissions.message_refusal(request.user, other),
        "blocked": permissions.has_blocked(request.user, other),
        "their_crisis": any(
            m.sender_id == other.pk and m.risk_level == RiskLevel.CRISIS for m in page.items
        ),
        **composer_context(request),
    }
    if request.method != "POST":
        context["composer_safety"] = take_safety_notice(request)
    return render(request, "messaging/conversation.html", context, status=status)


@require_POST
def block(request: HttpRequest, username: str) -> HttpResponse:
    denied = login_first(request)
    if denied is not None:
        return denied
    member = member_or_404(username)
    try:
        member_block(blocker=request.user, blocked=member)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            f"You have blocked {member.username}: neither of you can message the other or "
            "post on the other’s wall.",
        )
    return HttpResponseRedirect(safe_next(request, member.get_absolute_url()))


@require_POST
def unblock(request: HttpRequest, username: str) -> HttpResponse:
    denied = login_first(request)
    if denied is not None:
        return denied
    member = member_or_404(username)
    try:
        member_unblock(blocker=request.user, blocked=member)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"You have unblocked {member.username}.")
    return HttpResponseRedirect(safe_next(request, member.get_absolute_url()))


def blocked_list(request: HttpRequest) -> HttpResponse:
    denied = login_first(request)
    if denied is not None:
        return denied
    blocks = selectors.blocked_members(user=request.user)
    return render(request, "messaging/blocked.html", {"blocks": blocks})
