"""Reading privacy data: a member's pseudonym, anonymous posts and pending deletion, and
the map of every model that points at members (which export and deletion walk)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q, QuerySet

from mindwell.privacy.models import DeletionRequest, Pseudonym
from mindwell.qa.models import Post, PostStatus

# Set on the member's object so that asking "did they write this?" for every post of a
# page costs one query at most (request.user lives as long as the request).
_PSEUDONYM_CACHE = "_privacy_pseudonym_id"
_NOT_LOADED = object()


def pseudonym_id_of(user: Any) -> int | None:
    """The id of the member's pseudonym, or None when they never posted anonymously."""
    if user is None or not user.is_authenticated:
        return None
    cached = getattr(user, _PSEUDONYM_CACHE, _NOT_LOADED)
    if cached is _NOT_LOADED:
        cached = Pseudonym.objects.filter(user_id=user.pk).values_list("pk", flat=True).first()
        remember_pseudonym(user, cached)
    return cached  # type: ignore[return-value]


def remember_pseudonym(user: Any, pseudonym_id: int | None) -> None:
    setattr(user, _PSEUDONYM_CACHE, pseudonym_id)


def pseudonym_of(*, user: Any) -> Pseudonym | None:
    return Pseudonym.objects.filter(user=user).first()


def anonymous_posts(*, user: Any) -> QuerySet[Post]:
    """The member's own posts made under their pseudonym (never shown to anyone else)."""
    return (
        Post.objects.filter(pseudonym__user=user)
        .exclude(status=PostStatus.DELETED)
        .select_related("question")
        .order_by("-created_at", "-pk")
    )


def posts_of(*, user: Any) -> QuerySet[Post]:
    """Every post the member wrote, under their name or their pseudonym."""
    return Post.objects.filter(Q(author=user) | Q(pseudonym__user=user))


def pending_deletion(*, user: Any) -> DeletionRequest | None:
    if user is None or not user.is_authenticated:
        return None
    return DeletionRequest.objects.pending().filter(user_id=user.pk).first()


@dataclass(frozen=True)
class UserRelation:
    """One foreign key from some model to the member model, e.g. votes.Vote.user."""

    model: type[models.Model]
    field: models.ForeignKey

    @property
    def label(self) -> str:
        return str(self.model._meta.label_lower)

    @property
    def name(self) -> str:
        return str(self.field.name)


def user_relations() -> list[UserRelation]:
    """Every foreign key (and one-to-one) to the member model in every installed app,
    including the hidden tables behind many-to-many fields. Export and deletion walk this
    list, so a feature added later is covered without touching them."""
    user_model = get_user_model()
    relations = []
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if isinstance(field, models.ForeignKey) and field.related_model is user_model:
                relations.append(UserRelation(model=model, field=field))
    return sorted(relations, key=lambda relation: (relation.label, relation.name))
