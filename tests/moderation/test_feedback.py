"""The feedback page: messages are stored for the moderators, the email stays private, and
the limit, the check question and the honeypot refuse without losing the text."""

from __future__ import annotations

import pytest

from mindwell.moderation.models import FeedbackMessage, WriteLimit
from mindwell.siteconfig.models import SiteSettings
from tests.factories import make_user
from tests.moderation.screening_helpers import captcha_answer, text

pytestmark = pytest.mark.django_db

URL = "/moderation/feedback/"
MESSAGE = "The answer about medication on the sleep question worries me."
EMAIL = "private.person@mail.example"


def without_captcha() -> None:
    site = SiteSettings.current()
    site.captcha_feedback = False
    site.save()


def test_the_page_is_linked_from_every_page_and_asks_the_question(
    client, django_assert_max_num_queries
):
    assert f'href="{URL}">Feedback</a>' in text(client.get("/"))
    with django_assert_max_num_queries(4):
        page = text(client.get(URL))
    assert '<label for="id_body">Your message:</label>' in page
    assert "Privacy: only the moderators see it, and only to reply to you." in page
    assert "Check question, to stop automated spam: What is" in page


def test_a_visitor_sends_feedback(client, question):
    page = text(client.get(URL))
    response = client.post(
        URL,
        {"body": MESSAGE, "name": "Sam", "email": EMAIL, **captcha_answer(page)},
        REMOTE_ADDR="192.0.2.44",
    )
    assert response.status_code == 302
    stored = FeedbackMessage.objects.get()
    assert (stored.body, stored.name, stored.email, stored.ip) == (
        MESSAGE,
        "Sam",
        EMAIL,
        "192.0.2.44",
    )
    assert stored.user is None and stored.handled_at is None
    after = text(client.get(response["Location"]))
    assert "Thank you — your message was sent to the moderators." in after
    # The address is never shown on the site, not even back to its writer.
    for url in (URL, "/", question.get_absolute_url()):
        assert EMAIL not in text(client.get(url))


def test_a_member_sends_feedback(client, member):
    without_captcha()
    client.force_login(member)
    assert client.post(URL, {"body": MESSAGE}).status_code == 302
    assert FeedbackMessage.objects.get().user == member


def test_a_wrong_answer_keeps_the_message(client):
    page = text(client.get(URL))
    response = client.post(
        URL, {"body": MESSAGE, "email": EMAIL, **captcha_answer(page, right=False)}
    )
    assert response.status_code == 400
    refused = text(response)
    assert "That answer to the check question is not right; here is a new one." in refused
    assert MESSAGE in refused
    assert not FeedbackMessage.objects.exists()


def test_an_empty_message_is_refused(client):
    without_captcha()
    response = client.post(URL, {"body": "   ", "name": "Sam"})
    assert response.status_code == 400
    assert "Please write your message before sending it." in text(response)


def test_the_honeypot(client):
    without_captcha()
    response = client.post(URL, {"body": MESSAGE, "website": "http://spam.example"})
    assert response.status_code == 400
    page = text(response)
    assert "looks automated" in page and MESSAGE in page
    assert "http://spam.example" not in page
    assert not FeedbackMessage.objects.exists()


def test_the_hourly_limit(client):
    without_captcha()
    limit = WriteLimit.objects.get(action="feedback")
    limit.per_ip_per_hour = 1
    limit.save()
    assert client.post(URL, {"body": "First message to the team."}).status_code == 302
    response = client.post(URL, {"body": MESSAGE})
    assert response.status_code == 429
    page = text(response)
    assert "1 message has been sent from your network in the last hour" in page
    assert MESSAGE in page
    assert FeedbackMessage.objects.count() == 1


def test_moderators_read_and_mark_messages_in_the_admin(client):
    without_captcha()
    client.post(URL, {"body": MESSAGE, "email": EMAIL})
    message = FeedbackMessage.objects.get()
    moderator = make_user(is_staff=True)
    client.force_login(moderator)
    listing = text(client.get("/admin/moderation/feedbackmessage/"))
    assert MESSAGE in listing and EMAIL in listing
    response = client.post(
        "/admin/moderation/feedbackmessage/",
        {"action": "mark_handled", "_selected_action": [message.pk]},
    )
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.handled_by == moderator and message.handled_at is not None


def test_members_cannot_read_messages_in_the_admin(client, member):
    client.force_login(member)
    response = client.get("/admin/moderation/feedbackmessage/")
    assert response.status_code == 302  # to the admin login
