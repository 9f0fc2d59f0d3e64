"""A django-tasks backend keeping the queue in Redis, for deployments where web servers and
workers run on several machines (the database backend serves one machine well).

Layout under one key prefix (default "mindwell:tasks"), so several sites can share a Redis:

    {prefix}:queue:{queue}            list of task ids; enqueued at the left, taken at the right
    {prefix}:scheduled                sorted set of "{queue}|{id}" by run_after (deferred tasks)
    {prefix}:result:{id}              the task and its outcome, as JSON
    {prefix}:processing:{worker}:{q}  what one worker has taken and not yet acknowledged
    {prefix}:workers                  hash worker id -> last heartbeat (Unix time)

This is the "reliable queue" pattern: a worker moves an id from the queue to its own
processing list in one atomic LMOVE and removes it only when the task has finished. A worker
that dies (even by SIGKILL) leaves its ids there; once its heartbeat is stale, any other
worker moves them back to the front of their queue (see `redis_worker.recover`). Tasks are
therefore run at least once: one killed half-way runs again, so tasks must be idempotent
(Mindwell's are: the email outbox claims each message row before sending it).
"""

from __future__ import annotations

import json
import time
from datetime import datetime
from functools import cached_property
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import redis
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import Task, TaskError, TaskResult, TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist
from django_tasks.signals import task_enqueued
from django_tasks.utils import get_random_id, normalize_json
from typing_extensions import ParamSpec

T = TypeVar("T")
P = ParamSpec("P")

DEFAULT_LOCATION = "redis://127.0.0.1:6379/0"
DEFAULT_PREFIX = "mindwell:tasks"
_OWN_OPTIONS = {"prefix", "result_ttl", "heartbeat_timeout"}
# Finished results are kept this long for inspection, then Redis forgets them.
DEFAULT_RESULT_TTL = 14 * 24 * 3600

# Moves every due deferred task onto its queue in one step, so a crash cannot drop one
# between the sorted set and the list, and two workers cannot both move it.
_PROMOTE_DUE = """
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 500)
for _, member in ipairs(due) do
  local bar = string.find(member, '|', 1, true)
  local queue = string.sub(member, 1, bar - 1)
  local id = string.sub(member, bar + 1)
  redis.call('ZREM', KEYS[1], member)
  redis.call('LPUSH', ARGV[2] .. queue, id)
end
return #due
"""


def _split_location(location: str) -> tuple[str, dict[str, str]]:
    """Take this backend's own options (prefix, result_ttl, heartbeat_timeout) out of the
    URL's query, so one TASKS_URL can carry them; the rest goes to redis-py."""
    parts = urlsplit(location)
    ours: dict[str, str] = {}
    theirs: list[tuple[str, str]] = []
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key in _OWN_OPTIONS:
            ours[key] = value
        else:
            theirs.append((key, value))
    return urlunsplit(parts._replace(query=urlencode(theirs))), ours


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


class RedisBackend(BaseTaskBackend):
    """TASKS = {"default": {"BACKEND": "…RedisBackend", "LOCATION": "redis://host:6379/0",
    "QUEUES": […], "OPTIONS": {"PREFIX": …, "RESULT_TTL": seconds, "HEARTBEAT_TIMEOUT": s}}};
    the options may also ride in LOCATION's query: redis://host/1?prefix=site-a"""

    supports_defer = True
    supports_get_result = True
    supports_async_task = True

    def __init__(self, alias: str, params: dict[str, Any]) -> None:
        super().__init__(alias, params)
        self.location, from_url = _split_location(params.get("LOCATION") or DEFAULT_LOCATION)
        options = {**from_url, **{key.lower(): value for key, value in self.options.items()}}
        self.prefix = str(options.get("prefix", DEFAULT_PREFIX))
        self.result_ttl = int(options.get("result_ttl", DEFAULT_RESULT_TTL))
        self.heartbeat_timeout = float(options.get("heartbeat_timeout", 30))

    def run_worker(
        self,
        *,
        queues: list[str],
        interval: float = 1.0,
        batch: bool = False,
        max_tasks: int | None = None,
        signals: bool = True,
    ) -> int:
        """Run a worker on this backend in this process (see `redis_worker`)."""
        from mindwell.notifications.backends.redis_worker import RedisWorker

        worker = RedisWorker(
            self,
            queues=queues,
            interval=interval,
            batch=batch,
            max_tasks=max_tasks,
            heartbeat_timeout=self.heartbeat_timeout,
        )
        if signals:
            worker.configure_signals()
        return worker.run()

    @cached_property
    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.location, decode_responses=True)

    # Keys ---------------------------------------------------------------------------------
    def queue_key(self, queue: str) -> str:
        return f"{self.prefix}:queue:{queue}"

    def result_key(self, result_id: str) -> str:
        return f"{self.prefix}:result:{result_id}"

    def processing_key(self, worker_id: str, queue: str) -> str:
        return f"{self.prefix}:processing:{worker_id}:{queue}"

    @property
    def scheduled_key(self) -> str:
        return f"{self.prefix}:scheduled"

    @property
    def workers_key(self) -> str:
        return f"{self.prefix}:workers"

    # The django-tasks API -----------------------------------------------------------------
    def enqueue(
        self,
        task: Task[P, T],
        args: P.args,  # type: ignore[valid-type]
        kwargs: P.kwargs,  # type: ignore[valid-type]
    ) -> TaskResult[T]:
        self.validate_task(task)
        record = {
            "id": get_random_id(),
            "task_path": task.module_path,
            "queue_name": task.queue_name,
            "priority": task.priority,
            "run_after": _iso(task.run_after),
            "args": normalize_json(args),
            "kwargs": normalize_json(kwargs),
            "status": TaskResultStatus.READY.value,
            "enqueued_at": _iso(timezone.now()),
            "started_at": None,
            "finished_at": None,
            "worker_ids": [],
            "errors": [],
            "return_value": None,
        }
        with self.client.pipeline(transaction=True) as pipe:
            pipe.set(self.result_key(record["id"]), json.dumps(record))
            if task.run_after is not None and task.run_after > timezone.now():
                member = f"{task.queue_name}|{record['id']}"
                pipe.zadd(self.scheduled_key, {member: task.run_after.timestamp()})
            else:
                pipe.lpush(self.queue_key(task.queue_name), record["id"])
            pipe.execute()
        result = self.result_from_record(record)
        task_enqueued.send(type(self), task_result=result)
        return result

    def get_result(self, result_id: str) -> TaskResult:
        record = self.load(result_id)
        if record is None:
            raise TaskResultDoesNotExist(result_id)
        return self.result_from_record(record)

    # Records ------------------------------------------------------------------------------
    def load(self, result_id: str) -> dict[str, Any] | None:
        raw = self.client.get(self.result_key(result_id))
        return json.loads(raw) if raw else None

    def save(self, record: dict[str, Any]) -> None:
        finished = record["status"] in {TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED}
        self.client.set(
            self.result_key(record["id"]),
            json.dumps(record),
            ex=self.result_ttl if finished else None,
        )

    def task_for(self, record: dict[str, Any]) -> Task:
        task = import_string(record["task_path"])
        if not isinstance(task, Task):
            raise TypeError(f"{record['task_path']} is not a task")
        return task.using(
            priority=record["priority"],
            queue_name=record["queue_name"],
            run_after=_when(record["run_after"]),
            backend=self.alias,
        )

    def result_from_record(self, record: dict[str, Any]) -> TaskResult:
        result: TaskResult = TaskResult(
            task=self.task_for(record),
            id=record["id"],
            status=TaskResultStatus(record["status"]),
            enqueued_at=_when(record["enqueued_at"]),
            started_at=_when(record["started_at"]),
            last_attempted_at=_when(record["started_at"]),
            finished_at=_when(record["finished_at"]),
            args=record["args"],
            kwargs=record["kwargs"],
            backend=self.alias,
            errors=[TaskError(**error) for error in record["errors"]],
            worker_ids=list(record["worker_ids"]),
        )
        object.__setattr__(result, "_return_value", record["return_value"])
        return result

    # Used by the worker -------------------------------------------------------------------
    def promote_due(self, now: float | None = None) -> int:
        """Move deferred tasks whose time has come onto their queues; returns how many."""
        moved = self.client.eval(
            _PROMOTE_DUE,
            1,
            self.scheduled_key,
            now if now is not None else time.time(),
            f"{self.prefix}:queue:",
        )
        return int(moved)  # type: ignore[arg-type]

    def flush(self) -> None:
        """Delete every key under this backend's prefix (tests; never other prefixes)."""
        keys = list(self.client.scan_iter(match=f"{self.prefix}:*", count=500))
        for start in range(0, len(keys), 500):
            self.client.delete(*keys[start : start + 500])
