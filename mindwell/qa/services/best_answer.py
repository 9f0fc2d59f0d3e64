from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from mindwell.badges.tasks import enqueue_badge_check
from mindwell.core.errors import PermissionDenied, ServiceError
from mindwell.notifications import events as notification_events
from mindwell.qa import permissions
from mindwell.qa.models import Post, PostKind, PostStatus
from mindwell.reputation.models import EventKind
from mindwell.reputation.rules import current_rules
from mindwell.reputation.services import points_add


def _selection_points(question: Post, answer: Post, sign: int) -> None:
    """Q2A gives points for a selection only when asker and answerer differ (the asker's,
    under its rule, even when they are the same: see PointsRules.selection)."""
    earned = current_rules().selection(asker_id=question.author_id, answerer_id=answer.author_id)
    for user_id, points in earned.items():
        is_asker = user_id == question.author_id
        points_add(
            user_id=user_id,
            kind=EventKind.SELECTED_ANSWER if is_asker else EventKind.ANSWER_SELECTED,
            points=sign * points,
            post_id=question.pk if is_asker else answer.pk,
        )


def best_answer_select(*, question: Post, answer: Post, user: Any) -> Post:
    refusal = permissions.select_best_refusal(user, question)
    if refusal:
        raise PermissionDenied(refusal)
    with transaction.atomic():
        question = Post.objects.select_for_update().get(pk=question.pk)
        answer = Post.objects.get(pk=answer.pk)
        if answer.kind != PostKind.ANSWER or answer.parent_id != question.pk:
            raise ServiceError(gettext("That answer does not belong to this question."))
        if answer.status != PostStatus.PUBLISHED:
            raise ServiceError(gettext("That answer is no longer available."))
        if question.best_answer_id == answer.pk:
            return question
        if question.best_answer_id is not None:
            _selection_points(question, Post.objects.get(pk=question.best_answer_id), -1)
        question.best_answer = answer
        question.save(update_fields=["best_answer"])
        _selection_points(question, answer, +1)
        notification_events.best_answer_selected(question=question, answer=answer, actor=user)
        enqueue_badge_check(answer.author_id)  # in the background, after the commit
    return question


def best_answer_unselect(*, question: Post, user: Any) -> Post:
    refusal = permissions.select_best_refusal(user, question)
    if refusal:
        raise PermissionDenied(refusal)
    with transaction.atomic():
        question = Post.objects.select_for_update().get(pk=question.pk)
        if question.best_answer_id is None:
            return question
        _selection_points(question, Post.objects.get(pk=question.best_answer_id), -1)
        question.best_answer = None
        question.save(update_fields=["best_answer"])
    return question
