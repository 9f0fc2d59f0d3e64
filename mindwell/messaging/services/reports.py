"""Reports on private messages and wall posts, and moderators reading and settling them.

Moderators read a private conversation only through a report on one of its messages, and
every such reading is written to the audit log. The audit log has no actions of its own for
private messages, so readings and settlements are logged as "safety" entries (the trust and
safety work they are), with the report and conversation ids in the detail and no text of
the messages; hiding a wall post is a "hide" entry.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from mindwell.core.errors import PermissionDenied, ServiceError
from mindwell.messaging import permissions
from mindwell.messaging.models import (
    Conversation,
    Message,
    Report,
    ReportOutcome,
    ReportReason,
    WallPost,
    WallPostStatus,
)
from mindwell.messaging.selectors import reports_changed, same_target
from mindwell.messaging.services.common import count_towards_limit
from mindwell.messaging.services.walls import wall_post_set_hidden
from mindwell.moderation.models import AuditAction
from mindwell.moderation.services.audit import audit_write
from mindwell.qa.validation import clean_text

NOTE_MAX_LENGTH = 500


def report_create(
    *,
    reporter: Any,
    reason: str,
    note: str = "",
    message: Message | None = None,
    wall_post: WallPost | None = None,
) -> Report:
    if (message is None) == (wall_post is None):
        raise ValueError("report exactly one message or wall post")
    refusal = permissions.report_refusal(reporter, message=message, wall_post=wall_post)
    if refusal:
        raise PermissionDenied(refusal)
    if reason not in ReportReason.values:
        raise ServiceError(gettext("Please choose a reason from the list."), field="reason")
    note = clean_text(note)
    if len(note) > NOTE_MAX_LENGTH:
        raise ServiceError(
            f"The note is too long: {len(note):,} characters, the most is {NOTE_MAX_LENGTH}.",
            field="note",
        )
    what = "message" if message is not None else "wall post"
    if Report.objects.filter(reporter=reporter, message=message, wall_post=wall_post).exists():
        raise ServiceError(f"You have already reported this {what}; moderators will look at it.")
    count_towards_limit(
        user=reporter,
        key="report",
        limit=permissions.REPORTS_PER_HOUR,
        done=f"made {permissions.REPORTS_PER_HOUR} reports",
    )
    try:
        with transaction.atomic():
            report = Report.objects.create(
                reporter=reporter, reason=reason, note=note, message=message, wall_post=wall_post
            )
            reports_changed()
            return report
    except IntegrityError:  # the same report sent twice at once
        raise ServiceError(
            f"You have already reported this {what}; moderators will look at it."
        ) from None


def _check_moderator(moderator: Any) -> None:
    if not permissions.can_handle_reports(moderator):
        raise PermissionDenied(gettext("Only moderators can read reports on private messages."))


def reported_conversation_open(*, report: Report, moderator: Any) -> Conversation:
    """The conversation a reported message is in, for a moderator, logged as read."""
    _check_moderator(moderator)
    if report.message_id is None:
        raise ServiceError(gettext("This report is about a wall post, not a private conversation."))
    message = Message.objects.select_related("conversation").get(pk=report.message_id)
    audit_write(
        actor=moderator,
        action=AuditAction.SAFETY,
        target_user=message.sender,
        reason=f"Read the private conversation of a reported message (report #{report.pk})",
        detail={"report": report.pk, "conversation": message.conversation_id},
    )
    return message.conversation


def report_handle(
    *,
    report: Report,
    moderator: Any,
    outcome: str,
    note: str = "",
    hide_wall_post: bool = False,
) -> int:
    """Settle `report` and every other open report on the same message or wall post;
    upholding one on a wall post may hide the post at the same time. Returns how many
    reports were settled."""
    _check_moderator(moderator)
    if outcome not in ReportOutcome.values:
        raise ServiceError(gettext("Please choose whether to uphold or dismiss the report."))
    note = clean_text(note)[:NOTE_MAX_LENGTH]
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if not report.is_open:
            raise ServiceError(gettext("This report has already been settled."))
        same = Report.objects.filter(same_target(report), handled_at__isnull=True)
        reports_changed()
        settled = same.update(
            handled_at=timezone.now(),
            handled_by=moderator,
            outcome=outcome,
            moderator_note=note,
        )
        if hide_wall_post and outcome == ReportOutcome.UPHELD and report.wall_post_id:
            wall_post = WallPost.objects.get(pk=report.wall_post_id)
            if wall_post.status != WallPostStatus.HIDDEN:
                wall_post_set_hidden(post=wall_post, moderator=moderator, hidden=True, reason=note)
        audit_write(
            actor=moderator,
            action=AuditAction.SAFETY,
            target_user=_writer(report),
            reason=note or f"Report #{report.pk} {outcome}",
            detail={"report": report.pk, "outcome": outcome, "reports": settled, **_target(report)},
        )
    return settled


def _writer(report: Report) -> Any:
    if report.message_id is not None:
        return Message.objects.select_related("sender").get(pk=report.message_id).sender
    return WallPost.objects.select_related("author").get(pk=report.wall_post_id or 0).author


def _target(report: Report) -> dict[str, int | None]:
    if report.message_id is not None:
        return {"message": report.message_id}
    return {"wall_post": report.wall_post_id}
