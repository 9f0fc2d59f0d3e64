"""Members flag posts; enough flags hide a post until a moderator looks at it, and a
"person at risk" flag goes straight to the safety queue."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from mindwell.core.errors import PermissionDenied, ServiceError
from mindwell.moderation import permissions
from mindwell.moderation.models import (
    AuditAction,
    Flag,
    FlagReason,
    FlagStatus,
    HarmfulAdviceKind,
)
from mindwell.moderation.services.audit import audit_write, counts_changed
from mindwell.notifications import events as notification_events
from mindwell.qa.models import Post, PostStatus
from mindwell.qa.services.publication import post_set_status
from mindwell.qa.validation import clean_text
from mindwell.siteconfig.models import SiteSettings

NOTE_MAX_LENGTH = 500
ALREADY_FLAGGED = gettext_lazy(
    "You have already flagged this post; the moderators will look at it."
)


def _check_flag_input(*, reason: str, harmful_kind: str, note: str) -> tuple[str, str]:
    if reason not in FlagReason.values:
        raise ServiceError(gettext("Please choose why you are flagging this post."), field="reason")
    if reason == FlagReason.HARMFUL:
        if harmful_kind not in HarmfulAdviceKind.values:
            raise ServiceError(
                gettext("Please say what makes the advice harmful."), field="harmful_kind"
            )
    else:
        harmful_kind = ""
    if len(note) > NOTE_MAX_LENGTH:
        raise ServiceError(
            (
                gettext(
                    "The note is too long: %(len)s characters, the most is %(NOTE_MAX_LENGTH)s."
                )
                % {"len": f"{len(note):,}", "NOTE_MAX_LENGTH": NOTE_MAX_LENGTH}
            ),
            field="note",
        )
    if reason == FlagReason.OTHER and not note:
        raise ServiceError(gettext("Please tell the moderators what is wrong."), field="note")
    return harmful_kind, note


def flag_create(
    *, user: Any, post: Post, reason: str, harmful_kind: str = "", note: str = ""
) -> Flag:
    """Record a member's flag on a post; hide the post when the flags reach the site's
    threshold, and open a safety case for a person at risk."""
    refusal = permissions.flag_refusal(user, post)
    if refusal:
        raise PermissionDenied(refusal)
    harmful_kind, note = _check_flag_input(
        reason=reason, harmful_kind=harmful_kind, note=clean_text(note)
    )
    threshold = SiteSettings.current().flags_to_hide
    with transaction.atomic():
        # The lock serialises flags on one post, so the count that triggers hiding is exact.
        post = Post.objects.select_for_update().get(pk=post.pk)
        refusal = permissions.flag_refusal(user, post)
        if refusal:
            raise PermissionDenied(refusal)
        if Flag.objects.filter(post=post, user=user).exists():
            raise ServiceError(ALREADY_FLAGGED)
        try:
            with transaction.atomic():
                flag = Flag.objects.create(
                    post=post, user=user, reason=reason, harmful_kind=harmful_kind, note=note
                )
        except IntegrityError:  # a double click that slipped past the check above
            raise ServiceError(ALREADY_FLAGGED) from None
        Post.objects.filter(pk=post.pk).update(flag_count=F("flag_count") + 1)
        post.flag_count += 1
        if post.status == PostStatus.PUBLISHED and post.flag_count >= threshold:
            post_set_status(post=post, status=PostStatus.HIDDEN)
            notification_events.post_hidden(post=post)
            audit_write(
                actor=None,
                action=AuditAction.AUTO_HIDE,
                post=post,
                target_user=post.author,
                detail={"flags": post.flag_count, "threshold": threshold},
            )
        if reason == FlagReason.AT_RISK:
            _raise_safety_case(post=post, note=note)
        counts_changed()
    return flag


def _raise_safety_case(*, post: Post, note: str) -> None:
    from mindwell.safety.services import case_raise

    phrase = note or str(FlagReason.AT_RISK.label)
    case_raise(
        post=post,
        level="crisis",
        source="flag",
        reasons=[{"rule": "flag", "phrase": phrase, "level": "crisis"}],
    )


def flags_close(*, post: Post, actor: Any, status: str) -> int:
    """Mark a post's open flags upheld or dismissed and reset its count. The caller holds
    the post's row lock. Returns how many flags were closed."""
    # Each member who flagged hears the outcome (read while the flags are still open).
    notification_events.flags_resolved(post=post, status=status, actor=actor)
    closed = Flag.objects.filter(post=post, status=FlagStatus.OPEN).update(
        status=status, resolved_at=timezone.now(), resolved_by=actor
    )
    if post.flag_count:
        post.flag_count = 0
        Post.objects.filter(pk=post.pk).update(flag_count=0)
    return closed


def was_hidden_by_flags(post: Post) -> bool:
    """Whether the post's latest hiding was the site's automatic one (so dismissing the
    flags should show it again), rather than a moderator's decision."""
    from mindwell.moderation.models import AuditEntry

    latest = (
        AuditEntry.objects.filter(
            post=post, action__in=[AuditAction.AUTO_HIDE, AuditAction.HIDE, AuditAction.RESHOW]
        )
        .order_by("-created_at", "-pk")
        .values_list("action", flat=True)
        .first()
    )
    return latest == AuditAction.AUTO_HIDE
