import datetime

import pytest
from django.utils import timezone

from mindwell.core.errors import PermissionDenied, ServiceError
from mindwell.moderation.models import AuditAction, AuditEntry
from mindwell.professionals.models import ApplicationStatus, ProfessionalStatus
from mindwell.professionals.services import (
    application_approve,
    application_reject,
    application_revoke,
)
from tests.factories import make_user
from tests.professionals.helpers import make_application, make_verified, next_year

pytestmark = pytest.mark.django_db


def only_audit_entry():
    (entry,) = AuditEntry.objects.all()
    return entry


def test_approval_grants_the_badge_until_the_licence_expires(member, moderator):
    application = make_application(member, profession="psychiatrist")
    application_approve(reviewer=moderator, application_id=application.pk, note="Checked the GMC.")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert application.decided_by == moderator and application.decided_at is not None
    assert application.decision_reason == "Checked the GMC."
    status = ProfessionalStatus.objects.get(user=member)
    assert (status.title, status.valid_until, status.application) == (
        "psychiatrist",
        next_year(),
        application,
    )
    entry = only_audit_entry()
    assert entry.action == AuditAction.SETTINGS
    assert (entry.actor, entry.target_user, entry.reason) == (moderator, member, "Checked the GMC.")
    assert entry.detail == {
        "professional": "approved",
        "application": application.pk,
        "title": "psychiatrist",
        "valid_until": next_year().isoformat(),
    }


def test_the_reviewer_can_correct_the_expiry_date(member, moderator):
    application = make_application(member)
    corrected = timezone.localdate() + datetime.timedelta(days=90)
    application_approve(reviewer=moderator, application_id=application.pk, expires_on=corrected)
    application.refresh_from_db()
    assert application.expires_on == corrected
    assert ProfessionalStatus.objects.get(user=member).valid_until == corrected
    detail = only_audit_entry().detail
    assert detail["valid_until"] == corrected.isoformat()
    assert detail["stated_expiry"] == next_year().isoformat()


def test_an_expiry_in_the_past_cannot_be_approved(member, moderator):
    application = make_application(member)
    past = timezone.localdate() - datetime.timedelta(days=1)
    with pytest.raises(ServiceError) as refused:
        application_approve(reviewer=moderator, application_id=application.pk, expires_on=past)
    assert refused.value.field == "expires_on"
    application.refresh_from_db()
    assert application.is_pending and not AuditEntry.objects.exists()


def test_a_renewal_replaces_the_verification(member, moderator):
    make_verified(member, moderator)
    later = next_year() + datetime.timedelta(days=365)
    renewal = make_verified(member, moderator, profession="psychologist", expires_on=later)
    status = ProfessionalStatus.objects.get(user=member)
    assert (status.application, status.title, status.valid_until) == (
        renewal,
        "psychologist",
        later,
    )


def test_rejection_needs_a_reason_and_is_logged(member, moderator):
    application = make_application(member)
    with pytest.raises(ServiceError) as refused:
        application_reject(reviewer=moderator, application_id=application.pk, reason="  ")
    assert refused.value.field == "reason"
    application_reject(
        reviewer=moderator, application_id=application.pk, reason="Number not on the register."
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REJECTED
    assert application.decision_reason == "Number not on the register."
    assert not ProfessionalStatus.objects.exists()
    entry = only_audit_entry()
    assert entry.detail == {"professional": "rejected", "application": application.pk}
    assert (entry.actor, entry.target_user, entry.reason) == (
        moderator,
        member,
        "Number not on the register.",
    )


def test_a_decided_application_cannot_be_decided_again(member, moderator):
    application = make_application(member)
    application_reject(reviewer=moderator, application_id=application.pk, reason="Expired.")
    with pytest.raises(ServiceError, match="rejected by mod already"):
        application_approve(reviewer=make_user(is_staff=True), application_id=application.pk)
    assert not ProfessionalStatus.objects.exists()
    assert AuditEntry.objects.count() == 1


def test_members_cannot_review(member, other_member):
    application = make_application(member)
    with pytest.raises(PermissionDenied, match="Only moderators"):
        application_approve(reviewer=other_member, application_id=application.pk)
    with pytest.raises(PermissionDenied):
        application_reject(reviewer=other_member, application_id=application.pk, reason="No.")
    application.refresh_from_db()
    assert application.is_pending


def test_a_moderator_cannot_approve_their_own_application(moderator):
    application = make_application(moderator)
    with pytest.raises(PermissionDenied, match="your own application"):
        application_approve(reviewer=moderator, application_id=application.pk)
    assert not ProfessionalStatus.objects.exists()


def test_revoking_removes_the_badge_at_once(member, moderator):
    application = make_verified(member, moderator)
    with pytest.raises(ServiceError, match="reason"):
        application_revoke(reviewer=moderator, application_id=application.pk, reason="")
    application_revoke(
        reviewer=moderator, application_id=application.pk, reason="Struck off the register."
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REVOKED
    assert not ProfessionalStatus.objects.filter(user=member).exists()
    latest = AuditEntry.objects.order_by("-pk").first()
    assert latest.detail == {"professional": "revoked", "application": application.pk}
    assert latest.reason == "Struck off the register."


def test_only_an_approved_application_can_be_revoked(member, moderator):
    application = make_application(member)
    with pytest.raises(ServiceError, match="nothing to revoke"):
        application_revoke(reviewer=moderator, application_id=application.pk, reason="x")


def test_an_unknown_application_is_a_clear_error(moderator):
    with pytest.raises(ServiceError, match="no such application"):
        application_approve(reviewer=moderator, application_id=987654)
