"""The task queue's behaviour, the same on the database backend and on the Redis backend
(against the real Redis on 127.0.0.1:6379, database 15, under a prefix of the test's own),
and what only the Redis backend has to do itself: recover the tasks of a dead worker."""

from __future__ import annotations

import io
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks.exceptions import TaskResultDoesNotExist

from mindwell.core.tasks import REDIS_BACKEND, enqueue_on_commit, tasks_setting_from_url
from mindwell.notifications.backends.redis_backend import RedisBackend
from mindwell.notifications.backends.redis_worker import RedisWorker, recover
from tests.factories import make_question, make_user
from tests.notifications.queue_helpers import REDIS_URL, redis_running, use_backend

CALLS: list[int] = []


@task()
def remember(value: int) -> int:
    CALLS.append(value)
    return value * 2


@task()
def explode() -> None:
    raise RuntimeError("this task always fails")


@pytest.fixture(autouse=True)
def _fresh_calls():
    CALLS.clear()
    yield
    CALLS.clear()


@pytest.fixture
def redis_queue(settings):
    yield from use_backend("redis", settings)


def run_worker() -> str:
    out = io.StringIO()
    call_command("run_worker", "--once", "--verbosity", "0", stdout=out)
    return out.getvalue()


# --- The same behaviour on both backends ----------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_task_queued_on_commit_waits_for_the_worker(queue):
    from django.db import transaction

    with transaction.atomic():
        enqueue_on_commit(remember, 3)
        enqueue_on_commit(remember, 3)  # the same task twice in one commit: once
    assert CALLS == []
    run_worker()
    assert CALLS == [3]


@pytest.mark.django_db(transaction=True)
def test_results_are_recorded_and_readable(queue):
    done = remember.enqueue(21)
    failed = explode.enqueue()
    assert remember.get_result(done.id).status == TaskResultStatus.READY

    run_worker()

    done = remember.get_result(done.id)
    assert done.status == TaskResultStatus.SUCCESSFUL
    assert done.return_value == 42
    assert done.finished_at is not None and len(done.worker_ids) == 1
    failed = explode.get_result(failed.id)
    assert failed.status == TaskResultStatus.FAILED
    assert failed.errors[0].exception_class_path == "builtins.RuntimeError"
    assert "this task always fails" in failed.errors[0].traceback


@pytest.mark.django_db(transaction=True)
def test_a_deferred_task_runs_only_once_its_time_has_come(queue):
    remember.using(run_after=timezone.now() + timedelta(seconds=1.5)).enqueue(7)
    run_worker()
    assert CALLS == []
    time.sleep(1.6)
    run_worker()
    assert CALLS == [7]


@pytest.mark.django_db(transaction=True)
def test_a_requests_background_work_runs_on_the_worker(queue, client):
    from mindwell.badges.models import Award

    asker, answerer = make_user(), make_user()
    question = make_question(author=asker)
    client.force_login(answerer)
    response = client.post(f"/questions/{question.pk}/answer/", {"body": "Rest, and be kind."})
    assert response.status_code == 302
    assert not Award.objects.filter(user=answerer).exists()

    run_worker()
    assert Award.objects.filter(user=answerer, badge__slug="first-answer").exists()


@pytest.mark.django_db
def test_an_unknown_result_is_reported(queue):
    with pytest.raises(TaskResultDoesNotExist):
        remember.get_result("no-such-id")


# --- Redis only -------------------------------------------------------------------------------


def test_tasks_url_chooses_the_backend_and_carries_its_options():
    assert tasks_setting_from_url("")["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    setting = tasks_setting_from_url("redis://127.0.0.1:6379/15?prefix=site-a&heartbeat_timeout=5")
    assert setting["default"]["BACKEND"] == REDIS_BACKEND
    backend = RedisBackend("default", setting["default"])
    assert backend.prefix == "site-a"
    assert backend.heartbeat_timeout == 5.0
    assert backend.location == "redis://127.0.0.1:6379/15"
    with pytest.raises(ValueError, match="TASKS_URL"):
        tasks_setting_from_url("amqp://broker")


@pytest.mark.django_db
def test_the_worker_command_runs_the_redis_worker(redis_queue):
    remember.enqueue(5)
    run_worker()
    assert CALLS == [5]
    # Nothing is left taken: every task was acknowledged.
    assert list(redis_queue.client.scan_iter(match=f"{redis_queue.prefix}:processing:*")) == []


@pytest.mark.django_db
def test_a_dead_workers_task_goes_back_to_the_queue_and_runs_once(redis_queue):
    result = remember.enqueue(9)
    client = redis_queue.client
    # A worker took it and was killed mid-task: it is in that worker's processing list,
    # marked running, and the worker's heartbeat stopped long ago.
    dead = "dead-worker"
    client.lmove(
        redis_queue.queue_key("default"),
        redis_queue.processing_key(dead, "default"),
        "RIGHT",
        "LEFT",
    )
    client.hset(redis_queue.workers_key, dead, time.time() - 60)
    assert client.llen(redis_queue.queue_key("default")) == 0

    assert recover(redis_queue, heartbeat_timeout=2) == 1
    assert client.llen(redis_queue.processing_key(dead, "default")) == 0
    assert client.hget(redis_queue.workers_key, dead) is None

    RedisWorker(redis_queue, queues=["default"], batch=True, interval=0).run()
    assert CALLS == [9]
    assert remember.get_result(result.id).status == TaskResultStatus.SUCCESSFUL


@pytest.mark.django_db
def test_a_live_workers_tasks_are_left_alone(redis_queue):
    remember.enqueue(4)
    client = redis_queue.client
    busy = "busy-worker"
    client.lmove(
        redis_queue.queue_key("default"),
        redis_queue.processing_key(busy, "default"),
        "RIGHT",
        "LEFT",
    )
    client.hset(redis_queue.workers_key, busy, time.time())

    assert recover(redis_queue, heartbeat_timeout=30) == 0
    RedisWorker(redis_queue, queues=["default"], batch=True, interval=0).run()
    assert CALLS == []  # still the busy worker's to finish
    assert client.llen(redis_queue.processing_key(busy, "default")) == 1


@pytest.mark.django_db
def test_tasks_run_in_the_order_they_were_queued(redis_queue):
    for value in (1, 2, 3):
        remember.enqueue(value)
    RedisWorker(redis_queue, queues=["default"], batch=True, interval=0).run()
    assert CALLS == [1, 2, 3]


@pytest.mark.skipif(not redis_running(), reason="Redis is not running on 127.0.0.1:6379")
def test_flushing_a_prefix_leaves_other_keys_alone():
    ours = RedisBackend("default", {"LOCATION": REDIS_URL, "OPTIONS": {"PREFIX": "mw-test-a"}})
    theirs = RedisBackend("default", {"LOCATION": REDIS_URL, "OPTIONS": {"PREFIX": "mw-test-b"}})
    ours.client.set("mw-test-a:x", "1")
    theirs.client.set("mw-test-b:x", "1")
    try:
        ours.flush()
        assert ours.client.get("mw-test-a:x") is None
        assert theirs.client.get("mw-test-b:x") == "1"
    finally:
        theirs.flush()
