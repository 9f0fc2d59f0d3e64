"""Recompute every member's points from their posts, selections and votes.

The ledger stays append-only: where a member's ledger disagrees with what the current rules
give, a `correction` event makes up the difference (a `daily_cap` event for the daily limit
on votes received), and the cached total is set to base + ledger. Run it after changing the
points settings; administrators can also start it from the points settings page, which runs
it in the background worker (mindwell.reputation.recalculation does the work for both).
"""

from django.core.management.base import BaseCommand

from mindwell.reputation.recalculation import points_recalculate


class Command(BaseCommand):
    help = "Recalculate every member's points from their content under the current rules."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument(
            "--dry-run", action="store_true", help="Report the changes without writing them."
        )

    def handle(self, *args, dry_run: bool = False, **options):  # type: ignore[no-untyped-def]
        def progress(checked: int, total: int) -> None:
            if checked < total:
                self.stdout.write(f"  {checked}/{total} members checked")

        result = points_recalculate(dry_run=dry_run, progress=progress)
        self.stdout.write(self.style.SUCCESS(result.summary()))
