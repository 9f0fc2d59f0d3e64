"""Members blocking and unblocking each other."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from mindwell.core.errors import PermissionDenied, ServiceError
from mindwell.messaging.models import MemberBlock


def member_block(*, blocker: Any, blocked: Any) -> MemberBlock:
    """`blocker` stops all messages and wall posts between them and `blocked`. Restricted
    members may block too: a block only ever reduces contact."""
    if blocker is None or not blocker.is_authenticated:
        raise PermissionDenied(gettext("Please log in to block a member."))
    if blocker.pk == blocked.pk:
        raise ServiceError(gettext("You cannot block yourself."))
    with transaction.atomic():
        block, created = MemberBlock.objects.get_or_create(blocker=blocker, blocked=blocked)
    if not created:
        raise ServiceError(f"You have already blocked {blocked.username}.")
    return block


def member_unblock(*, blocker: Any, blocked: Any) -> None:
    deleted, _ = MemberBlock.objects.filter(blocker_id=blocker.pk, blocked_id=blocked.pk).delete()
    if not deleted:
        raise ServiceError(f"You have not blocked {blocked.username}.")
