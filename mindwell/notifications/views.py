"""The inbox (/inbox/) and notification settings (/inbox/settings/). Plain forms: marking
read and saving settings are POSTs that redirect, so everything works without script."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from mindwell.core.errors import ServiceError
from mindwell.notifications import selectors
from mindwell.notifications.models import Delivery
from mindwell.notifications.preferences import preference_rows, preferences_save
from mindwell.notifications.services import notifications_mark_all_read, notifications_mark_read
from mindwell.qa.pagination import PageRequest
from mindwell.qa.views.common import status_for


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    page = PageRequest.from_query(request.GET)
    box = selectors.inbox(user=request.user, page=page)
    if box.page.notice:
        messages.info(request, box.page.notice)
    return render(request, "notifications/inbox.html", {"inbox": box, "page": box.page})


def _group_key(request: HttpRequest) -> str:
    return str(request.POST.get("group", ""))[:100]


@login_required
@require_POST
def open_group(request: HttpRequest) -> HttpResponse:
    """Follow an unread group's link, marking the group read on the way."""
    group = _group_key(request)
    target = selectors.group_target(user=request.user, group_key=group)
    notifications_mark_read(user=request.user, group_key=group)
    if not target:
        messages.info(request, gettext("That is no longer available, so it was marked read."))
    return HttpResponseRedirect(target or reverse("notifications:inbox"))


@login_required
@require_POST
def mark_read(request: HttpRequest) -> HttpResponse:
    marked = notifications_mark_read(user=request.user, group_key=_group_key(request))
    if marked:
        messages.success(request, gettext("Marked as read."))
    return HttpResponseRedirect(reverse("notifications:inbox"))


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    marked = notifications_mark_all_read(user=request.user)
    noun = "notification" if marked == 1 else "notifications"
    messages.success(
        request,
        gettext("Marked %(marked)s %(noun)s as read.") % {"marked": f"{marked:,}", "noun": noun}
        if marked
        else "All read.",
    )
    return HttpResponseRedirect(reverse("notifications:inbox"))


@login_required
def notification_settings(request: HttpRequest) -> HttpResponse:
    status, chosen = 200, None
    if request.method == "POST":
        chosen = {
            row.event_type: str(request.POST.get(row.event_type, ""))[:20]
            for row in preference_rows(request.user)
            if not row.locked
        }
        try:
            preferences_save(user=request.user, choices=chosen)
        except ServiceError as error:
            messages.error(request, error.message)
            status = status_for(error)
        else:
            messages.success(request, gettext("Your notification settings are saved."))
            return HttpResponseRedirect(reverse("notifications:settings"))
    context = {"rows": preference_rows(request.user, chosen), "deliveries": Delivery.choices}
    return render(request, "notifications/settings.html", context, status=status)
