"""Private messages: the site switch, the points threshold, blocks both ways, members who
turn messages off, restrictions and limits, the pages and their query counts, privacy."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.core.errors import PermissionDenied, RateLimited, ServiceError
from mindwell.messaging.models import Conversation, MemberBlock, Message
from mindwell.messaging.services import member_block, message_send
from mindwell.moderation.models import WatchedWord, WatchedWordAction
from tests.accounts.auth_helpers import text, words
from tests.factories import make_user
from tests.messaging.helpers import CRISIS_TEXT, THRESHOLD, logged_in, textarea

pytestmark = pytest.mark.django_db

HELLO = "Hello Rita, I read your answer about grief and it helped me a lot."


def send(sender: User, recipient: User, body: str = HELLO) -> Message:
    return message_send(sender=sender, recipient=recipient, body=body)


# --- the switch and the threshold -----------------------------------------------------------


def test_private_messages_are_off_by_default(sender, recipient):
    with pytest.raises(PermissionDenied, match="Private messages are turned off on this site."):
        send(sender, recipient)
    client = logged_in(sender)
    response = client.get("/messages/")
    assert response.status_code == 403
    assert "Private messages are turned off on this site." in text(response)
    assert "Send a private message" not in text(client.get(f"/users/{recipient.username}/"))
    assert 'href="/messages/"' not in text(client.get("/"))


@pytest.mark.parametrize(("points", "allowed"), [(THRESHOLD - 1, False), (THRESHOLD, True)])
def test_sending_needs_the_points_threshold(messages_on, recipient, points, allowed):
    writer = make_user("writer", points=points)
    profile = text(logged_in(writer).get(f"/users/{recipient.username}/"))
    assert ("Send a private message" in profile) is allowed
    if allowed:
        assert send(writer, recipient).pk
        return
    with pytest.raises(PermissionDenied) as error:
        send(writer, recipient)
    assert error.value.message == (
        "Sending private messages needs 200 points or the Moderator level; you have 199 points."
    )
    response = logged_in(writer).post(f"/messages/new/{recipient.username}/", {"body": HELLO})
    assert response.status_code == 403
    assert textarea(text(response)) == HELLO  # the text is kept


def test_moderators_pass_the_threshold_by_their_level(messages_on, recipient):
    moderator = make_user("mod", is_staff=True, points=100)
    assert send(moderator, recipient).sender_id == moderator.pk


def test_no_one_can_message_themselves(messages_on, sender):
    with pytest.raises(PermissionDenied, match="cannot send a private message to yourself"):
        send(sender, sender)


# --- the pages ------------------------------------------------------------------------------


def test_a_conversation_through_the_pages(messages_on, sender, recipient):
    writer = logged_in(sender)
    assert 'href="/messages/new/rita/">Send a private message' in text(writer.get("/users/rita/"))
    assert writer.get("/messages/new/rita/").status_code == 200
    response = writer.post("/messages/new/rita/", {"body": "**Hello**, how are you?"})
    assert response.status_code == 302
    conversation = Conversation.objects.get()
    assert response["Location"].startswith(f"/messages/{conversation.pk}/#message-")
    message = Message.objects.get()
    assert message.body_html == "<p><strong>Hello</strong>, how are you?</p>\n"

    reader = logged_in(recipient)
    assert 'Messages (1<span class="visually-hidden"> unread</span>)' in text(reader.get("/"))
    inbox = words(reader.get("/messages/"))
    assert "sam (1 new message)" in inbox and "Hello**, how are you?" in inbox
    page = text(reader.get(f"/messages/{conversation.pk}/"))
    assert "<strong>Hello</strong>, how are you?" in page
    message.refresh_from_db()
    assert message.read_at is not None
    assert "Messages (" not in words(reader.get("/"))

    reply = reader.post(f"/messages/{conversation.pk}/", {"body": "Better, thank you!"})
    assert reply.status_code == 302
    assert Message.objects.filter(conversation=conversation).count() == 2
    # A second "new message" to the same member goes to the same conversation.
    assert writer.get("/messages/new/rita/")["Location"] == f"/messages/{conversation.pk}/"
    assert "You: Better, thank you!" not in words(writer.get("/messages/"))
    assert "Better, thank you!" in words(writer.get("/messages/"))


def test_only_the_two_members_can_open_a_conversation(messages_on, sender, recipient):
    conversation = send(sender, recipient).conversation
    url = f"/messages/{conversation.pk}/"
    assert logged_in(make_user("outsider", points=500)).get(url).status_code == 404
    # Moderators too read only reported conversations, through the report.
    assert logged_in(make_user("mod", is_staff=True)).get(url).status_code == 404
    assert Client().get(url)["Location"].startswith("/accounts/login/")


def test_the_inbox_and_a_conversation_cost_the_same_however_much_is_in_them(
    messages_on, sender, recipient
):
    reader = logged_in(recipient)
    conversation = send(sender, recipient).conversation

    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert reader.get(url).status_code == 200
        return len(queries)

    def add(n: int) -> None:
        for i in range(n):
            cache.clear()  # the hourly limits
            send(sender, recipient, f"Message number {i}")
            send(make_user(points=THRESHOLD), recipient, f"A new conversation {i}")

    reader.get("/messages/")
    add(2)
    few = (count("/messages/"), count(f"/messages/{conversation.pk}/"))
    add(15)
    many = (count("/messages/"), count(f"/messages/{conversation.pk}/"))
    assert few == many
    assert many[0] <= 12


# --- blocks, choices and restrictions -------------------------------------------------------


def test_a_block_stops_messages_both_ways(messages_on, sender, recipient):
    conversation = send(sender, recipient).conversation
    member_block(blocker=recipient, blocked=sender)
    with pytest.raises(PermissionDenied, match="rita is not accepting this from you"):
        send(sender, recipient)
    with pytest.raises(PermissionDenied, match="You have blocked sam. Unblock them first"):
        send(recipient, sender)
    # The refused reply keeps its text, and says why.
    response = logged_in(sender).post(f"/messages/{conversation.pk}/", {"body": HELLO})
    assert response.status_code == 403
    assert textarea(text(response)) == HELLO
    assert "rita is not accepting this from you" in text(response)


def test_blocking_and_unblocking_through_the_pages(messages_on, sender, recipient):
    client = logged_in(recipient)
    response = client.post("/messages/block/sam/", {"next": "/users/sam/"})
    assert response["Location"] == "/users/sam/"
    assert MemberBlock.objects.filter(blocker=recipient, blocked=sender).exists()
    profile = text(client.get("/users/sam/"))
    assert "Unblock sam" in profile and "Send a private message" not in profile
    assert "sam" in text(client.get("/messages/blocked/"))
    client.post("/messages/unblock/sam/")
    assert not MemberBlock.objects.exists()
    assert send(sender, recipient).pk


def test_members_can_turn_messages_off(messages_on, sender, recipient):
    User.objects.filter(pk=recipient.pk).update(accepts_messages=False)
    recipient.refresh_from_db()
    with pytest.raises(PermissionDenied, match="rita has chosen not to receive private messages"):
        send(sender, recipient)
    assert "Send a private message" not in text(logged_in(sender).get("/users/rita/"))
    # A moderator can still reach them.
    assert send(make_user("mod", is_staff=True), recipient).pk


def test_restricted_members_cannot_send(messages_on, sender, recipient):
    User.objects.filter(pk=sender.pk).update(silenced_until=timezone.now() + timedelta(days=2))
    sender.refresh_from_db()
    with pytest.raises(PermissionDenied, match="Your account is silenced until"):
        send(sender, recipient)


def test_blocked_or_inactive_accounts_cannot_receive(messages_on, sender, recipient):
    User.objects.filter(pk=recipient.pk).update(blocked_at=timezone.now())
    recipient.refresh_from_db()
    with pytest.raises(PermissionDenied, match="rita cannot receive private messages"):
        send(sender, recipient)


def test_hourly_limits_on_messages_and_new_conversations(messages_on, sender, recipient):
    for _ in range(30):
        send(sender, recipient)
    with pytest.raises(RateLimited, match="You have sent 30 private messages in the last hour"):
        send(sender, recipient)
    cache.clear()
    others = [make_user(points=THRESHOLD) for _ in range(11)]
    for other in others[:10]:
        send(sender, other)
    with pytest.raises(RateLimited, match="You have started 10 new conversations"):
        send(sender, others[10])
    response = logged_in(sender).post(f"/messages/new/{others[10].username}/", {"body": HELLO})
    assert response.status_code == 429
    assert textarea(text(response)) == HELLO


def test_watched_words_and_lengths_apply(messages_on, sender, recipient):
    WatchedWord.objects.create(pattern="cheap pills", action=WatchedWordAction.BLOCK)
    with pytest.raises(ServiceError, match="Your message contains “Cheap pills”, which"):
        send(sender, recipient, "Cheap pills here")
    WatchedWord.objects.create(pattern="darn", action=WatchedWordAction.CENSOR)
    assert send(sender, recipient, "Darn, what a day").body == "****, what a day"
    with pytest.raises(ServiceError, match="Please write a message."):
        send(sender, recipient, "   ")
    with pytest.raises(ServiceError, match="The message is too long: 5,001 characters"):
        send(sender, recipient, "x" * 5001)
    assert Message.objects.count() == 1


def test_a_crisis_message_shows_the_sender_crisis_lines(messages_on, sender, recipient):
    """Needs the crisis assessor (mindwell.safety.risk) to read CRISIS_TEXT as crisis."""
    client = logged_in(sender)
    response = client.post("/messages/new/rita/", {"body": CRISIS_TEXT}, follow=True)
    message = Message.objects.get()
    assert message.risk_level == "crisis"
    page = text(response)
    assert "You are not alone" in page and 'class="crisis-lines"' in page
    # Once: the notice is for the moment of writing.
    assert "You are not alone" not in text(client.get(f"/messages/{message.conversation_id}/"))
    # The other member is told how they can help.
    other_page = text(logged_in(recipient).get(f"/messages/{message.conversation_id}/"))
    assert "sounds like they may be in danger" in other_page


# --- privacy --------------------------------------------------------------------------------


def test_messages_appear_in_no_feed_search_or_sitemap(messages_on, sender, recipient):
    send(sender, recipient, "Zebrafish secret about my family")
    for url in ("/search/?q=zebrafish", "/feeds/recent.rss", "/sitemap.xml", "/activity/"):
        response = Client().get(url)
        assert response.status_code == 200, url
        assert "Zebrafish" not in response.content.decode(), url


def test_the_export_holds_sent_messages_and_deletion_removes_conversations(
    messages_on, sender, recipient
):
    from mindwell.privacy.services.export import export_data

    send(sender, recipient, "A message for the export")
    data = export_data(user=sender, posts=[], site_url="http://testserver")
    sent = data["records"]["messaging.message.sender"]
    assert [row["body"] for row in sent] == ["A message for the export"]
    sender.delete()
    assert not Conversation.objects.exists() and not Message.objects.exists()
