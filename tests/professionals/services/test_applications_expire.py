import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from mindwell.moderation.models import AuditEntry
from mindwell.professionals.models import (
    ApplicationStatus,
    ProfessionalApplication,
    ProfessionalStatus,
)
from mindwell.professionals.services import applications_expire
from mindwell.professionals.services.expiry import EXPIRED, EXPIRED_BEFORE_REVIEW
from tests.factories import make_user
from tests.professionals.helpers import make_application, make_verified

pytestmark = pytest.mark.django_db

YESTERDAY = datetime.timedelta(days=-1)


def expire_licence(application):
    """The licence ended yesterday (applications cannot be sent or approved like that)."""
    past = timezone.localdate() + YESTERDAY
    ProfessionalApplication.objects.filter(pk=application.pk).update(expires_on=past)
    ProfessionalStatus.objects.filter(application=application).update(valid_until=past)


def test_expired_licences_are_recorded_once(member, other_member, moderator):
    approved = make_verified(member, moderator)
    pending = make_application(other_member)
    current = make_verified(make_user(), moderator)
    expire_licence(approved)
    expire_licence(pending)
    entries_before = AuditEntry.objects.count()

    expired = applications_expire()

    assert {a.pk for a in expired} == {approved.pk, pending.pk}
    approved.refresh_from_db()
    pending.refresh_from_db()
    assert approved.status == pending.status == ApplicationStatus.EXPIRED
    assert pending.decision_reason == EXPIRED_BEFORE_REVIEW and pending.decided_at is not None
    assert approved.decision_reason == ""  # the approval note stays as it was
    assert not ProfessionalStatus.objects.filter(user=member).exists()
    assert ProfessionalStatus.objects.filter(application=current).exists()
    new = AuditEntry.objects.order_by("pk")[entries_before:]
    assert [(e.actor, e.target_user, e.detail["professional"]) for e in new] == [
        (None, member, "expired"),
        (None, other_member, "expired"),
    ]
    assert new[0].reason == EXPIRED

    # Idempotent: nothing more to do, nothing more written.
    assert applications_expire() == []
    assert AuditEntry.objects.count() == entries_before + 2


def test_a_licence_ending_today_is_still_valid(member, moderator):
    application = make_verified(member, moderator)
    ProfessionalApplication.objects.filter(pk=application.pk).update(
        expires_on=timezone.localdate()
    )
    assert applications_expire() == []


def test_the_command_reports_and_can_dry_run(member, moderator, capsys):
    application = make_verified(member, moderator)
    expire_licence(application)

    call_command("expire_professionals", "--dry-run")
    out = capsys.readouterr().out
    assert "would expire: alice (psychotherapist" in out and "1 application(s) would expire" in out
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED

    call_command("expire_professionals")
    assert "1 application(s) expired." in capsys.readouterr().out
    application.refresh_from_db()
    assert application.status == ApplicationStatus.EXPIRED

    call_command("expire_professionals")
    assert "0 application(s) expired." in capsys.readouterr().out
