"""Administrators keep the crisis lines current in the admin."""

from __future__ import annotations

import pytest

from mindwell.safety.models import CrisisResource, SafetyCase
from tests.factories import make_user
from tests.safety.helpers import open_case

pytestmark = pytest.mark.django_db

LIST = "/admin/safety/crisisresource/"


@pytest.fixture
def admin_client(client):
    client.force_login(make_user("root", is_staff=True, is_superuser=True))
    return client


def test_list_filters_by_country(admin_client):
    response = admin_client.get(LIST, {"country": "GB"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Shout" in html
    assert "988 Suicide" not in html


def test_lines_are_editable_in_the_list(admin_client):
    line = CrisisResource.objects.get(country="GB", name="Samaritans")
    rows = list(CrisisResource.objects.order_by("country", "position", "name"))
    data = {
        "form-TOTAL_FORMS": str(len(rows)),
        "form-INITIAL_FORMS": str(len(rows)),
        "_save": "Save",
    }
    for i, row in enumerate(rows):
        data.update(
            {
                f"form-{i}-id": str(row.pk),
                f"form-{i}-phone": "116 000" if row.pk == line.pk else row.phone,
                f"form-{i}-text_line": row.text_line,
                f"form-{i}-hours": row.hours,
                f"form-{i}-position": str(row.position),
                f"form-{i}-is_active": "on" if row.is_active else "",
            }
        )
    response = admin_client.post(LIST, data)
    assert response.status_code == 302
    line.refresh_from_db()
    assert line.phone == "116 000"


def test_cases_are_read_only_in_the_admin(admin_client, question):
    case = open_case(question)
    assert admin_client.get("/admin/safety/safetycase/").status_code == 200
    page = admin_client.get(f"/admin/safety/safetycase/{case.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    admin_client.post(f"/admin/safety/safetycase/{case.pk}/change/", {"state": "resolved"})
    assert SafetyCase.objects.get(pk=case.pk).state == "new"
