"""Bring a Question2Answer site over: members, categories, questions, answers, comments,
votes, flags, favourites, messages and points.

    mindwell import_q2a --source mysql://USER:PASS@HOST:PORT/DB [--prefix qa_]

Reads the Question2Answer 1.8 database directly (MySQL or MariaDB). Safe to run again: what
was imported before is skipped, and a run that was stopped carries on where it stopped.
Prints progress as it goes and, at the end, what it imported and what it skipped, and why.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from mindwell.importers.q2a.importer import Options, run_import
from mindwell.importers.q2a.source import SourceError


class Command(BaseCommand):
    help = "Import a Question2Answer site from its MySQL/MariaDB database."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument(
            "--source",
            required=True,
            help="The Question2Answer database: mysql://USER:PASS@HOST:PORT/DB",
        )
        parser.add_argument(
            "--prefix", default="qa_", help="Question2Answer's table prefix (default qa_)."
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=500,
            help="Rows written per transaction (default 500).",
        )
        parser.add_argument(
            "--skip-search-index",
            action="store_true",
            help="Do not rebuild the search index at the end (run rebuild_search_index later).",
        )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        if not 1 <= options["batch_size"] <= 10_000:
            raise CommandError("--batch-size must be between 1 and 10000.")
        settings = Options(
            url=options["source"],
            prefix=options["prefix"],
            batch_size=options["batch_size"],
            search_index=not options["skip_search_index"],
        )
        try:
            ledger = run_import(settings, out=self.stdout)
        except SourceError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(ledger.report())
        self.stdout.write(self.style.SUCCESS("Import finished."))
