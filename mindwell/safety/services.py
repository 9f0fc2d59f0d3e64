"""Safety writes: assessing a post's risk and opening or raising its safety case."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from mindwell.qa.models import Post, RiskLevel
from mindwell.safety.models import CaseState, SafetyCase
from mindwell.safety.risk import assess

RANKS = {RiskLevel.NONE: 0, RiskLevel.ELEVATED: 1, RiskLevel.CRISIS: 2}


def post_assess(*, post: Post) -> str:
    """Assess a post's title and body, store the level on the post, and return it."""
    assessment = assess(post.body, title=post.title)
    level = assessment.level.value
    if post.risk_level != level:
        post.risk_level = level
        Post.objects.filter(pk=post.pk).update(risk_level=level)
    return level


def case_raise(
    *, post: Post, level: str, source: str, reasons: list[dict[str, Any]]
) -> SafetyCase | None:
    """Open the post's safety case, or raise its level and reopen it if it was resolved.
    Returns None for level none. Callers are inside a transaction."""
    rank = RANKS[RiskLevel(level)]
    if rank == 0:
        return None
    case = SafetyCase.objects.select_for_update().filter(post=post).first()
    if case is None:
        return SafetyCase.objects.create(
            post=post,
            level=level,
            rank=rank,
            source=source,
            reasons=reasons,
            created_at=timezone.now(),
        )
    changed = False
    if rank > case.rank:
        case.level, case.rank, changed = level, rank, True
    if reasons:
        case.reasons = [*case.reasons, *reasons][-50:]
        changed = True
    if case.state == CaseState.RESOLVED and rank >= case.rank:
        case.state, case.resolved_at, changed = CaseState.NEW, None, True
    if changed:
        case.save()
    return case
