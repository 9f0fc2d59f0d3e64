"""Import watched words from a text file: one `word` or `phrase` per line, optionally
followed by `,action` (block, approve, flag or censor). Lines starting with # are comments.

    mindwell import_watched_words words.txt --action approve --dry-run
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mindwell.moderation.models import WatchedWordAction
from mindwell.moderation.watched_words import watched_words_import


class Command(BaseCommand):
    help = "Add or update watched words from a file of `word[,action]` lines."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="A UTF-8 text file, or - for standard input.")
        parser.add_argument(
            "--action",
            default=WatchedWordAction.BLOCK,
            choices=WatchedWordAction.values,
            help="The action for lines that name none (default: block).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; change nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        text = self._read(options["file"])
        summary = watched_words_import(
            text=text, default_action=options["action"], dry_run=options["dry_run"]
        )
        for label, patterns in (("added", summary.created), ("changed", summary.updated)):
            for pattern in patterns:
                self.stdout.write(f"  {label}: {pattern}")
        for error in summary.errors:
            self.stderr.write(f"  skipped {error}")
        self.stdout.write(self.style.SUCCESS(str(summary)))

    def _read(self, name: str) -> str:
        if name == "-":
            import sys

            return sys.stdin.read()
        try:
            return Path(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {name}: {error}") from None
