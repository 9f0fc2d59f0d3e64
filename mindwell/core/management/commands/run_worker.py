"""Run the background worker: the tasks services enqueue (badges, points recalculations,
later email) wait in the database until a worker runs them.

A thin wrapper over django-tasks-db's `db_worker` with Mindwell's defaults: every queue the
site uses (see mindwell.core.tasks), a one-second poll, no code reloading. `make run` starts
one beside the web server; in production run one (or more) as a service of its own:

    mindwell run_worker             # runs until stopped (Ctrl-C or SIGTERM finish the task first)
    mindwell run_worker --once      # runs what is waiting, then exits (cron, tests)

When the settings run tasks at once (the test settings' ImmediateBackend) there is nothing
for a worker to do, and it says so and exits. With tasks kept in Redis (TASKS_URL=redis://…)
it runs the Redis worker instead, with the same options. Before taking work it runs the
hooks in settings.MINDWELL_WORKER_STARTUP (the email outbox picks up what a killed worker
left half-sent).
"""

from __future__ import annotations

import signal
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.utils.module_loading import import_string

from mindwell.core.tasks import QUEUES, REDIS_BACKEND

_SIGNALS = [signal.SIGINT, signal.SIGTERM] + (
    [signal.SIGQUIT] if hasattr(signal, "SIGQUIT") else []
)


class Command(BaseCommand):
    help = "Run the background worker that carries out queued tasks (badges, email, …)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once",
            action="store_true",
            help="Run the tasks that are waiting, then exit.",
        )
        parser.add_argument(
            "--queues",
            default=",".join(QUEUES),
            help="Comma-separated queues to work on (default: %(default)s).",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds to wait between looks when the queue is empty (default: %(default)s).",
        )
        parser.add_argument(
            "--max-tasks",
            type=int,
            default=None,
            help="Exit after this many tasks (a supervisor starts a fresh worker).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
        from django_tasks_db import DatabaseBackend

        backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
        redis_backend = import_string(REDIS_BACKEND)
        if not isinstance(backend, DatabaseBackend | redis_backend):
            self.stdout.write(
                f"Tasks run as soon as they are enqueued here ({type(backend).__name__}), "
                "so no worker is needed."
            )
            return
        # Put back work a killed worker left half-done (e.g. emails being sent), before
        # taking new work; each hook is named in settings.MINDWELL_WORKER_STARTUP.
        for hook in getattr(settings, "MINDWELL_WORKER_STARTUP", []):
            import_string(hook)()
        if isinstance(backend, redis_backend):
            # Tasks kept in Redis (TASKS_URL=redis://…): the Redis worker, same options.
            previous = {number: signal.getsignal(number) for number in _SIGNALS}
            try:
                backend.run_worker(
                    queues=options["queues"].split(","),
                    interval=options["interval"],
                    batch=options["once"],
                    max_tasks=options["max_tasks"],
                    signals=not options["once"],
                )
            finally:
                for number, handler in previous.items():
                    signal.signal(number, handler)
            return
        worker_options: dict[str, Any] = {
            "queue_name": options["queues"],
            "interval": options["interval"],
            "batch": options["once"],
            "reload": False,
            "startup_delay": not options["once"],
            "verbosity": options["verbosity"],
        }
        if options["max_tasks"]:
            worker_options["max_tasks"] = options["max_tasks"]
        # db_worker installs its own signal handlers (finish the task, then stop); put ours
        # back when it returns, so running it in-process (--once) leaves Ctrl-C as it was.
        previous = {number: signal.getsignal(number) for number in _SIGNALS}
        try:
            call_command("db_worker", stdout=self.stdout, stderr=self.stderr, **worker_options)
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)
