"""mindwell rebuild_search_index: index every readable post again, from scratch."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection

from mindwell.search.backends import get_backend
from mindwell.search.indexing import REBUILD_BATCH_SIZE, search_index_rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the full-text search index (SQLite FTS5 or PostgreSQL, from the database in "
        "use) from the posts table. Safe to run at any time: searches keep the old index "
        "until the new one is complete; writes wait for it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch-size",
            type=int,
            default=REBUILD_BATCH_SIZE,
            help=f"Posts read per statement (default {REBUILD_BATCH_SIZE:,}).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only say how many posts would be indexed; leave the index as it is.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        batch_size = max(1, int(options["batch_size"]))
        started = time.monotonic()
        if options["dry_run"]:
            count = get_backend().readable_count()
            self.stdout.write(f"Would index {count:,} readable posts ({connection.vendor}).")
            return
        self.stdout.write(f"Rebuilding the search index ({connection.vendor})…")

        def progress(done: int, total: int) -> None:
            share = 100 * done // total if total else 100
            self.stdout.write(f"  {done:,} of {total:,} posts read ({share}%)")

        indexed = search_index_rebuild(batch_size=batch_size, progress=progress)
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {indexed:,} readable posts in {seconds:.1f} s.")
        )
