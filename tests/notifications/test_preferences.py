"""Per-member choices of how each kind of notification is emailed, and the settings page."""

from __future__ import annotations

import html
import re

import pytest

from mindwell.core.errors import ServiceError
from mindwell.notifications.models import Delivery, EventType, Notification
from mindwell.notifications.preferences import (
    DEFAULTS,
    deliveries_for,
    delivery_for,
    delivery_for_notification,
    preferences_save,
)
from tests.factories import PASSWORD, make_answer, make_user
from tests.notifications.event_helpers import make_moderator

pytestmark = pytest.mark.django_db

SETTINGS = "/inbox/settings/"


def login(client, user):
    client.login(username=user.username, password=PASSWORD)
    return client


def test_defaults_suit_a_support_community(member):
    assert delivery_for(member, EventType.ANSWER) == Delivery.INSTANT
    assert delivery_for(member, EventType.MENTION) == Delivery.INSTANT
    assert delivery_for(member, EventType.COMMENT) == Delivery.DAILY
    assert delivery_for(member, EventType.FOLLOWED_TAG) == Delivery.WEEKLY
    # Not a moderator: safety alerts are not theirs to receive.
    assert delivery_for(member, EventType.SAFETY_ALERT) == Delivery.OFF
    assert set(DEFAULTS) == set(EventType.values)


def test_saved_choices_win_over_the_defaults(member, other_member):
    preferences_save(user=member, choices={EventType.ANSWER: Delivery.WEEKLY})
    preferences_save(user=member, choices={EventType.COMMENT: Delivery.OFF})
    assert delivery_for(member, EventType.ANSWER) == Delivery.WEEKLY
    assert delivery_for(member, EventType.COMMENT) == Delivery.OFF
    both = deliveries_for([member, other_member])
    assert both[member.pk][EventType.ANSWER] == Delivery.WEEKLY
    assert both[other_member.pk][EventType.ANSWER] == Delivery.INSTANT


def test_safety_alerts_are_always_instant_for_moderators(member):
    moderator = make_moderator()
    with pytest.raises(ServiceError):
        preferences_save(user=moderator, choices={EventType.SAFETY_ALERT: Delivery.OFF})
    assert delivery_for(moderator, EventType.SAFETY_ALERT) == Delivery.INSTANT
    # Members cannot choose moderators' events at all.
    with pytest.raises(ServiceError):
        preferences_save(user=member, choices={EventType.APPROVAL_WAITING: Delivery.DAILY})


def test_an_anonymous_address_and_unticked_posts(member, other_member, question):
    assert delivery_for(None, EventType.ANSWER) == Delivery.INSTANT
    make_answer(question, author=other_member)
    notification = Notification.objects.get(recipient=member)
    # The factories post without ticking "email me": inbox only for that post.
    assert delivery_for_notification(notification) == Delivery.OFF
    notification.data = {}
    assert delivery_for_notification(notification) == Delivery.INSTANT


def test_the_settings_page_is_a_labelled_table_of_choices(
    client, member, django_assert_max_num_queries
):
    login(client, member)
    with django_assert_max_num_queries(18):
        response = client.get(SETTINGS)
    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    radios = re.findall(r'<input type="radio" name="([\w-]+)" value="(\w+)" id="([\w-]+)"', text)
    member_events = [e for e in EventType.values if e not in ("safety-alert", "approval-waiting")]
    assert {name for name, _, _ in radios} == set(member_events)
    assert len(radios) == 4 * len(member_events)
    for _, _, radio_id in radios:
        assert f'<label for="{radio_id}">' in text
    assert 'name="answer" value="instant" id="pref-answer-instant" checked' in text
    assert "Safety alerts cannot be turned off" not in text


def test_moderators_see_their_events_and_why_safety_alerts_are_fixed(client):
    moderator = make_moderator()
    login(client, moderator)
    text = html.unescape(client.get(SETTINGS).content.decode())
    assert 'name="approval-waiting"' in text
    assert 'name="safety-alert"' not in text
    assert "Safety alerts cannot be turned off or delayed" in text


def test_saving_the_page(client, member):
    login(client, member)
    choices = {
        event: "instant" for event in DEFAULTS if event not in ("safety-alert", "approval-waiting")
    }
    choices["followed-tag"] = "off"
    response = client.post(SETTINGS, choices)
    assert response.status_code == 302
    assert delivery_for(member, EventType.FOLLOWED_TAG) == Delivery.OFF
    assert delivery_for(member, EventType.COMMENT) == Delivery.INSTANT
    text = html.unescape(client.get(SETTINGS).content.decode())
    assert "Your notification settings are saved." in text
    assert 'name="followed-tag" value="off" id="pref-followed-tag-off" checked' in text


def test_a_refused_choice_keeps_what_the_member_chose(client, member):
    login(client, member)
    response = client.post(SETTINGS, {"answer": "hourly", "comment": "weekly"})
    assert response.status_code == 400
    text = html.unescape(response.content.decode())
    assert "Please choose how to receive" in text
    # The valid choice they made is shown back, not the stored one.
    assert 'name="comment" value="weekly" id="pref-comment-weekly" checked' in text
    assert delivery_for(member, EventType.COMMENT) == Delivery.DAILY


def test_the_settings_page_needs_an_account(client):
    assert client.get(SETTINGS).status_code == 302
    other = make_user("someone")
    assert delivery_for(other, EventType.ANSWER) == Delivery.INSTANT


def test_members_can_opt_in_to_announcements_which_are_off_by_default(client, member):
    from mindwell.notifications.preferences import delivery_for

    assert delivery_for(member, "announcements") == "off"
    client.force_login(member)
    page = client.get("/inbox/settings/").content.decode()
    assert "announcements from the site" in page.lower()
