"""Re-check badges for every member (or some), in batches, and award what was earned.

The background worker awards badges as members act; this catches up after the rules
change, after a bulk import, or for a badge whose rule reads something no service reports
(a licence verified by staff):

    mindwell award_badges --all             # everyone
    mindwell award_badges alice bob         # these members
    mindwell award_badges --all --dry-run   # count what would be awarded, write nothing
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from mindwell.badges.services import badges_award_batch

BATCH = 500


class Command(BaseCommand):
    help = "Award every badge members have earned and do not hold yet."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("usernames", nargs="*", help="Only these members.")
        parser.add_argument("--all", action="store_true", help="Every member.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be awarded; write nothing."
        )
        parser.add_argument(
            "--batch-size", type=int, default=BATCH, help="Members per batch (%(default)s)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        usernames, every, dry_run = options["usernames"], options["all"], options["dry_run"]
        if bool(usernames) == bool(every):
            raise CommandError("Name some members, or give --all (not both).")
        users = get_user_model().objects.order_by("pk")
        if usernames:
            users = users.filter(username__in=usernames)
            missing = set(usernames) - set(users.values_list("username", flat=True))
            if missing:
                raise CommandError(f"No such member: {', '.join(sorted(missing))}.")
        ids = list(users.values_list("pk", flat=True))
        size = max(1, options["batch_size"])
        awarded: Counter[str] = Counter()
        for start in range(0, len(ids), size):
            batch = ids[start : start + size]
            for award in badges_award_batch(user_ids=batch, dry_run=dry_run):
                awarded[award.badge.name] += 1
            done = min(start + size, len(ids))
            self.stdout.write(f"  {done}/{len(ids)} members checked")
        for name, count in sorted(awarded.items()):
            self.stdout.write(f"  {name}: {count}")
        verb = "Would award" if dry_run else "Awarded"
        total = sum(awarded.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {total} badge{'s' if total != 1 else ''} ({len(ids)} members checked)."
            )
        )
