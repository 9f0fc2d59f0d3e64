"""Recompute every member's points from their posts, selections and votes.

The ledger stays append-only: where a member's ledger disagrees with what the current rules
give, a `correction` event makes up the difference, and the cached total is set to
base + ledger. Run it after changing the points rules.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from mindwell.reputation.models import EventKind, PointsEvent
from mindwell.reputation.rules import current_rules
from mindwell.reputation.selectors import expected_points, ledger_totals


class Command(BaseCommand):
    help = "Recalculate every member's points from their content under the current rules."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument(
            "--dry-run", action="store_true", help="Report the changes without writing them."
        )

    def handle(self, *args, dry_run: bool = False, **options):  # type: ignore[no-untyped-def]
        rules = current_rules()
        User = get_user_model()
        with transaction.atomic():
            # Lock every member first: a vote or answer arriving meanwhile waits, so the
            # totals written below cannot overwrite points earned during the run.
            list(User.objects.select_for_update().values_list("pk", flat=True))
            expected = expected_points(rules=rules)
            ledger = ledger_totals()
            corrections = []
            changed = 0
            users = User.objects.only("pk", "points").order_by("pk")
            total = users.count()
            for index, user in enumerate(users.iterator(chunk_size=2000), start=1):
                want = expected.get(user.pk, 0)
                have = ledger.get(user.pk, 0)
                if want != have:
                    corrections.append(
                        PointsEvent(user_id=user.pk, kind=EventKind.CORRECTION, points=want - have)
                    )
                new_total = rules.base + want
                if user.points != new_total:
                    changed += 1
                    if not dry_run:
                        User.objects.filter(pk=user.pk).update(points=new_total)
                if index % 5000 == 0:
                    self.stdout.write(f"  {index}/{total} members checked")
            if not dry_run:
                PointsEvent.objects.bulk_create(corrections, batch_size=2000)
        verb = "Would change" if dry_run else "Changed"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} the points of {changed} of {total} members "
                f"({len(corrections)} ledger corrections)."
            )
        )
