from __future__ import annotations

from urllib.parse import urlsplit

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import Resolver404, resolve, reverse
from django.views.decorators.http import require_POST

from mindwell.core.errors import ServiceError
from mindwell.moderation import permissions
from mindwell.moderation.actions import POST_ACTIONS
from mindwell.moderation.forms import ActionForm
from mindwell.moderation.selectors import post_for_moderation, post_history
from mindwell.moderation.views.common import moderators_only, safe_next
from mindwell.qa.models import Post, PostStatus
from mindwell.qa.views.common import apply_service_error


@moderators_only
def post_tools(request: HttpRequest, pk: int) -> HttpResponse:
    """Every action that applies to the post as it is now, each its own small form."""
    return _render_tools(request, pk)


@require_POST
@moderators_only
def post_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    action_class = POST_ACTIONS.get(action)
    if action_class is None:
        raise Http404("No such moderation action.")
    post = get_object_or_404(Post, pk=pk)
    form = ActionForm(request.POST, action=action_class)
    status = 400
    if form.is_valid():
        reason = form.cleaned_data["reason"]
        try:
            action_class(actor=request.user, post=post, reason=reason, **form.params()).execute()
        except ServiceError as error:
            status = apply_service_error(form, error)
        else:
            messages.success(request, action_class.done)
            return HttpResponseRedirect(_back(request, pk))
    return _render_tools(request, pk, bound=form, status=status)


def _back(request: HttpRequest, pk: int) -> str:
    tools = reverse("moderation:post", args=[pk])
    target = safe_next(request, tools)
    # A deleted post's public page is gone for everyone; its tools page still shows it.
    if (
        _is_moderation_page(target)
        or not Post.objects.filter(pk=pk, status=PostStatus.DELETED).exists()
    ):
        return target
    return tools


def _is_moderation_page(url: str) -> bool:
    try:
        return resolve(urlsplit(url).path).namespace == "moderation"
    except Resolver404:
        return False


def _render_tools(
    request: HttpRequest, pk: int, *, bound: ActionForm | None = None, status: int = 200
) -> HttpResponse:
    post = post_for_moderation(pk=pk)
    if post is None:
        raise Http404("No such post.")
    tags = " ".join(tag.name for tag in post.tags.all())
    forms = []
    for action_class in POST_ACTIONS.values():
        if bound is not None and bound.action is action_class:
            form = bound
        elif action_class.offered(post):
            form = ActionForm(action=action_class, initial_tags=tags)
        else:
            continue
        url = reverse("moderation:post-action", args=[post.pk, action_class.name])
        forms.append({"form": form, "url": url})
    context = {
        "post": post,
        "forms": forms,
        "history": post_history(post=post, limit=permissions.RECENT_HISTORY),
        "next": safe_next(request, ""),
        "can_sanction": permissions.can_sanction(request.user),
    }
    return render(request, "moderation/post.html", context, status=status)
