"""Staff decide on applications: approve, reject, or later revoke a verification.

Every decision writes one audit-log row. The audit log has no action of its own for
professionals, so decisions are recorded as "settings change" entries (AuditAction.SETTINGS)
about the member, with detail {"professional": "approved" | "rejected" | "revoked" |
"expired", "application": <id>, ...}; filter the log by the member to see them.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from mindwell.badges.tasks import enqueue_badge_check
from mindwell.core.errors import PermissionDenied, ServiceError
from mindwell.moderation.models import AuditAction
from mindwell.moderation.services.audit import audit_write
from mindwell.professionals import permissions
from mindwell.professionals.models import (
    ApplicationStatus,
    ProfessionalApplication,
    ProfessionalStatus,
)

REASON_NEEDED = gettext_lazy("Please give a reason; the member will see it.")


def _locked(application_id: int, *, reviewer: Any) -> ProfessionalApplication:
    """The application, locked against a second reviewer deciding at the same moment."""
    application = (
        ProfessionalApplication.objects.select_for_update(of=("self",))
        .select_related("user")
        .filter(pk=application_id)
        .first()
    )
    if application is None:
        raise ServiceError(gettext("There is no such application."))
    refusal = permissions.review_refusal(reviewer, application.user)
    if refusal:
        raise PermissionDenied(refusal)
    return application


def _require_pending(application: ProfessionalApplication) -> None:
    if not application.is_pending:
        by = f" by {application.decided_by}" if application.decided_by_id else ""
        raise ServiceError(
            gettext(
                "This application was %(get_status_display)s%(by)s already; nothing was changed."
            )
            % {"get_status_display": application.get_status_display(), "by": by}
        )


def _decide(
    application: ProfessionalApplication, *, reviewer: Any, status: str, reason: str
) -> None:
    application.status = status
    application.decided_by = reviewer
    application.decided_at = timezone.now()
    application.decision_reason = reason
    application.save()


def _audit(
    application: ProfessionalApplication, *, actor: Any, outcome: str, reason: str, **extra: Any
) -> None:
    audit_write(
        actor=actor,
        action=AuditAction.SETTINGS,
        target_user=application.user,
        reason=reason,
        detail={"professional": outcome, "application": application.pk, **extra},
    )


def application_approve(
    *,
    reviewer: Any,
    application_id: int,
    expires_on: datetime.date | None = None,
    note: str = "",
    today: datetime.date | None = None,
) -> ProfessionalApplication:
    """Approve a pending application; the member shows the badge until the licence expires.
    `expires_on` corrects the date the member gave (say, after checking the register)."""
    today = today or timezone.localdate()
    note = note.strip()
    with transaction.atomic():
        application = _locked(application_id, reviewer=reviewer)
        _require_pending(application)
        stated = application.expires_on
        valid_until = expires_on or stated
        if valid_until < today:
            raise ServiceError(
                gettext("That expiry date has passed; a licence must be valid to be approved."),
                field="expires_on",
            )
        application.expires_on = valid_until
        _decide(application, reviewer=reviewer, status=ApplicationStatus.APPROVED, reason=note)
        ProfessionalStatus.objects.update_or_create(
            user=application.user,
            defaults={
                "application": application,
                "title": application.title,
                "valid_until": valid_until,
            },
        )
        extra: dict[str, Any] = {"title": application.title, "valid_until": valid_until.isoformat()}
        if valid_until != stated:
            extra["stated_expiry"] = stated.isoformat()
        _audit(application, actor=reviewer, outcome="approved", reason=note, **extra)
        # The "Verified professional" badge, awarded in the background after the commit.
        enqueue_badge_check(application.user_id)
    return application


def application_reject(
    *, reviewer: Any, application_id: int, reason: str
) -> ProfessionalApplication:
    reason = reason.strip()
    if not reason:
        raise ServiceError(REASON_NEEDED, field="reason")
    with transaction.atomic():
        application = _locked(application_id, reviewer=reviewer)
        _require_pending(application)
        _decide(application, reviewer=reviewer, status=ApplicationStatus.REJECTED, reason=reason)
        _audit(application, actor=reviewer, outcome="rejected", reason=reason)
    return application


def application_revoke(
    *, reviewer: Any, application_id: int, reason: str
) -> ProfessionalApplication:
    """Withdraw an approval (a licence struck off, a mistake found): the badge goes at once."""
    reason = reason.strip()
    if not reason:
        raise ServiceError(REASON_NEEDED, field="reason")
    with transaction.atomic():
        application = _locked(application_id, reviewer=reviewer)
        if application.status != ApplicationStatus.APPROVED:
            raise ServiceError(
                gettext(
                    "This application is %(get_status_display)s, not approved; there is "
                    "nothing to revoke."
                )
                % {"get_status_display": application.get_status_display()}
            )
        _decide(application, reviewer=reviewer, status=ApplicationStatus.REVOKED, reason=reason)
        ProfessionalStatus.objects.filter(application=application).delete()
        _audit(application, actor=reviewer, outcome="revoked", reason=reason)
    return application
