"""Visits are noted once a day per member, in the background, at no query on later requests."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from mindwell.badges.models import Award, Visit
from mindwell.core.tasks import DATABASE_BACKEND, tasks_setting
from mindwell.siteconfig.models import SiteSettings

pytestmark = pytest.mark.django_db


def test_a_members_first_request_of_the_day_notes_the_visit(
    client, member, django_capture_on_commit_callbacks
):
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/")
        client.get("/questions/")
    assert list(Visit.objects.values_list("user_id", "day")) == [(member.pk, timezone.localdate())]


def test_later_requests_that_day_ask_nothing_more(
    client, member, django_capture_on_commit_callbacks, settings
):
    settings.TASKS = tasks_setting(DATABASE_BACKEND)
    client.force_login(member)
    SiteSettings.current()  # its first save would queue a page-cache refresh of its own
    with django_capture_on_commit_callbacks(execute=False) as first:
        client.get("/")
    with django_capture_on_commit_callbacks(execute=False) as later:
        client.get("/")
        client.get("/users/")
    assert len(first) == 1  # the visit task, queued after the commit
    assert later == []


def test_visitors_without_an_account_are_not_noted(client, django_capture_on_commit_callbacks):
    SiteSettings.current()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.get("/")
    assert callbacks == []
    assert not Visit.objects.exists()


def test_the_seventh_day_in_a_row_earns_the_regular_badge(
    client, member, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    Visit.objects.bulk_create(
        [Visit(user=member, day=today - datetime.timedelta(days=n)) for n in range(1, 7)]
    )
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/")
    assert Award.objects.filter(user=member, badge__slug="regular").exists()
