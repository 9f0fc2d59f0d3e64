import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mindwell.moderation.models import AuditEntry
from mindwell.professionals.models import ApplicationStatus, ProfessionalStatus
from tests.factories import make_user
from tests.professionals.helpers import PDF, make_application, make_verified, pdf_upload

pytestmark = pytest.mark.django_db
QUEUE = reverse("professionals:queue")


def decide_url(application, action):
    return reverse("professionals:decide", args=[application.pk, action])


def test_visitors_are_sent_to_log_in_and_members_refused(client, member):
    assert client.get(QUEUE).status_code == 302
    client.force_login(member)
    response = client.get(QUEUE)
    assert response.status_code == 403
    assert "for moderators" in response.content.decode()


def test_members_cannot_decide(client, member, other_member):
    application = make_application(member)
    client.force_login(other_member)
    response = client.post(decide_url(application, "approve"), {"expires_on": "2099-01-01"})
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.is_pending


def test_the_queue_lists_pending_applications_oldest_first(client, moderator):
    first = make_application(make_user("first_applicant"), licence_number="FIRST-1")
    make_application(make_user("second_applicant"), document=pdf_upload())
    decided = make_application(make_user("decided_applicant"))
    decided.status = ApplicationStatus.REJECTED
    decided.save()
    client.force_login(moderator)
    html = client.get(QUEUE).content.decode()
    assert html.index("first_applicant") < html.index("second_applicant")
    assert "decided_applicant" not in html
    assert "FIRST-1" in html and "Waiting for review (2)" in html
    assert html.count("Download the document") == 1
    assert f'<label for="id_reason_{first.pk}">' in html
    assert f'<label for="id_expires_on_{first.pk}">' in html
    assert f'id="id_expires_on_{first.pk}_helptext"' in html  # the field's description exists


def test_approving_from_the_queue(client, member, moderator):
    application = make_application(member)
    client.force_login(moderator)
    later = (timezone.localdate() + datetime.timedelta(days=200)).isoformat()
    response = client.post(
        decide_url(application, "approve"), {"expires_on": later, "note": "On the register."}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert ProfessionalStatus.objects.get(user=member).valid_until.isoformat() == later
    assert AuditEntry.objects.get().detail["professional"] == "approved"
    page = client.get(response["Location"]).content.decode()
    assert "Approved: alice now shows the Licensed professional badge." in page


def test_rejecting_without_a_reason_keeps_the_form(client, member, moderator):
    application = make_application(member)
    client.force_login(moderator)
    response = client.post(decide_url(application, "reject"), {"reason": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    application.refresh_from_db()
    assert application.is_pending and not AuditEntry.objects.exists()


def test_a_service_refusal_keeps_the_reviewers_text(client, moderator):
    own = make_application(moderator)
    client.force_login(moderator)
    response = client.post(decide_url(own, "reject"), {"reason": "Typed by the moderator"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "cannot decide on your own application" in html
    assert "Typed by the moderator</textarea>" in html


def test_rejecting_from_the_queue_shows_the_reason_to_the_member(client, member, moderator):
    application = make_application(member)
    client.force_login(moderator)
    client.post(decide_url(application, "reject"), {"reason": "The licence has lapsed."})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REJECTED
    client.force_login(member)
    assert "The licence has lapsed." in client.get(reverse("professionals:apply")).content.decode()


def test_revoking_from_the_verified_list(client, member, moderator):
    application = make_verified(member, moderator)
    client.force_login(moderator)
    html = client.get(QUEUE + "?tab=verified").content.decode()
    assert "alice" in html and "Revoke alice" in html
    response = client.post(decide_url(application, "revoke"), {"reason": "Struck off."})
    assert response.status_code == 302
    assert not ProfessionalStatus.objects.exists()


def test_an_unknown_decision_is_404(client, member, moderator):
    application = make_application(member)
    client.force_login(moderator)
    assert client.post(decide_url(application, "promote"), {}).status_code == 404


def test_the_queue_takes_a_fixed_number_of_queries(client, moderator):
    client.force_login(moderator)
    make_application(make_user())
    client.get(QUEUE)  # warm the caches (site settings, moderation counts)
    one = _count(client)
    for _ in range(5):
        make_application(make_user(), document=pdf_upload())
    assert _count(client) == one


def _count(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(QUEUE).status_code == 200
    return len(queries)


def test_the_moderation_queue_links_here_with_the_count(client, moderator, member):
    make_application(member)
    client.force_login(moderator)
    html = client.get(reverse("moderation:queue")).content.decode()
    assert f'href="{QUEUE}">Professional applications (1)</a>' in html


# The document download: staff only, as an attachment that no browser renders.


def test_staff_download_the_document_as_an_attachment(client, member, moderator):
    application = make_application(member, document=pdf_upload())
    client.force_login(moderator)
    response = client.get(reverse("professionals:document", args=[application.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="licence-{application.pk}.pdf"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("who", ["visitor", "applicant", "other member"])
def test_nobody_else_can_download_the_document(client, member, other_member, who):
    application = make_application(member, document=pdf_upload())
    if who == "applicant":
        client.force_login(member)
    elif who == "other member":
        client.force_login(other_member)
    response = client.get(reverse("professionals:document", args=[application.pk]))
    assert response.status_code == 404
    assert PDF not in response.content


def test_no_document_is_404_for_staff_too(client, member, moderator):
    application = make_application(member)
    client.force_login(moderator)
    assert client.get(reverse("professionals:document", args=[application.pk])).status_code == 404


def test_the_document_is_not_under_a_public_url(client, member, settings):
    application = make_application(member, document=pdf_upload())
    for prefix in ("/media/", "/media/private/", "/static/"):
        response = client.get(prefix + application.document.name)
        assert response.status_code == 404
