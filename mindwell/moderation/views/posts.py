from __future__ import annotations

from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from mindwell.core.errors import ServiceError
from mindwell.moderation import permissions
from mindwell.moderation.actions import POST_ACTIONS
from mindwell.moderation.forms import ActionForm
from mindwell.moderation.selectors import post_for_moderation, post_history
from mindwell.moderation.views.common import refuse, safe_next
from mindwell.qa.models import Post, PostStatus
from mindwell.qa.views.common import apply_service_error

MODERATORS_ONLY = gettext_lazy(
    "This page is for moderators. Please log in with a moderator account."
)


def post_tools(request: HttpRequest, pk: int) -> HttpResponse:
    """Every action that applies to the post as it is now and that the viewer may do (the
    permission policy decides, in the post's category), each its own small form."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    post = post_for_moderation(pk=pk)
    if post is None:
        raise Http404("No such post.")
    if not permissions.can_use_post_tools(request.user, post):
        return refuse(request, str(MODERATORS_ONLY))
    return _render_tools(request, pk, post=post)


@require_POST
def post_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    action_class = POST_ACTIONS.get(action)
    if action_class is None:
        raise Http404("No such moderation action.")
    post = get_object_or_404(Post.objects.select_related("question"), pk=pk)
    if not permissions.can_use_post_tools(request.user, post):
        # Nothing here for them: say what this action needs, without the tools page.
        refusal = permissions.post_action_refusal(request.user, action_class.permission, post)
        return refuse(request, refusal or str(MODERATORS_ONLY))
    form = ActionForm(request.POST, action=action_class)
    refusal = permissions.post_action_refusal(request.user, action_class.permission, post)
    if refusal:
        # Their other tools stay on the page, and so does the reason they typed.
        form.is_valid()
        form.add_error(None, refusal)
        return _render_tools(request, pk, bound=form, status=403)
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
    request: HttpRequest,
    pk: int,
    *,
    post: Post | None = None,
    bound: ActionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    post = post or post_for_moderation(pk=pk)
    if post is None:
        raise Http404("No such post.")
    tags = " ".join(tag.name for tag in post.tags.all())
    forms = []
    for action_class in POST_ACTIONS.values():
        if bound is not None and bound.action is action_class:
            form = bound
        elif action_class.offered(post) and action_class.permitted(request.user, post):
            form = ActionForm(action=action_class, initial_tags=tags)
        else:
            continue
        url = reverse("moderation:post-action", args=[post.pk, action_class.name])
        forms.append({"form": form, "url": url})
    # Flags (who raised them) and the history are for moderators, not for members who came
    # for one privilege such as retagging.
    can_moderate = permissions.can_moderate(request.user, post)
    context = {
        "post": post,
        "forms": forms,
        "history": post_history(post=post, limit=permissions.RECENT_HISTORY)
        if can_moderate
        else [],
        "next": safe_next(request, ""),
        "can_sanction": permissions.can_sanction(request.user),
        "can_moderate": can_moderate,
    }
    return render(request, "moderation/post.html", context, status=status)
