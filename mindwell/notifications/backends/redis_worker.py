"""The worker for the Redis task backend (`mindwell run_worker` picks it when the settings
use `RedisBackend`).

Each turn it moves due deferred tasks onto their queues, takes one task id from the first
non-empty queue into its own processing list (atomically, with LMOVE), runs the task,
records the outcome and only then removes the id from the processing list. A heartbeat
thread marks the worker alive; when a worker's heartbeat is older than `heartbeat_timeout`,
any worker puts what it had taken back at the front of its queue (`recover`). A task is
therefore never lost, and runs twice only if its worker died before acknowledging it.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from types import FrameType

from django.db import close_old_connections
from django.utils import timezone
from django_tasks.base import TaskContext, TaskResultStatus
from django_tasks.signals import task_finished, task_started
from django_tasks.utils import (
    get_exception_traceback,
    get_module_path,
    get_random_id,
    normalize_json,
)

from mindwell.notifications.backends.redis_backend import RedisBackend

logger = logging.getLogger(__name__)

DEFAULT_HEARTBEAT_TIMEOUT = 30.0


class RedisWorker:
    def __init__(
        self,
        backend: RedisBackend,
        *,
        queues: list[str],
        interval: float = 1.0,
        batch: bool = False,
        max_tasks: int | None = None,
        heartbeat_timeout: float = DEFAULT_HEARTBEAT_TIMEOUT,
        worker_id: str | None = None,
    ) -> None:
        self.backend = backend
        self.queues = queues
        self.interval = interval
        self.batch = batch
        self.max_tasks = max_tasks
        self.heartbeat_timeout = heartbeat_timeout
        self.worker_id = worker_id or get_random_id()
        self.running = True
        self.running_task = False
        self.tasks_run = 0
        self._stop_heartbeat = threading.Event()

    # Lifecycle ----------------------------------------------------------------------------
    def run(self) -> int:
        """Work until stopped (or, in batch mode, until the queues are empty); returns how
        many tasks ran."""
        logger.info("Redis worker %s on queues %s", self.worker_id, ",".join(self.queues))
        self.beat()
        heart = threading.Thread(target=self._heartbeat_loop, daemon=True)
        heart.start()
        last_recovery = 0.0
        try:
            while self.running:
                if time.monotonic() - last_recovery >= self.heartbeat_timeout / 2:
                    self.recover()
                    last_recovery = time.monotonic()
                self.backend.promote_due()
                taken = self.take()
                if taken is not None:
                    self.run_task(*taken)
                elif self.batch:
                    break
                if self.max_tasks is not None and self.tasks_run >= self.max_tasks:
                    break
                if taken is None and self.running:
                    time.sleep(self.interval)
        finally:
            self._stop_heartbeat.set()
            heart.join(timeout=5)
            self.backend.client.hdel(self.backend.workers_key, self.worker_id)
        return self.tasks_run

    def configure_signals(self) -> None:
        for number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(number, self.shutdown)

    def shutdown(self, signum: int, frame: FrameType | None) -> None:
        """Finish the task at hand, then stop (a second signal stops at once)."""
        if not self.running or not self.running_task:
            raise SystemExit(0 if self.running else 1)
        logger.warning("Stopping after the current task (%s)", signal.strsignal(signum))
        self.running = False

    def beat(self) -> None:
        self.backend.client.hset(self.backend.workers_key, self.worker_id, time.time())

    def _heartbeat_loop(self) -> None:
        # A thread, so a long task (a batch of emails) does not look like a dead worker.
        while not self._stop_heartbeat.wait(self.heartbeat_timeout / 3):
            self.beat()

    # Taking, running and acknowledging ----------------------------------------------------
    def take(self) -> tuple[str, str] | None:
        client = self.backend.client
        for queue in self.queues:
            task_id = client.lmove(
                self.backend.queue_key(queue),
                self.backend.processing_key(self.worker_id, queue),
                "RIGHT",
                "LEFT",
            )
            if task_id is not None:
                return queue, str(task_id)
        return None

    def acknowledge(self, queue: str, task_id: str) -> None:
        self.backend.client.lrem(self.backend.processing_key(self.worker_id, queue), 1, task_id)

    def run_task(self, queue: str, task_id: str) -> None:
        record = self.backend.load(task_id)
        if record is None:  # expired or deleted by hand: nothing to run
            self.acknowledge(queue, task_id)
            return
        self.running_task = True
        close_old_connections()
        try:
            record.update(
                status=TaskResultStatus.RUNNING.value,
                started_at=timezone.now().isoformat(),
                worker_ids=[*record["worker_ids"], self.worker_id],
            )
            self.backend.save(record)
            result = self.backend.result_from_record(record)
            task = result.task
            task_started.send(sender=type(self.backend), task_result=result)
            try:
                if task.takes_context:
                    value = task.call(
                        TaskContext(task_result=result), *result.args, **result.kwargs
                    )
                else:
                    value = task.call(*result.args, **result.kwargs)
                # Inside the try: a return value JSON cannot hold fails the task, as in
                # django-tasks' own backends.
                record.update(
                    status=TaskResultStatus.SUCCESSFUL.value, return_value=normalize_json(value)
                )
            except Exception as error:
                logger.exception("Task %s (%s) failed", task_id, record["task_path"])
                record["status"] = TaskResultStatus.FAILED.value
                record["errors"] = [
                    *record["errors"],
                    {
                        "exception_class_path": get_module_path(type(error)),
                        "traceback": get_exception_traceback(error),
                    },
                ]
            record["finished_at"] = timezone.now().isoformat()
            self.backend.save(record)
            task_finished.send(
                sender=type(self.backend), task_result=self.backend.result_from_record(record)
            )
        finally:
            # Acknowledged last: a worker killed before this line leaves the id for recovery.
            self.acknowledge(queue, task_id)
            self.running_task = False
            self.tasks_run += 1
            close_old_connections()

    # Recovery -----------------------------------------------------------------------------
    def recover(self) -> int:
        """Put the tasks of workers that stopped beating back at the front of their queues;
        returns how many were put back."""
        return recover(self.backend, heartbeat_timeout=self.heartbeat_timeout)


def recover(backend: RedisBackend, *, heartbeat_timeout: float) -> int:
    client = backend.client
    beats = {key: float(value) for key, value in client.hgetall(backend.workers_key).items()}
    stale_before = time.time() - heartbeat_timeout
    moved = 0
    marker = f"{backend.prefix}:processing:"
    for key in client.scan_iter(match=f"{marker}*", count=200):
        worker_id, _, queue = str(key)[len(marker) :].rpartition(":")
        if beats.get(worker_id, 0.0) >= stale_before:
            continue
        # RIGHT to RIGHT: the oldest taken id goes back to where the next take looks first.
        while (
            task_id := client.lmove(key, backend.queue_key(queue), "RIGHT", "RIGHT")
        ) is not None:
            record = backend.load(str(task_id))
            if record is not None and record["status"] == TaskResultStatus.RUNNING.value:
                record["status"] = TaskResultStatus.READY.value
                backend.save(record)
            moved += 1
            logger.warning("Put back task %s taken by the stopped worker %s", task_id, worker_id)
        client.hdel(backend.workers_key, worker_id)
    return moved
