"""Follow buttons (plain POST forms; JSON for the page's script) and "My updates"."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from mindwell.core.errors import ServiceError
from mindwell.core.ids import parse_id
from mindwell.core.redirects import safe_next
from mindwell.follows.models import FollowTarget
from mindwell.follows.selectors import updates_page
from mindwell.follows.services import follow_add, follow_remove
from mindwell.qa.models import Post, PostKind
from mindwell.qa.pagination import PageRequest
from mindwell.qa.views.common import status_for, wants_json
from mindwell.taxonomy.models import Category, Tag

NOUNS = {
    FollowTarget.QUESTION: "this question",
    FollowTarget.USER: "this member",
    FollowTarget.TAG: "this tag",
    FollowTarget.CATEGORY: "this category",
}


def _target(kind: str, key: str) -> Any:
    if kind == FollowTarget.QUESTION:
        pk = parse_id(key)
        if pk is None:
            raise Http404("No such question.")
        return get_object_or_404(Post, pk=pk, kind=PostKind.QUESTION)
    if kind == FollowTarget.USER:
        return get_object_or_404(get_user_model(), username=key)
    if kind == FollowTarget.TAG:
        return get_object_or_404(Tag, name=key.lower())
    if kind == FollowTarget.CATEGORY:
        return get_object_or_404(Category, slug=key)
    raise Http404("Nothing of that kind can be followed.")


def _back(request: HttpRequest, target: Any) -> str:
    return safe_next(request, str(target.get_absolute_url()))


@require_POST
def follow(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    """Follow (action=follow) or unfollow (action=unfollow) one thing."""
    target = _target(kind, key)
    action = request.POST.get("action", "follow")
    noun = NOUNS[FollowTarget(kind)]
    try:
        if action not in ("follow", "unfollow"):
            raise ServiceError(gettext("Choose to follow or to unfollow."))
        if action == "follow":
            follow_add(user=request.user, target=target)
            message = gettext("You now follow %(noun)s; new activity shows in My updates.") % {
                "noun": noun
            }
        else:
            follow_remove(user=request.user, target=target)
            message = gettext("You no longer follow %(noun)s.") % {"noun": noun}
    except ServiceError as error:
        status = status_for(error)
        if wants_json(request):
            return JsonResponse({"error": error.message}, status=status)
        context = {"message": error.message, "back": _back(request, target)}
        return render(request, "follows/refused.html", context, status=status)
    following = action == "follow"
    if wants_json(request):
        return JsonResponse({"following": following, "message": message})
    messages.success(request, message)
    return HttpResponseRedirect(_back(request, target))


@login_required
def updates(request: HttpRequest) -> HttpResponse:
    page = updates_page(user=request.user, page=PageRequest.from_query(request.GET))
    if page.notice:
        messages.info(request, page.notice)
    return render(request, "follows/updates.html", {"page": page})
