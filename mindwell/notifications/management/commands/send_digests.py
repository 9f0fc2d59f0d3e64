"""Write the daily or weekly digest emails; the worker sends them.

Run it from cron or a systemd timer, once a day for daily digests and once a week for
weekly ones, e.g.:

    0 7 * * *  mindwell send_digests --period daily
    0 7 * * 1  mindwell send_digests --period weekly

Running it twice on a day (or, for weekly, in a week) sends nothing twice.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from mindwell.notifications.digests import digests_build
from mindwell.notifications.models_email import DigestPeriod


class Command(BaseCommand):
    help = "Gather each member's notifications into a daily or weekly digest email."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--period", choices=DigestPeriod.values, required=True)
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count the digests that would be written; write and send nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        run = digests_build(period=options["period"], dry_run=options["dry_run"])
        verb = "would write" if options["dry_run"] else "wrote"
        self.stdout.write(
            f"{run.members} member(s) with news; {verb} {run.digests} {options['period']} "
            f"digest(s) gathering {run.notifications} notification(s)."
        )
        if not options["dry_run"] and run.digests:
            self.stdout.write("The worker (mindwell run_worker) sends them.")
