"""Licences that have expired: the badge is already gone (it shows only while valid), so
this records it: the applications become "expired", each with an audit-log row, and the
stale verification rows are deleted. Running it again changes nothing."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy

from mindwell.moderation.models import AuditAction
from mindwell.moderation.services.audit import audit_write
from mindwell.professionals.models import (
    ApplicationStatus,
    ProfessionalApplication,
    ProfessionalStatus,
)

EXPIRED_BEFORE_REVIEW = gettext_lazy("The licence expired before the application was reviewed.")
EXPIRED = gettext_lazy("The licence expired.")


def applications_expire(
    *, today: datetime.date | None = None, dry_run: bool = False
) -> list[ProfessionalApplication]:
    """Expire approved (and still pending) applications whose licence ended before
    `today`; return them."""
    today = today or timezone.localdate()
    due = Q(status__in=[ApplicationStatus.APPROVED, ApplicationStatus.PENDING]) & Q(
        expires_on__lt=today
    )
    with transaction.atomic():
        applications = list(
            ProfessionalApplication.objects.select_for_update(of=("self",))
            .filter(due)
            .select_related("user")
            .order_by("expires_on", "pk")
        )
        if dry_run:
            return applications
        now = timezone.now()
        for application in applications:
            was = application.status
            reason = str(EXPIRED_BEFORE_REVIEW if application.is_pending else EXPIRED)
            application.status = ApplicationStatus.EXPIRED
            if was == ApplicationStatus.PENDING:
                application.decided_at = now
                application.decision_reason = reason
            application.save(update_fields=["status", "decided_at", "decision_reason"])
            audit_write(
                actor=None,
                action=AuditAction.SETTINGS,
                target_user=application.user,
                reason=reason,
                detail={
                    "professional": "expired",
                    "application": application.pk,
                    "expired_on": application.expires_on.isoformat(),
                },
            )
        ProfessionalStatus.objects.filter(valid_until__lt=today).delete()
    return applications
