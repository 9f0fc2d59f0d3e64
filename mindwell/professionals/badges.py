"""The "Licensed professional" badge beside a member's name.

`badge_for` never queries: it reads the verification the page's selector joined with the
author (select_related(AUTHOR_STATUS)). Where a selector did not join it, no badge shows
rather than one query per name; pages that show authors join it.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from mindwell.professionals.models import ProfessionalStatus


def is_loaded(user: Any) -> bool:
    """Whether the member's verification (or its absence) is already known, query-free."""
    descriptor = type(user).professional_status
    return bool(descriptor.is_cached(user))


def badge_for(user: Any, *, today: datetime.date | None = None) -> ProfessionalStatus | None:
    """The member's verification when it is loaded and valid today, else None."""
    if user is None or not getattr(user, "pk", None) or not is_loaded(user):
        return None
    # A missing row raises RelatedObjectDoesNotExist, an AttributeError: getattr's default.
    status: ProfessionalStatus | None = getattr(user, "professional_status", None)
    if status is None or not status.is_valid(today or timezone.localdate()):
        return None
    return status
