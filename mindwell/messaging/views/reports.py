"""Members reporting messages and wall posts; moderators reading and settling reports."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy

from mindwell.core.errors import ServiceError
from mindwell.messaging import permissions, selectors
from mindwell.messaging.forms import ReportForm, ReportHandleForm
from mindwell.messaging.models import Message, Report, WallPost, WallPostStatus
from mindwell.messaging.services import report_create, report_handle, reported_conversation_open
from mindwell.messaging.views.common import login_first
from mindwell.moderation.views.common import refuse
from mindwell.qa.pagination import PageRequest
from mindwell.qa.views.common import apply_service_error

THANKS = gettext_lazy(
    "Thank you. Moderators will look at your report; the writer is not told who made it."
)


def report_message(request: HttpRequest, pk: int) -> HttpResponse:
    denied = login_first(request)
    if denied is not None:
        return denied
    message = Message.objects.select_related("conversation", "sender").filter(pk=pk).first()
    # Someone outside the conversation learns nothing, not even that the message exists.
    if message is None or not message.conversation.includes(request.user):
        raise Http404("No such message.")
    back = reverse("messaging:conversation", args=[message.conversation_id])
    return _report(request, {"message": message}, back, message.sender)


def report_wall_post(request: HttpRequest, pk: int) -> HttpResponse:
    denied = login_first(request)
    if denied is not None:
        return denied
    post = WallPost.objects.select_related("owner", "author").filter(pk=pk).first()
    if post is None or (
        post.status != WallPostStatus.PUBLISHED
        and not permissions.can_hide_wall_posts(request.user)
    ):
        raise Http404("No such wall post.")
    back = f"{post.owner.get_absolute_url()}?tab=wall"
    return _report(request, {"wall_post": post}, back, post.author)


def _report(request: HttpRequest, target: dict[str, Any], back: str, writer: Any) -> HttpResponse:
    refusal = permissions.report_refusal(request.user, **target)
    if refusal:
        return refuse(request, refusal)
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                report_create(reporter=request.user, **target, **form.cleaned_data)
            except ServiceError as error:
                status = apply_service_error(form, error)
            else:
                messages.success(request, THANKS)
                return HttpResponseRedirect(back)
    context = {"form": form, "back": back, "writer": writer, **target}
    return render(request, "messaging/report.html", context, status=status)


def _moderators_only(request: HttpRequest) -> HttpResponse | None:
    denied = login_first(request)
    if denied is not None:
        return denied
    if not permissions.can_handle_reports(request.user):
        return refuse(request, "Reports on private messages and walls are for moderators.")
    return None


def report_list(request: HttpRequest) -> HttpResponse:
    denied = _moderators_only(request)
    if denied is not None:
        return denied
    settled = request.GET.get("tab") == "settled"
    page = selectors.reports(settled=settled, page=PageRequest.from_query(request.GET))
    return render(request, "messaging/reports.html", {"page": page, "settled": settled})


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A report, and for a message the conversation it is in (each reading is audited)."""
    denied = _moderators_only(request)
    if denied is not None:
        return denied
    report = selectors.report_detail(pk=pk)
    if report is None:
        raise Http404("No such report.")
    form = ReportHandleForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                settled = report_handle(report=report, moderator=request.user, **form.cleaned_data)
            except ServiceError as error:
                status = apply_service_error(form, error)
            else:
                messages.success(request, f"Settled {settled} report{'s' if settled > 1 else ''}.")
                return HttpResponseRedirect(reverse("messaging:reports"))
    return _detail_page(request, report, form, status)


def _detail_page(
    request: HttpRequest, report: Report, form: ReportHandleForm, status: int
) -> HttpResponse:
    context: dict[str, Any] = {
        "report": report,
        "form": form,
        "reports": selectors.other_reports(report=report),
        "can_hide": permissions.can_hide_wall_posts(request.user),
    }
    if report.message_id is not None:
        conversation = reported_conversation_open(report=report, moderator=request.user)
        page = selectors.conversation_messages(
            conversation=conversation, page=PageRequest.from_query(request.GET)
        )
        context.update(
            conversation=conversation,
            page=page,
            messages_in_order=list(reversed(page.items)),
            reported_ids=selectors.reported_message_ids(conversation=conversation),
        )
    return render(request, "messaging/report_detail.html", context, status=status)
