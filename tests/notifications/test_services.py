"""`notify` writes each notification once, whatever happens around it, and marks read."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import transaction

from mindwell.notifications.models import EventType, Notification
from mindwell.notifications.selectors import unread_count
from mindwell.notifications.services import (
    notifications_mark_all_read,
    notifications_mark_read,
    notify,
    unread_cache_key,
)
from mindwell.notifications.signals import notifications_created
from tests.factories import make_answer, make_user

pytestmark = pytest.mark.django_db


def _answer_notice(question, answer, user_ids=(), emails=()):
    return notify(
        event_type=EventType.ANSWER,
        key=f"test:{answer.pk}",
        group_key=f"answer:{question.pk}",
        user_ids=user_ids,
        emails=emails,
        post=answer,
        question=question,
    )


def test_the_same_event_never_writes_twice(member, other_member, question):
    answer = make_answer(question, author=make_user("helper"))

    first = _answer_notice(question, answer, [member.pk, other_member.pk, member.pk])
    again = _answer_notice(question, answer, [member.pk, other_member.pk])

    assert len(first) == 2 and again == []
    assert (
        Notification.objects.filter(recipient=member, dedupe_key__startswith="test:").count() == 1
    )


def test_addresses_are_deduplicated_whatever_their_case(member, question):
    answer = make_answer(question, author=make_user("helper"))
    created = _answer_notice(question, answer, emails=["Anon@Example.test", "anon@example.test"])
    created += _answer_notice(question, answer, emails=["ANON@example.test"])
    [row] = Notification.objects.filter(recipient__isnull=True)
    assert len(created) == 1
    assert row.recipient_email == "Anon@Example.test"
    # The dedupe key holds a hash, not the address.
    assert "example" not in row.dedupe_key.lower()


def test_a_rolled_back_event_leaves_no_notification(member, question):
    with pytest.raises(RuntimeError), transaction.atomic():
        make_answer(question, author=make_user("helper"))
        assert Notification.objects.filter(recipient=member).count() == 1
        raise RuntimeError("the request failed after the answer was written")
    assert Notification.objects.count() == 0


def test_email_delivery_hears_of_new_rows_after_the_commit(
    member, question, django_capture_on_commit_callbacks
):
    heard: list[list[int]] = []

    def listener(sender, ids, **kwargs):
        heard.append(list(ids))

    notifications_created.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            make_answer(question, author=make_user("helper"))
        assert heard == []  # nothing before the commit
        for callback in callbacks:
            callback()
    finally:
        notifications_created.disconnect(listener)
    row = Notification.objects.get(recipient=member)
    assert [row.pk] in heard


def test_the_unread_count_is_cached_and_kept_up_to_date(
    member, question, django_assert_num_queries, django_capture_on_commit_callbacks
):
    assert unread_count(member) == 0
    with django_assert_num_queries(0):
        assert unread_count(member) == 0  # cached
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_answer(question, author=make_user("helper"))
    assert cache.get(unread_cache_key(member.pk)) == 0  # not before the commit
    for callback in callbacks:
        callback()
    with django_assert_num_queries(0):
        assert unread_count(member) == 1  # added to the cached count after the commit

    [row] = Notification.objects.filter(recipient=member)
    assert notifications_mark_read(user=member, group_key=row.group_key) == 1
    assert cache.get(unread_cache_key(member.pk)) is None
    assert unread_count(member) == 0


def test_mark_all_read_reads_only_the_members_own(member, other_member, question):
    make_answer(question, author=make_user("helper"))
    make_answer(question, author=make_user("helper2"))
    mine = make_user("carol")
    theirs = make_answer(question, author=mine)
    from mindwell.qa.services.comments import comment_create
    from mindwell.qa.services.common import Poster

    comment_create(poster=Poster(user=other_member), parent=theirs, body="Thank you, that helps.")

    assert notifications_mark_all_read(user=member) == 3
    assert notifications_mark_all_read(user=member) == 0
    assert Notification.objects.filter(recipient=mine, read_at__isnull=True).count() == 1
