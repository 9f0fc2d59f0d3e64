"""Reading applications and verifications. Each function runs a fixed number of queries.

Pages that show authors get the badge without a query per author by joining the author's
verification: `.select_related("author", AUTHOR_STATUS)` (see badges.py).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from mindwell.professionals.models import ProfessionalApplication, ProfessionalStatus

# The select_related path from a post to its author's verification.
AUTHOR_STATUS = "author__professional_status"


def member_applications(*, user: Any) -> list[ProfessionalApplication]:
    """A member's applications, newest first (what their apply page lists)."""
    return list(ProfessionalApplication.objects.filter(user=user).order_by("-created_at", "-pk"))


def pending_applications() -> QuerySet[ProfessionalApplication]:
    """Applications waiting for review, the longest wait first."""
    return (
        ProfessionalApplication.objects.pending()
        .select_related("user")
        .order_by("created_at", "pk")
    )


def pending_count() -> int:
    return ProfessionalApplication.objects.pending().count()


def verified_professionals(*, today: datetime.date | None = None) -> QuerySet[ProfessionalStatus]:
    """Members whose badge shows today, by name, with the application that granted it."""
    today = today or timezone.localdate()
    return (
        ProfessionalStatus.objects.filter(valid_until__gte=today)
        .select_related("user", "application__decided_by")
        .order_by("user__username")
    )


def application_for_download(*, pk: int) -> ProfessionalApplication | None:
    return ProfessionalApplication.objects.filter(pk=pk).exclude(document="").first()


def current_verification(*, user: Any, today: datetime.date | None = None) -> Any:
    """The member's verification if it is valid today, else None (one query)."""
    today = today or timezone.localdate()
    return ProfessionalStatus.objects.filter(user=user, valid_until__gte=today).first()


def professional_data_export(*, user: Any) -> list[dict[str, Any]]:
    """What the site holds about the member's applications (for their data export). The
    documents themselves are listed, not included: the member sent them and has them."""
    return [
        {
            "created_at": a.created_at.isoformat(),
            "profession": a.title,
            "licence_number": a.licence_number,
            "issuing_body": a.issuing_body,
            "jurisdiction": a.jurisdiction,
            "expires_on": a.expires_on.isoformat(),
            "document_sent": bool(a.document),
            "status": a.status,
            "decided_at": a.decided_at.isoformat() if a.decided_at else None,
            "decision_reason": a.decision_reason,
        }
        for a in ProfessionalApplication.objects.filter(user=user).order_by("created_at", "pk")
    ]
