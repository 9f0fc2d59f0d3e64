"""An edit that adds an @mention tells the newly mentioned member, once."""

import pytest

from mindwell.notifications.models import Notification
from mindwell.qa.services import post_edit
from tests.factories import make_question, make_user

pytestmark = pytest.mark.django_db


def test_an_edit_that_mentions_someone_notifies_them_once():
    writer, friend = make_user(), make_user("river.friend")
    question = make_question(writer, body="I keep waking at night; what helps you sleep?")
    assert not Notification.objects.filter(recipient=friend).exists()

    post_edit(post=question, editor=writer, body=f"{question.body}\n\n@river.friend any ideas?")
    post_edit(post=question, editor=writer, body=f"{question.body}\n\n@river.friend any tips?")

    assert Notification.objects.filter(recipient=friend, post=question).count() == 1
