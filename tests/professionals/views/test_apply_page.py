import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mindwell.professionals.models import ApplicationStatus, ProfessionalApplication
from mindwell.professionals.services import application_reject
from tests.professionals.helpers import image_upload, make_application, next_year, pdf_upload

pytestmark = pytest.mark.django_db
URL = reverse("professionals:apply")


def form_data(**overrides):
    data = {
        "profession": "counsellor",
        "licence_number": "BACP 00123",
        "issuing_body": "British Association for Counselling and Psychotherapy",
        "jurisdiction": "England",
        "expires_on": next_year().isoformat(),
    }
    data.update(overrides)
    return data


def test_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_form_has_a_label_for_every_field(client, member):
    client.force_login(member)
    response = client.get(URL)
    html = response.content.decode()
    for field in ("profession", "profession_other", "licence_number", "issuing_body"):
        assert f'<label for="id_{field}">' in html
    assert 'type="date"' in html and 'enctype="multipart/form-data"' in html
    assert 'accept=".pdf,.jpg,.jpeg,.png' in html
    assert 'aria-describedby="id_document_helptext"' in html
    assert 'id="id_document_helptext"' in html
    assert "You have not applied yet." in html


def test_a_member_applies_with_a_document(client, member):
    client.force_login(member)
    response = client.post(URL, {**form_data(), "document": pdf_upload()}, follow=True)
    assert response.redirect_chain == [(URL, 302)]
    application = ProfessionalApplication.objects.get(user=member)
    assert application.is_pending and application.document_type == "application/pdf"
    html = response.content.decode()
    assert "Your application is waiting for review" in html
    assert "Withdraw this application" in html
    assert 'name="licence_number"' not in html  # no second form while one waits


def test_a_refused_form_keeps_what_was_typed(client, member):
    client.force_login(member)
    data = form_data(expires_on="2001-01-01", licence_number="KEEP-ME-42")
    response = client.post(URL, {**data, "document": pdf_upload()})
    assert response.status_code == 400
    html = response.content.decode()
    assert "The licence must still be valid tomorrow" in html
    assert 'value="KEEP-ME-42"' in html
    assert "please choose it again" in html
    assert not ProfessionalApplication.objects.exists()


def test_a_file_that_is_not_a_document_is_refused_on_the_form(client, member):
    client.force_login(member)
    fake = pdf_upload(name="licence.pdf", content=b"#!/bin/sh\necho gotcha\n")
    response = client.post(URL, {**form_data(licence_number="X-1"), "document": fake})
    assert response.status_code == 400
    assert "must be a PDF, JPEG or PNG file" in response.content.decode()
    assert 'value="X-1"' in response.content.decode()
    assert not ProfessionalApplication.objects.exists()


def test_an_image_is_accepted(client, member):
    client.force_login(member)
    response = client.post(URL, {**form_data(), "document": image_upload("JPEG", "scan.jpeg")})
    assert response.status_code == 302
    assert ProfessionalApplication.objects.get().document.name.endswith(".jpg")


def test_a_second_application_while_one_waits_is_refused_with_text_kept(client, member):
    make_application(member)
    client.force_login(member)
    response = client.post(URL, form_data(licence_number="SECOND-1"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "already have an application waiting" in html
    assert 'value="SECOND-1"' in html  # the typed text is kept
    assert "Withdraw this application" in html
    assert ProfessionalApplication.objects.count() == 1


def test_too_many_applications_get_429_with_text_kept(client, member, settings):
    client.force_login(member)
    for _ in range(5):
        assert client.post(URL, form_data()).status_code == 302
        pending = ProfessionalApplication.objects.get(user=member, status="pending")
        client.post(reverse("professionals:withdraw", args=[pending.pk]))
    response = client.post(URL, form_data(licence_number="SIXTH-6"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "wait until tomorrow" in html and 'value="SIXTH-6"' in html


def test_the_member_sees_why_an_application_was_rejected(client, member, moderator):
    application = make_application(member)
    application_reject(
        reviewer=moderator, application_id=application.pk, reason="Licence number not found."
    )
    client.force_login(member)
    html = client.get(URL).content.decode()
    assert "Rejected" in html and "Reason: Licence number not found." in html
    assert 'name="licence_number"' in html  # they may apply again


def test_withdrawing_through_the_page(client, member):
    application = make_application(member)
    client.force_login(member)
    response = client.post(reverse("professionals:withdraw", args=[application.pk]), follow=True)
    assert "Your application is withdrawn" in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    again = client.post(reverse("professionals:withdraw", args=[application.pk]))
    assert again.status_code == 400
    assert "cannot be withdrawn" in again.content.decode()


def test_a_restricted_member_is_told_why_and_keeps_the_text(client, member):
    member.silenced_until = timezone.now() + datetime.timedelta(days=2)
    member.save()
    client.force_login(member)
    assert "restricted at the moment" in client.get(URL).content.decode()
    response = client.post(URL, form_data(licence_number="MINE-7"))
    assert response.status_code == 403
    assert 'value="MINE-7"' in response.content.decode()
    assert not ProfessionalApplication.objects.exists()


def test_withdrawing_someone_elses_application_is_refused(client, member, other_member):
    application = make_application(member)
    client.force_login(other_member)
    response = client.post(reverse("professionals:withdraw", args=[application.pk]))
    assert response.status_code == 400
    application.refresh_from_db()
    assert application.is_pending


def test_the_page_query_count_does_not_grow_with_history(client, member, moderator):
    client.force_login(member)

    def reject_one(n):
        application = make_application(member, licence_number=f"L-{n}")
        application_reject(reviewer=moderator, application_id=application.pk, reason="No.")

    reject_one(0)
    client.get(URL)  # warm the caches (site settings, sessions)
    with CaptureQueriesContext(connection) as one:
        client.get(URL)
    for n in range(1, 5):
        reject_one(n)
    with CaptureQueriesContext(connection) as five:
        response = client.get(URL)
    assert response.content.decode().count("Reason: No.") == 5
    assert len(five) == len(one)
