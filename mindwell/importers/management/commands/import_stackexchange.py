"""`mindwell import_stackexchange DIR`: import an unpacked Stack Exchange data dump.

Safe to run again: what was imported is recognised and skipped, and a run that was stopped
(or failed on a bad file) carries on from its last committed batch.
"""

from __future__ import annotations

from typing import Any, TextIO, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mindwell.importers.stackexchange.dump import DumpError
from mindwell.importers.stackexchange.pipeline import import_dump


class Command(BaseCommand):
    help = (
        "Import a Stack Exchange data dump folder (Posts.xml, and Users.xml, Comments.xml, "
        "Votes.xml, Tags.xml, PostHistory.xml, PostLinks.xml when present)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", help="the unpacked dump, e.g. parenting.stackexchange.com/")
        parser.add_argument(
            "--site",
            help="the site the dump comes from, for attribution links (default: the folder "
            "name, when it is one, e.g. parenting.stackexchange.com)",
        )
        parser.add_argument(
            "--category",
            help="slug of the category for the questions (default: one named after the site)",
        )
        parser.add_argument(
            "--batch-size", type=int, default=500, help="rows per transaction (default 500)"
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="import in one transaction, report, then undo everything",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        self.stdout.write(f"Importing {options['folder']}…")
        try:
            ledger = import_dump(
                folder=options["folder"],
                site=options["site"],
                category_slug=options["category"],
                batch_size=options["batch_size"],
                dry_run=options["dry_run"],
                # OutputWrapper is a TextIOBase, which typeshed does not count as a TextIO.
                out=cast(TextIO, self.stdout),
            )
        except DumpError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(ledger.report())
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing was kept.")
