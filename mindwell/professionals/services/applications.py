"""A member applies as a licensed professional, or withdraws a pending application."""

from __future__ import annotations

import contextlib
import datetime
import os
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from mindwell.core import ratelimit
from mindwell.core.errors import PermissionDenied, RateLimited, ServiceError
from mindwell.professionals import permissions
from mindwell.professionals.documents import document_check
from mindwell.professionals.models import (
    ApplicationStatus,
    Profession,
    ProfessionalApplication,
    ProfessionalStatus,
)

ONE_PENDING = (
    "You already have an application waiting for review. You can withdraw it and apply "
    "again if something in it needs correcting."
)
TOO_MANY = (
    "You have sent several applications today. Please wait until tomorrow before sending "
    "another one."
)
DAY_SECONDS = 24 * 60 * 60


def application_submit(
    *,
    user: Any,
    profession: str,
    licence_number: str,
    issuing_body: str,
    jurisdiction: str,
    expires_on: datetime.date,
    profession_other: str = "",
    document: Any = None,
    today: datetime.date | None = None,
) -> ProfessionalApplication:
    """Check, then save a pending application (and its document in private storage)."""
    refusal = permissions.apply_refusal(user)
    if refusal:
        raise PermissionDenied(refusal)
    today = today or timezone.localdate()
    application = ProfessionalApplication(
        user=user,
        profession=profession,
        profession_other=profession_other.strip() if profession == Profession.OTHER else "",
        licence_number=licence_number.strip(),
        issuing_body=issuing_body.strip(),
        jurisdiction=jurisdiction.strip(),
        expires_on=expires_on,
    )
    _check_fields(application, today=today)
    if ProfessionalApplication.objects.pending().filter(user=user).exists():
        raise ServiceError(ONE_PENDING)
    kind = document_check(document) if document else None
    # Counted last, so a form sent back for a typo does not use up the day's applications.
    key = f"professional-apply:{user.pk}"
    if not ratelimit.hit(key, limit=permissions.APPLICATIONS_PER_DAY, window_seconds=DAY_SECONDS):
        raise RateLimited(TOO_MANY)
    if kind is not None:
        document.name = f"document{kind.extension}"  # the stored name is random (storage.py)
        application.document.save(document.name, document, save=False)
        application.document_type = kind.content_type
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:  # a second tab sent the same application a moment earlier
        _delete_document(application.document.name or "")
        raise ServiceError(ONE_PENDING) from None
    return application


def _check_fields(application: ProfessionalApplication, *, today: datetime.date) -> None:
    if application.profession == Profession.OTHER and not application.profession_other:
        raise ServiceError(gettext("Please name your profession."), field="profession_other")
    if application.expires_on <= today:
        raise ServiceError(
            gettext("The licence must still be valid tomorrow; please give its expiry date."),
            field="expires_on",
        )
    try:
        application.full_clean(exclude=["user", "document", "decided_by"])
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise ServiceError(messages[0], field=field) from None


def application_withdraw(*, user: Any, application_id: int) -> ProfessionalApplication:
    """Withdraw one's own pending application. Its document is deleted: nobody will
    review it now, and it holds personal data."""
    with transaction.atomic():
        application = (
            ProfessionalApplication.objects.select_for_update()
            .filter(pk=application_id, user=user)
            .first()
        )
        if application is None:
            raise ServiceError(gettext("There is no such application of yours."))
        if not application.is_pending:
            raise ServiceError(
                gettext(
                    "This application is %(get_status_display)s already, so it cannot be withdrawn."
                )
                % {"get_status_display": application.get_status_display()}
            )
        name = application.document.name or ""
        application.status = ApplicationStatus.WITHDRAWN
        application.decided_at = timezone.now()
        application.document = ""  # type: ignore[assignment]
        application.document_type = ""
        application.save()
        if name:
            transaction.on_commit(lambda: _delete_document(name))
    return application


def professional_data_erase(*, user: Any) -> int:
    """Delete every application of `user`, their documents and their verification (for
    account deletion). Returns how many applications there were."""
    with transaction.atomic():
        applications = list(ProfessionalApplication.objects.filter(user=user))
        names = [a.document.name or "" for a in applications if a.document]
        ProfessionalStatus.objects.filter(user=user).delete()
        ProfessionalApplication.objects.filter(user=user).delete()
        transaction.on_commit(lambda: _delete_documents(names))
    return len(applications)


def _delete_documents(names: list[str]) -> None:
    for name in names:
        _delete_document(name)


def _delete_document(name: str) -> None:
    if not name:
        return
    field = ProfessionalApplication._meta.get_field("document")
    storage = field.storage  # type: ignore[attr-defined]
    storage.delete(name)
    # The random folder goes too, so nothing is left to list.
    with contextlib.suppress(OSError):
        os.rmdir(os.path.dirname(storage.path(name)))
