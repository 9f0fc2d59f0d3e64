"""Write the question views buffered in the cache to the database.

Pages flush automatically every MINDWELL_VIEW_FLUSH_SECONDS; run this from cron when that
is turned off (0), or before a shutdown or a cache restart so no buffered view is lost."""

from django.core.management.base import BaseCommand

from mindwell.qa.services.views_counter import flush_view_counts, pending_views


class Command(BaseCommand):
    help = "Write buffered question view counts to the database."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what is buffered without writing it."
        )

    def handle(self, *args, dry_run: bool = False, **options):  # type: ignore[no-untyped-def]
        if dry_run:
            pending = pending_views()
            self.stdout.write(
                f"{sum(pending.values())} views of {len(pending)} questions are buffered."
            )
            return
        result = flush_view_counts()
        if result is None:
            self.stdout.write("Another flush is running; nothing done.")
            return
        self.stdout.write(
            self.style.SUCCESS(f"Wrote {result.views} views of {result.questions} questions.")
        )
