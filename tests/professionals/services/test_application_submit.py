import datetime
import os

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from mindwell.core.errors import PermissionDenied, RateLimited, ServiceError
from mindwell.professionals.models import ApplicationStatus, ProfessionalApplication
from mindwell.professionals.services import application_submit, application_withdraw
from mindwell.professionals.services.applications import ONE_PENDING
from tests.factories import make_user
from tests.professionals.helpers import (
    PDF,
    application_fields,
    make_application,
    pdf_upload,
)

pytestmark = pytest.mark.django_db


def test_a_member_applies_and_waits_for_review(member):
    application = make_application(member, licence_number="  PT-999  ")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING
    assert application.licence_number == "PT-999"
    assert application.title == "psychotherapist"
    assert not application.document


def test_the_document_is_stored_privately_under_a_random_name(member, private_media):
    application = make_application(member, document=pdf_upload("Alice Smith licence.pdf"))
    name = application.document.name
    folder, filename = name.split("/")[1:]
    assert name.startswith("professionals/") and name.endswith(".pdf")
    assert len(folder) == 32 and "Alice" not in name and "licence" not in name
    assert application.document_type == "application/pdf"
    path = private_media / name
    assert path.read_bytes() == PDF
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    with pytest.raises(ValueError, match="no URL"):
        _ = application.document.url


def test_the_stored_extension_follows_the_content_not_the_name(member):
    application = make_application(member, document=pdf_upload("scan.png"))
    assert application.document.name.endswith(".pdf")


def test_only_one_application_may_wait_at_a_time(member):
    make_application(member)
    with pytest.raises(ServiceError) as refused:
        make_application(member, profession="counsellor")
    assert refused.value.message == ONE_PENDING
    assert ProfessionalApplication.objects.filter(user=member).count() == 1


def test_the_database_also_refuses_a_second_pending_application(member):
    make_application(member)
    duplicate = ProfessionalApplication(user=member, **application_fields())
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_other_profession_must_be_named(member):
    with pytest.raises(ServiceError) as refused:
        make_application(member, profession="other", profession_other="  ")
    assert refused.value.field == "profession_other"
    application = make_application(member, profession="other", profession_other="Art therapist")
    assert application.title == "Art therapist"


def test_profession_other_is_ignored_for_a_listed_profession(member):
    application = make_application(member, profession="psychologist", profession_other="Wizard")
    assert application.title == "psychologist" and application.profession_other == ""


@pytest.mark.parametrize("days", [-30, 0])
def test_an_expired_licence_cannot_be_sent(member, days):
    expiry = timezone.localdate() + datetime.timedelta(days=days)
    with pytest.raises(ServiceError) as refused:
        make_application(member, expires_on=expiry)
    assert refused.value.field == "expires_on"


def test_an_unknown_profession_is_refused(member):
    with pytest.raises(ServiceError) as refused:
        make_application(member, profession="astrologer")
    assert refused.value.field == "profession"


def test_a_blank_licence_number_is_refused(member):
    with pytest.raises(ServiceError) as refused:
        make_application(member, licence_number="   ")
    assert refused.value.field == "licence_number"


def test_a_restricted_member_cannot_apply(member):
    member.silenced_until = timezone.now() + datetime.timedelta(days=1)
    member.save()
    with pytest.raises(PermissionDenied, match="restricted"):
        make_application(member)


def test_five_applications_a_day_then_a_clear_refusal(member):
    for _ in range(5):
        application = make_application(member)
        application_withdraw(user=member, application_id=application.pk)
    with pytest.raises(RateLimited, match="wait until tomorrow"):
        make_application(member)
    # Another member is not affected.
    assert make_application(make_user()).is_pending


def test_a_refused_form_does_not_use_up_the_day(member):
    for _ in range(6):
        with pytest.raises(ServiceError):
            make_application(member, expires_on=timezone.localdate())
    assert make_application(member).is_pending


def test_withdrawing_deletes_the_document(
    member, private_media, django_capture_on_commit_callbacks
):
    application = make_application(member, document=pdf_upload())
    path = private_media / application.document.name
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        application_withdraw(user=member, application_id=application.pk)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    assert not application.document and application.decided_at is not None
    assert not path.exists() and not os.path.exists(path.parent)


def test_only_ones_own_pending_application_can_be_withdrawn(member, other_member):
    application = make_application(member)
    with pytest.raises(ServiceError, match="no such application"):
        application_withdraw(user=other_member, application_id=application.pk)
    application_withdraw(user=member, application_id=application.pk)
    with pytest.raises(ServiceError, match="withdrawn already"):
        application_withdraw(user=member, application_id=application.pk)


def test_submit_takes_keyword_arguments_only(member):
    with pytest.raises(TypeError):
        application_submit(member)  # type: ignore[misc]
