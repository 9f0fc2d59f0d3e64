"""The inbox page: grouped unread notifications, marking read, the header count, and
nothing shown that the member may not see."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from mindwell.moderation.actions import POST_ACTIONS
from mindwell.notifications.models import EventType, Notification
from mindwell.notifications.selectors import PER_PAGE
from mindwell.notifications.services import notify
from mindwell.qa.services.common import Poster
from tests.factories import PASSWORD, make_answer, make_question, make_user
from tests.notifications.event_helpers import ask, make_moderator, set_site

pytestmark = pytest.mark.django_db

INBOX = "/inbox/"


def visible_text(markup: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", markup).split())


def page(client, url=INBOX):
    response = client.get(url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@pytest.fixture
def logged_in(client, member):
    client.login(username=member.username, password=PASSWORD)
    return client


def test_the_inbox_needs_an_account(client):
    response = client.get(INBOX)
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_unread_answers_are_grouped_with_the_newest_first(logged_in, question):
    for name in ("ann", "ben", "cat"):
        make_answer(question, author=make_user(name))
    make_question(author=make_user("dan"), title="What would @alice suggest for sleep?")

    text = page(logged_in)
    assert f"3 new answers to your question “{question.title}”" in text
    assert "dan mentioned you in “What would @alice suggest for sleep?”" in text
    assert text.index("dan mentioned you") < text.index("3 new answers")
    assert "Inbox (4 unread)" in visible_text(text)


def test_marking_a_group_read_lists_its_notifications_one_by_one(logged_in, member, question):
    for name in ("ann", "ben"):
        make_answer(question, author=make_user(name))
    group = f"{EventType.ANSWER}:{question.pk}"

    response = logged_in.post("/inbox/read/", {"group": group})
    assert response.status_code == 302
    assert not Notification.objects.filter(recipient=member, read_at__isnull=True).exists()
    text = page(logged_in)
    assert "ann answered your question" in text and "ben answered your question" in text
    assert "new answers" not in text
    assert "Inbox (" not in visible_text(text)  # nothing unread in the header


def test_opening_a_group_marks_it_read_and_goes_to_the_post(logged_in, member, question):
    answer = make_answer(question, author=make_user("ann"))
    response = logged_in.post("/inbox/open/", {"group": f"{EventType.ANSWER}:{question.pk}"})
    assert response.status_code == 302
    assert response["Location"] == answer.get_absolute_url().replace("/-/", f"/{question.slug}/")
    assert Notification.objects.get(recipient=member).read_at is not None


def test_mark_all_read(logged_in, member, question):
    make_answer(question, author=make_user("ann"))
    make_question(author=make_user("dan"), title="What would @alice suggest for sleep?")
    response = logged_in.post("/inbox/read-all/")
    assert response.status_code == 302
    assert Notification.objects.filter(recipient=member, read_at__isnull=True).count() == 0
    assert "Marked 2 notifications as read." in page(logged_in)


def test_marking_read_needs_a_post(logged_in):
    assert logged_in.get("/inbox/read-all/").status_code == 405


def test_a_hidden_question_is_neither_named_nor_linked(logged_in, member):
    asker = make_user("asker")
    question = make_question(author=asker, title="A question that will be hidden soon?")
    make_answer(question, author=make_user("ann"), body="Ask @alice, she has been through it.")
    before = page(logged_in)
    assert "ann mentioned you in “A question that will be hidden soon?”" in before

    POST_ACTIONS["hide"](actor=make_moderator(), post=question).execute()
    text = page(logged_in)
    assert "ann mentioned you in a question that is no longer available" in text
    assert "will be hidden soon" not in text
    assert 'action="/inbox/open/"' not in text  # nothing to open
    # An old link to open it leads back to the inbox, not to the hidden question.
    response = logged_in.post("/inbox/open/", {"group": f"mention:{question.pk}"})
    assert response["Location"] == INBOX


def test_a_pseudonymous_answer_shows_the_pseudonym_only(logged_in, question, other_member):
    answer = make_answer(question, poster=Poster(user=other_member, anonymous=True))
    text = page(logged_in)
    assert f"{answer.anon_name} answered your question" in text
    assert other_member.username not in text


def test_notifications_for_an_address_never_show_anywhere(logged_in, member):
    set_site(anonymous_questions=True, premoderate_anonymous=False)
    question = ask(Poster(name="Worried", email="worried@example.test", notify=True, ip="10.1.1.1"))
    make_answer(question, author=member)
    assert Notification.objects.filter(recipient_email="worried@example.test").count() == 1
    assert "worried@example.test" not in page(logged_in)
    assert "answered your question" not in page(logged_in)


def _many(member, count):
    """`count` notifications in as many groups, the older half of them read."""
    author = make_moderator(f"author{Notification.objects.count()}")  # no hourly limit
    question = make_question(author=author, title="How do I handle worry at work?")
    start = Notification.objects.count()
    for n in range(start, start + count):
        notify(
            event_type=EventType.MENTION,
            key=f"bulk:{n}",
            group_key=f"mention:bulk{n}",
            user_ids=[member.pk],
            post=question,
            question=question,
            actor=author,
        )
    rows = Notification.objects.filter(recipient=member, read_at__isnull=True).order_by("pk")
    Notification.objects.filter(pk__in=[r.pk for r in rows[: count // 2]]).update(
        read_at="2025-01-01T00:00:00Z"
    )


def test_the_inbox_costs_the_same_queries_however_full(
    logged_in, member, django_assert_max_num_queries
):
    _many(member, 4)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        page(logged_in)
    _many(member, 40)
    with django_assert_max_num_queries(len(few.captured_queries)):
        text = page(logged_in)
    assert text.count('class="inbox-row unread"') == 22
    assert text.count('class="inbox-row"') == 22


def test_read_notifications_are_paged_by_keyset(logged_in, member):
    _many(member, 2 * PER_PAGE + 10)  # PER_PAGE + 5 read
    text = page(logged_in)
    assert 'rel="next"' in text
    next_url = html.unescape(text.split('rel="next" href="', 1)[1].split('"', 1)[0])
    second = page(logged_in, INBOX + next_url)
    assert second.count('class="inbox-row"') == 5
    assert "New</h2>" not in second  # unread groups are on the first page only


# Announcements are mass mailings: they reach members by email only, never the inbox.
INBOX_EVENTS = [event for event in EventType.values if event != EventType.ANNOUNCEMENTS]


@pytest.mark.parametrize("event", INBOX_EVENTS)
def test_every_event_type_reads_as_a_sentence_alone_and_grouped(event, member, question):
    from mindwell.notifications.rendering import describe

    notification = Notification(
        recipient=member,
        event_type=event,
        post=question,
        question=question,
        actor_name="Quiet Heron",
        data={"tag": "sleep", "category": "Psychology", "outcome": "upheld", "level": "crisis"},
        group_key=event,
        dedupe_key=f"render:{event}",
    )
    one = describe(notification, member)
    many = describe(notification, member, count=3)
    for line in (one, many):
        assert line.text and not line.text.startswith("Something happened")
    assert "3" in many.text
    if event != EventType.MESSAGE:  # (a message links to its conversation)
        assert one.url  # the question is visible to its asker
