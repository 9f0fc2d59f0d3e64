"""The background task queue: settings, enqueueing after the commit, and the real database
worker running what a request queued."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from mindwell.badges.models import Award
from mindwell.core.tasks import (
    DATABASE_BACKEND,
    IMMEDIATE_BACKEND,
    QUEUES,
    enqueue_on_commit,
    tasks_setting,
)
from tests.factories import make_question, make_user

CALLS: list[int] = []


@task()
def note_call(number: int) -> int:
    CALLS.append(number)
    return number


@pytest.fixture(autouse=True)
def _no_calls():
    CALLS.clear()
    yield
    CALLS.clear()


def test_one_backend_serves_every_queue():
    assert QUEUES == ["default", "email"]
    setting = tasks_setting(DATABASE_BACKEND)
    assert setting == {"default": {"BACKEND": DATABASE_BACKEND, "QUEUES": ["default", "email"]}}


def test_the_test_settings_run_tasks_inline(settings):
    assert settings.TASKS["default"]["BACKEND"] == IMMEDIATE_BACKEND


@pytest.mark.django_db
def test_a_task_waits_for_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        enqueue_on_commit(note_call, 1)
        assert CALLS == []  # not before the commit
    assert len(callbacks) == 1
    assert CALLS == [1]


@pytest.mark.django_db
def test_a_task_asked_for_twice_in_one_transaction_runs_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_on_commit(note_call, 1)
        enqueue_on_commit(note_call, 2)
        enqueue_on_commit(note_call, 1)
    assert CALLS == [1, 2]
    # The next transaction asks again, and runs again.
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_on_commit(note_call, 1)
    assert CALLS == [1, 2, 1]


@pytest.mark.django_db
def test_a_request_rolled_back_in_a_savepoint_does_not_hide_a_later_one(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                enqueue_on_commit(note_call, 7)
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
        enqueue_on_commit(note_call, 7)
    assert CALLS == [7]


@pytest.mark.django_db
def test_a_rolled_back_transaction_enqueues_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                enqueue_on_commit(note_call, 3)
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
    assert CALLS == []


def test_run_worker_explains_there_is_nothing_to_do_with_inline_tasks():
    out = io.StringIO()
    call_command("run_worker", "--once", stdout=out)
    assert "no worker is needed" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_runs_what_a_request_queued(client, settings):
    settings.TASKS = tasks_setting(DATABASE_BACKEND)
    asker, answerer = make_user(), make_user()
    question = make_question(author=asker)
    queued_before = DBTaskResult.objects.count()
    client.force_login(answerer)

    response = client.post(
        f"/questions/{question.pk}/answer/", {"body": "Talking to someone you trust helps a lot."}
    )

    assert response.status_code == 302
    # The request queued the check and awarded nothing itself.
    waiting = DBTaskResult.objects.filter(task_path="mindwell.badges.tasks.badge_check")
    assert waiting.filter(args_kwargs__args=[answerer.pk], status="READY").exists()
    assert DBTaskResult.objects.count() > queued_before
    assert not Award.objects.filter(user=answerer).exists()

    out = io.StringIO()
    call_command("run_worker", "--once", "--verbosity", "0", stdout=out)

    assert Award.objects.filter(user=answerer, badge__slug="first-answer").exists()
    assert Award.objects.filter(user=asker, badge__slug="first-question").exists()
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()
