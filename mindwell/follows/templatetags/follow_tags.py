"""`{% follow_button thing %}` for question, profile, tag and category pages, and
`{% followed_list member %}` for a member's own profile. Each runs one query."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from mindwell.follows import permissions
from mindwell.follows.models import FollowTarget
from mindwell.follows.selectors import followed_by, is_following
from mindwell.follows.services import target_type_of

register = template.Library()

LABELS = {
    FollowTarget.QUESTION: "this question",
    FollowTarget.USER: "{}",
    FollowTarget.TAG: "the tag {}",
    FollowTarget.CATEGORY: "{}",
}


def _key(kind: FollowTarget, target: Any) -> str:
    if kind == FollowTarget.QUESTION:
        return str(target.pk)
    if kind == FollowTarget.USER:
        return str(target.username)
    if kind == FollowTarget.TAG:
        return str(target.name)
    return str(target.slug)


@register.inclusion_tag("follows/_button.html", takes_context=True)
def follow_button(context: template.Context, target: Any) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    kind = target_type_of(target)
    own = kind == FollowTarget.USER and user is not None and user.pk == target.pk
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "show": not own,
        "can_follow": permissions.can_follow(user),
        "following": is_following(user, target) if permissions.can_follow(user) else False,
        "action": reverse("follows:follow", args=[kind.value, _key(kind, target)]),
        "label": LABELS[kind].format(target),
    }


@register.inclusion_tag("follows/_followed.html", takes_context=True)
def followed_list(context: template.Context, member: Any) -> dict[str, Any]:
    """What `member` follows, shown only to themselves: follows are private."""
    request = context.get("request")
    user = getattr(request, "user", None)
    mine = user is not None and user.is_authenticated and user.pk == member.pk
    return {"mine": mine, "followed": followed_by(member) if mine else None}
