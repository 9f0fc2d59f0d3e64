"""Record licences that have expired: `mindwell expire_professionals [--dry-run]`.

The badge already disappears on the expiry date by itself; this marks the applications
"expired", writes one audit-log entry for each and deletes stale verifications. Safe to run
as often as you like (daily from cron, say): a second run finds nothing to do.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from mindwell.professionals.services import applications_expire


class Command(BaseCommand):
    help = "Mark professional applications whose licence has expired, with audit entries."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would expire; change nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        dry_run = options["dry_run"]
        expired = applications_expire(dry_run=dry_run)
        verb = "would expire" if dry_run else "expired"
        for application in expired:
            self.stdout.write(
                f"  {verb}: {application.user} ({application.title}, "
                f"licence ended {application.expires_on:%Y-%m-%d})"
            )
        self.stdout.write(f"{len(expired)} application(s) {verb}.")
