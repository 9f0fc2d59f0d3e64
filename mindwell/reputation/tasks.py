"""Points work that runs in the background worker: a recalculation asked for in the admin."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django_tasks import task

from mindwell.core.tasks import DEFAULT_QUEUE, enqueue_on_commit
from mindwell.reputation.settings_model import PointsRecalculation, RecalculationState


@task(queue_name=DEFAULT_QUEUE)
def points_recalculate_run(recalculation_id: int) -> str:
    """Run the recalculation `recalculation_id` records, and record how it went."""
    from mindwell.reputation.recalculation import points_recalculate

    runs = PointsRecalculation.objects.filter(pk=recalculation_id)
    runs.update(state=RecalculationState.RUNNING, started_at=timezone.now())
    try:
        result = points_recalculate()
    except Exception as error:
        runs.update(
            state=RecalculationState.FAILED,
            finished_at=timezone.now(),
            error=f"{type(error).__name__}: {error}"[:2000],
        )
        raise  # the worker records the traceback too
    runs.update(
        state=RecalculationState.DONE,
        finished_at=timezone.now(),
        members_checked=result.checked,
        members_changed=result.changed,
        corrections=result.corrections,
    )
    return result.summary()


def points_recalculation_request(*, by: Any) -> PointsRecalculation:
    """Record a recalculation and queue it for the worker (after the commit)."""
    run = PointsRecalculation.objects.create(requested_by=by)
    enqueue_on_commit(points_recalculate_run, run.pk)
    return run
