"""Carry out the account deletions whose grace period is over.

Run it regularly (for example hourly from cron). It is idempotent: a request is carried out
once, and a request cancelled meanwhile is left alone. Each member is deleted in a
transaction of their own, so one failure does not hold up the others.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from mindwell.core.errors import ServiceError
from mindwell.privacy.models import DeletionMode
from mindwell.privacy.services.erasure import deletion_execute, deletions_due


class Command(BaseCommand):
    help = "Delete the accounts whose deletion grace period is over."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="List the due deletions without doing them."
        )

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        due = list(deletions_due().select_related("user"))
        if dry_run:
            for deletion in due:
                who = deletion.user.username if deletion.user else "an account already gone"
                self.stdout.write(
                    f"  would delete {who} ({deletion.get_mode_display()}), request "
                    f"{deletion.pk}, due {deletion.execute_after:%Y-%m-%d %H:%M}"
                )
            self.stdout.write(self.style.SUCCESS(f"{len(due)} deletions are due (dry run)."))
            return
        done = failed = 0
        for index, deletion in enumerate(due, start=1):
            try:
                report = deletion_execute(deletion=deletion)
            except ServiceError as error:
                failed += 1
                self.stderr.write(f"  request {deletion.pk}: {error.message}")
                continue
            if report is None:
                continue
            done += 1
            verb = "deleted" if report.mode == DeletionMode.DELETE_POSTS else "anonymised"
            self.stdout.write(
                f"  {index}/{len(due)}: request {report.deletion_id} done "
                f"({report.posts} posts {verb}, {report.sessions} sessions ended, "
                f"{report.files} files removed)"
            )
        self.stdout.write(self.style.SUCCESS(f"Carried out {done} deletions ({failed} failed)."))
