"""Posting on a profile wall, deleting, and moderators hiding or showing wall posts. The
wall itself is shown by the profile page (mindwell.accounts.views_profile)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from mindwell.accounts.views_profile import profile_context
from mindwell.core.errors import PermissionDenied, ServiceError
from mindwell.core.ratelimit import client_ip
from mindwell.messaging.forms import WallPostForm
from mindwell.messaging.models import WallPost
from mindwell.messaging.services import wall_post_create, wall_post_delete, wall_post_set_hidden
from mindwell.messaging.views.common import login_first, member_or_404, remember_risk
from mindwell.moderation.views.common import refuse
from mindwell.qa.views.common import apply_service_error
from mindwell.safety.pages import composer_context


def _wall_url(owner: object) -> str:
    return f"{owner.get_absolute_url()}?tab=wall#wall"  # type: ignore[attr-defined]


@require_POST
def wall_post(request: HttpRequest, username: str) -> HttpResponse:
    """Post on `username`'s wall; a refusal shows the profile's wall again with the text."""
    owner = member_or_404(username)
    form = WallPostForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            post = wall_post_create(
                author=request.user,
                owner=owner,
                body=form.cleaned_data["body"],
                ip=client_ip(request),
            )
        except ServiceError as error:
            status = apply_service_error(form, error)
        else:
            remember_risk(request, post.risk_level)
            messages.success(request, gettext("Your wall post is up."))
            return HttpResponseRedirect(_wall_url(owner))
    context = profile_context(request, owner, tab="wall")
    context.update(wall_form=form, **composer_context(request))
    return render(request, "accounts/user_profile.html", context, status=status)


def _wall_post_or_404(pk: int) -> WallPost:
    post = WallPost.objects.select_related("owner", "author").filter(pk=pk).first()
    if post is None:
        raise Http404("No such wall post.")
    return post


@require_POST
def wall_post_remove(request: HttpRequest, pk: int) -> HttpResponse:
    denied = login_first(request)
    if denied is not None:
        return denied
    post = _wall_post_or_404(pk)
    try:
        wall_post_delete(post=post, user=request.user)
    except PermissionDenied as error:
        return refuse(request, error.message)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, gettext("The wall post is deleted."))
    return HttpResponseRedirect(_wall_url(post.owner))


@require_POST
def wall_post_visibility(request: HttpRequest, pk: int, hide: bool) -> HttpResponse:
    denied = login_first(request)
    if denied is not None:
        return denied
    post = _wall_post_or_404(pk)
    try:
        wall_post_set_hidden(
            post=post, moderator=request.user, hidden=hide, reason=request.POST.get("reason", "")
        )
    except PermissionDenied as error:
        return refuse(request, error.message)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, "The wall post is hidden." if hide else "The wall post is shown again."
        )
    return HttpResponseRedirect(_wall_url(post.owner))
