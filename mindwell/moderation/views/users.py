from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from mindwell.core.errors import ServiceError
from mindwell.moderation import permissions
from mindwell.moderation.actions import USER_ACTIONS
from mindwell.moderation.forms import ActionForm
from mindwell.moderation.selectors import (
    member_for_moderation,
    member_history,
    member_post_counts,
)
from mindwell.moderation.views.common import moderators_only, refuse
from mindwell.qa.views.common import apply_service_error


@moderators_only
def user_tools(request: HttpRequest, username: str) -> HttpResponse:
    """A member's restrictions, posts and history; the actions are for administrators."""
    return _render_tools(request, username)


@require_POST
def user_act(request: HttpRequest, username: str, action: str) -> HttpResponse:
    """Whoever the permission policy allows for this action (not only moderators: the
    rules are the administrators' to set)."""
    action_class = USER_ACTIONS.get(action)
    member = member_for_moderation(username=username)
    if action_class is None or member is None:
        raise Http404("No such member or action.")
    form = ActionForm(request.POST, action=action_class)
    refusal = permissions.sanction_refusal(request.user, member, action_class.permission)
    if refusal:
        return refuse(request, refusal)
    status = 400
    if form.is_valid():
        reason = form.cleaned_data["reason"]
        try:
            action_class(
                actor=request.user, member=member, reason=reason, **form.params()
            ).execute()
        except ServiceError as error:
            status = apply_service_error(form, error)
        else:
            messages.success(request, action_class.done)
            return HttpResponseRedirect(reverse("moderation:user", args=[member.username]))
    return _render_tools(request, username, bound=form, status=status)


def _render_tools(
    request: HttpRequest, username: str, *, bound: ActionForm | None = None, status: int = 200
) -> HttpResponse:
    member = member_for_moderation(username=username)
    if member is None:
        raise Http404("No such member.")
    refusal = permissions.sanction_refusal(request.user, member)
    forms = []
    if refusal is None:
        for action_class in USER_ACTIONS.values():
            if bound is not None and bound.action is action_class:
                form = bound
            elif action_class.offered(member) and not permissions.sanction_refusal(
                request.user, member, action_class.permission
            ):
                form = ActionForm(action=action_class)
            else:
                continue
            url = reverse("moderation:user-action", args=[member.username, action_class.name])
            forms.append({"form": form, "url": url})
    context = {
        "member": member,
        "forms": forms,
        "refusal": refusal,
        "post_counts": member_post_counts(member=member),
        "history": member_history(member=member, limit=permissions.RECENT_HISTORY),
        "can_view_emails": permissions.can_view_emails(request.user),
    }
    return render(request, "moderation/user.html", context, status=status)
