"""The audit log and flags in the admin: readable, never editable."""

from __future__ import annotations

import pytest

from mindwell.moderation.actions import Hide
from mindwell.moderation.models import AuditEntry
from mindwell.moderation.services.flags import flag_create
from tests.moderation.moderation_helpers import make_admin, make_moderator, text

pytestmark = pytest.mark.django_db


def test_administrators_browse_the_audit_log_with_filters(client, question, other_member):
    moderator = make_moderator()
    Hide(actor=moderator, post=question, reason="a rude remark").execute()
    client.force_login(make_admin())
    response = client.get("/admin/moderation/auditentry/?action=hide")
    assert response.status_code == 200
    page = text(response)
    assert "a rude remark" in page
    assert "By action" in page and "By actor" in page and "By created at" in page
    entry = AuditEntry.objects.get()
    detail = client.get(f"/admin/moderation/auditentry/{entry.pk}/change/")
    assert detail.status_code == 200
    assert 'name="reason"' not in detail.content.decode()  # read-only
    assert client.get("/admin/moderation/auditentry/add/").status_code == 403
    delete = client.post(f"/admin/moderation/auditentry/{entry.pk}/delete/", {"post": "yes"})
    assert delete.status_code == 403
    assert AuditEntry.objects.count() == 1


def test_moderators_see_flags_but_not_the_audit_log(client, question, other_member):
    flag_create(user=other_member, post=question, reason="spam")
    client.force_login(make_moderator())
    assert client.get("/admin/moderation/flag/").status_code == 200
    assert client.get("/admin/moderation/auditentry/").status_code == 403
