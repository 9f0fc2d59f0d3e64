"""Recomputing every member's points under the current rules (`mindwell recalculate_points`,
and the admin's "Recalculate points now", which runs it in the background worker).

The ledger stays append-only: where a member's ledger disagrees with what the rules give,
a `correction` event makes up the difference, and the cached total is set to base + ledger.
The daily limit on votes received is corrected apart, with a `daily_cap` event, so the
ledger's daily-limit events always add up to the member's excess (which
`mindwell.reputation.daily_cap.daily_cap_settle` relies on when the next vote comes).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from mindwell.reputation.daily_cap import daily_cap_excess
from mindwell.reputation.models import EventKind, PointsEvent
from mindwell.reputation.rules import current_rules
from mindwell.reputation.selectors import expected_points, ledger_totals

PROGRESS_EVERY = 5000

Progress = Callable[[int, int], None]  # (members checked, members in all)


@dataclass(frozen=True)
class RecalculationResult:
    checked: int
    changed: int
    corrections: int
    dry_run: bool

    def summary(self) -> str:
        verb = "Would change" if self.dry_run else "Changed"
        return (
            f"{verb} the points of {self.changed} of {self.checked} members "
            f"({self.corrections} ledger corrections)."
        )


def points_recalculate(
    *, dry_run: bool = False, progress: Progress | None = None
) -> RecalculationResult:
    """Recompute every member's points; with `dry_run`, only count what would change."""
    rules = current_rules()
    User = get_user_model()
    with transaction.atomic():
        # Lock every member first: a vote or answer arriving meanwhile waits, so the totals
        # written below cannot overwrite points earned during the run.
        list(User.objects.select_for_update().values_list("pk", flat=True))
        excess = daily_cap_excess(rules=rules)
        expected = expected_points(rules=rules, excess=excess)
        ledger = ledger_totals()
        ledger_cap = ledger_totals(kind=EventKind.DAILY_CAP)
        corrections: list[PointsEvent] = []
        changed = 0
        users = User.objects.only("pk", "points").order_by("pk")
        total = users.count()
        for index, user in enumerate(users.iterator(chunk_size=2000), start=1):
            want_cap, have_cap = -excess.get(user.pk, 0), ledger_cap.get(user.pk, 0)
            want_rest = expected.get(user.pk, 0) - want_cap
            have_rest = ledger.get(user.pk, 0) - have_cap
            for kind, delta in (
                (EventKind.CORRECTION, want_rest - have_rest),
                (EventKind.DAILY_CAP, want_cap - have_cap),
            ):
                if delta:
                    corrections.append(PointsEvent(user_id=user.pk, kind=kind, points=delta))
            new_total = rules.base + expected.get(user.pk, 0)
            if user.points != new_total:
                changed += 1
                if not dry_run:
                    User.objects.filter(pk=user.pk).update(points=new_total)
            if progress is not None and (index % PROGRESS_EVERY == 0 or index == total):
                progress(index, total)
        if not dry_run:
            PointsEvent.objects.bulk_create(corrections, batch_size=2000)
    return RecalculationResult(
        checked=total, changed=changed, corrections=len(corrections), dry_run=dry_run
    )
