"""Following and unfollowing questions, members, tags and categories."""

from __future__ import annotations

from typing import Any, Literal

from django.contrib.auth import get_user_model
from django.http import HttpRequest
from ninja import Router

from mindwell.api.auth import WRITE
from mindwell.api.errors import from_service_error, not_found, responses
from mindwell.api.schemas.people import FollowOut
from mindwell.core.errors import ServiceError
from mindwell.core.ids import parse_id
from mindwell.follows.models import FollowTarget
from mindwell.follows.services import follow_add, follow_remove
from mindwell.qa.models import Post, PostKind
from mindwell.taxonomy.models import Category, Tag

router = Router(tags=["follows"])

Kind = Literal["question", "user", "tag", "category"]


def _target(request: HttpRequest, kind: str, key: str) -> Any:
    target: Any = None
    if kind == FollowTarget.QUESTION:
        pk = parse_id(key)
        if pk is not None:
            questions = Post.objects.visible_to(request.user).filter(kind=PostKind.QUESTION)
            target = questions.filter(pk=pk).first()
    elif kind == FollowTarget.USER:
        target = get_user_model().objects.filter(username=key[:150], is_active=True).first()
    elif kind == FollowTarget.TAG:
        target = Tag.objects.filter(name=key.lower()[:40]).first()
    else:
        target = Category.objects.filter(slug=key[:80]).first()
    if target is None:
        raise not_found(f"There is no such {kind} to follow.")
    return target


def _change(request: HttpRequest, kind: str, key: str, *, follow: bool) -> dict:
    target = _target(request, kind, key)
    try:
        if follow:
            follow_add(user=request.user, target=target)
        else:
            follow_remove(user=request.user, target=target)
    except ServiceError as error:
        raise from_service_error(error, retry_after=60) from None  # a per-minute limit
    message = f"You now follow this {kind}." if follow else f"You no longer follow this {kind}."
    return {"kind": kind, "key": key, "following": follow, "message": message}


@router.put(
    "/follows/{kind}/{key}",
    response=responses({200: FollowOut}, write=True),
    auth=WRITE,
    summary="Follow a question (by id), member (username), tag (name) or category (slug)",
)
def follow(request: HttpRequest, kind: Kind, key: str) -> dict:
    return _change(request, kind, key, follow=True)


@router.delete(
    "/follows/{kind}/{key}",
    response=responses({200: FollowOut}, write=True),
    auth=WRITE,
    summary="Stop following something",
)
def unfollow(request: HttpRequest, kind: Kind, key: str) -> dict:
    return _change(request, kind, key, follow=False)
