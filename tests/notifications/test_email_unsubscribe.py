"""Unsubscribing without logging in: the link in every email shows a page with a button
(opening it changes nothing), the button stops the emails, and a mail program's RFC 8058
one-click POST does too. Anonymous addresses are remembered only as a keyed hash."""

from __future__ import annotations

import pytest
from django.test import Client

from mindwell.notifications.models import Delivery, EventType, NotificationPreference
from mindwell.notifications.models_email import AddressOptOut
from mindwell.notifications.preferences import preferences_for
from mindwell.notifications.unsubscribe import (
    ALL,
    ANNOUNCEMENTS,
    address_token,
    member_token,
    wants_announcements,
)
from mindwell.qa.services.common import Poster
from tests.factories import make_answer, make_user
from tests.notifications.event_helpers import ask, set_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def mail_client():
    """A mail program: no session, and Django's CSRF checks switched on."""
    return Client(enforce_csrf_checks=True)


def stored(user, event_type):
    row = NotificationPreference.objects.filter(user=user, event_type=event_type).first()
    return row.delivery if row else None


def test_opening_the_link_shows_a_button_and_changes_nothing(client, member):
    response = client.get(f"/unsubscribe/{member_token(member.pk, EventType.ANSWER)}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "emails about answers to my questions" in page
    assert '<button type="submit"' in page
    assert 'name="robots" content="noindex"' in page
    assert NotificationPreference.objects.count() == 0


def test_pressing_the_button_unsubscribes_without_logging_in(mail_client, member):
    token = member_token(member.pk, EventType.ANSWER)
    response = mail_client.post(f"/unsubscribe/{token}/")
    assert response.status_code == 200
    assert "Done: we stopped emails about answers to my questions" in response.content.decode()
    assert stored(member, EventType.ANSWER) == Delivery.OFF
    # Everything else is as it was.
    assert preferences_for(member)[EventType.BEST_ANSWER] == Delivery.INSTANT


def test_a_mail_programs_one_click_post_unsubscribes(mail_client, member):
    token = member_token(member.pk, EventType.ANSWER)
    response = mail_client.post(f"/unsubscribe/{token}/", {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert stored(member, EventType.ANSWER) == Delivery.OFF
    # Twice is harmless.
    again = mail_client.post(f"/unsubscribe/{token}/", {"List-Unsubscribe": "One-Click"})
    assert again.status_code == 200
    assert NotificationPreference.objects.filter(user=member).count() == 1


def test_the_header_in_a_real_email_unsubscribes_and_no_more_email_comes(
    member, other_member, smtp_sink, mail_client, django_capture_on_commit_callbacks
):
    question = ask(Poster(user=member, notify=True))
    with django_capture_on_commit_callbacks(execute=True):
        make_answer(question, author=other_member)
    [email] = smtp_sink.messages
    link = str(email.message["List-Unsubscribe"]).strip().strip("<>")
    path = link.split("://", 1)[1].partition("/")[2]

    response = mail_client.post(
        f"/{path}", "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        make_answer(question, author=make_user("carol"))
    assert smtp_sink.count() == 1  # the second answer is in the inbox only


def test_stopping_everything(mail_client, member):
    NotificationPreference.objects.create(
        user=member, event_type=ANNOUNCEMENTS, delivery=Delivery.INSTANT
    )
    mail_client.post(f"/unsubscribe/{member_token(member.pk, ALL)}/")
    assert set(preferences_for(member).values()) == {Delivery.OFF}
    assert not wants_announcements(member.pk)


def test_stopping_a_digest_turns_off_what_it_gathered(mail_client, member):
    NotificationPreference.objects.create(
        user=member, event_type=EventType.FOLLOWED_TAG, delivery=Delivery.DAILY
    )
    mail_client.post(f"/unsubscribe/{member_token(member.pk, 'digest:daily')}/")
    choices = preferences_for(member)
    assert choices[EventType.COMMENT] == Delivery.OFF  # daily by default
    assert choices[EventType.FOLLOWED_TAG] == Delivery.OFF
    assert choices[EventType.FOLLOWED_USER] == Delivery.WEEKLY  # the weekly digest stays
    assert choices[EventType.ANSWER] == Delivery.INSTANT


def test_the_narrow_page_offers_stopping_everything(client, member):
    page = client.get(f"/unsubscribe/{member_token(member.pk, EventType.ANSWER)}/")
    assert "Stop every notification email" in page.content.decode()
    assert f"/unsubscribe/{member_token(member.pk, ALL)}/" in page.content.decode()


def test_an_altered_link_is_refused_with_an_explanation(client, mail_client, member):
    token = member_token(member.pk, EventType.ANSWER)
    forged = token.replace(token[-6:], "AAAAAA")
    for response in (
        client.get(f"/unsubscribe/{forged}/"),
        mail_client.post(f"/unsubscribe/{forged}/"),
    ):
        assert response.status_code == 400
        assert "not recognised" in response.content.decode()
    assert NotificationPreference.objects.count() == 0


def test_a_link_for_an_account_that_is_gone(mail_client):
    response = mail_client.post(f"/unsubscribe/{member_token(987654, EventType.ANSWER)}/")
    assert response.status_code == 200
    assert "Nothing to stop" in response.content.decode()


def test_only_get_and_post(client, member):
    response = client.put(f"/unsubscribe/{member_token(member.pk, EventType.ANSWER)}/")
    assert response.status_code == 405


def test_an_anonymous_address_stops_one_question_then_everything(
    member, smtp_sink, mail_client, django_capture_on_commit_callbacks
):
    set_site(anonymous_questions=True, premoderate_anonymous=False, anonymous_posts_per_hour=50)
    address = "worried@example.test"
    first = ask(Poster(name="Worried", email=address, notify=True, ip="10.0.0.1"))
    second = ask(
        Poster(name="Worried", email=address, notify=True, ip="10.0.0.1"),
        title="A second question from the same visitor?",
    )

    mail_client.post(f"/unsubscribe/{address_token(address, first.pk)}/")
    [opt_out] = AddressOptOut.objects.all()
    assert opt_out.question_id == first.pk
    assert address not in opt_out.address_hash and len(opt_out.address_hash) == 64

    with django_capture_on_commit_callbacks(execute=True):
        make_answer(first, author=member)
    with django_capture_on_commit_callbacks(execute=True):
        make_answer(second, author=member)
    assert [m.subject for m in smtp_sink.to(address)] == [
        "alice answered your question “A second question from the same visitor?”"
    ]

    mail_client.post(f"/unsubscribe/{address_token(address, None)}/")
    with django_capture_on_commit_callbacks(execute=True):
        make_answer(second, author=make_user("carol"))
    assert len(smtp_sink.to(address)) == 1


def test_the_anonymous_page_offers_stopping_every_email_to_the_address(client):
    page = client.get(f"/unsubscribe/{address_token('someone@example.test', 12)}/")
    text = page.content.decode()
    assert "emails about this question" in text
    assert "Stop every email to this address" in text
    assert "someone@example.test" not in text


def test_the_pages_cost_the_same_few_queries(
    client, mail_client, member, django_assert_max_num_queries
):
    token = member_token(member.pk, ALL)
    with django_assert_max_num_queries(8):
        assert client.get(f"/unsubscribe/{token}/").status_code == 200
    with django_assert_max_num_queries(12):
        assert mail_client.post(f"/unsubscribe/{token}/").status_code == 200
