"""Safety writes: assessing a post's risk, opening or raising its safety case, moving a case
through the queue, and remembering a visitor's country for crisis lines."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from mindwell.core.errors import PermissionDenied, ServiceError
from mindwell.moderation.models import AuditAction, AuditEntry
from mindwell.notifications import events as notification_events
from mindwell.qa.models import Post, RiskLevel
from mindwell.safety import permissions
from mindwell.safety.models import CaseSource, CaseState, SafetyCase
from mindwell.safety.risk import assess
from mindwell.safety.selectors import OPEN_COUNTS_CACHE_KEY, known_countries

RANKS = {RiskLevel.NONE: 0, RiskLevel.ELEVATED: 1, RiskLevel.CRISIS: 2}
# A case keeps its latest reasons only; older ones stay in the audit log's context.
MAX_REASONS = 50


def post_assess(*, post: Post) -> str:
    """Assess a post's title and body, store the level on the post, open or raise its safety
    case when the level is elevated or crisis, and return the level.

    An edit that lowers the level keeps the case open: a moderator, not the writer's next
    wording, decides that someone is safe."""
    assessment = assess(post.body, title=post.title)
    level = assessment.level.value
    if post.risk_level != level:
        post.risk_level = level
        Post.objects.filter(pk=post.pk).update(risk_level=level)
    if RANKS[RiskLevel(level)] > 0:
        case_raise(
            post=post,
            level=level,
            source=CaseSource.ASSESSOR,
            reasons=assessment.as_dict()["reasons"],
        )
    return level


def case_raise(
    *, post: Post, level: str, source: str, reasons: list[dict[str, Any]]
) -> SafetyCase | None:
    """Open the post's safety case, or raise its level, and reopen it if it was resolved and
    this signal brings something new (a higher level or reasons not seen before); an edit
    that repeats what was already handled does not send it back to the queue. Returns None
    for level none. Callers are inside a transaction."""
    rank = RANKS[RiskLevel(level)]
    if rank == 0:
        return None
    _counts_changed()
    case = SafetyCase.objects.select_for_update().filter(post=post).first()
    if case is None:
        case = SafetyCase.objects.create(
            post=post,
            level=level,
            rank=rank,
            source=source,
            reasons=_unique(reasons)[-MAX_REASONS:],
            created_at=timezone.now(),
        )
        # Everyone who handles the safety queue is told at once (by email too).
        notification_events.safety_alert(case=case)
        return case
    case.post = post  # already loaded: spare the audit entry a query
    fresh = [reason for reason in _unique(reasons) if reason not in case.reasons]
    raised = rank > case.rank
    if not raised and not fresh:
        return case
    if raised:
        case.level, case.rank = level, rank
    case.reasons = [*case.reasons, *fresh][-MAX_REASONS:]
    reopened = case.state == CaseState.RESOLVED
    if reopened:
        _audit(case, actor=None, to=CaseState.NEW, note="Reopened by a new signal.")
        case.state, case.resolved_at = CaseState.NEW, None
    case.save()
    if raised or reopened:
        notification_events.safety_alert(case=case, reopened=reopened)
    return case


def case_take(*, case: SafetyCase, moderator: Any, take_over: bool = False) -> SafetyCase:
    """Say “I’m handling this”: the moderator becomes the case’s handler. Taking a case someone
    else is handling needs `take_over`, so two moderators never reach out at once unawares."""
    with transaction.atomic():
        case = _locked(case, moderator)
        if case.state == CaseState.RESOLVED:
            raise ServiceError(
                gettext("This case is resolved. Reopen it first if it needs more care.")
            )
        if case.state == CaseState.HANDLING and case.handler_id == moderator.pk:
            raise ServiceError(gettext("You are already handling this case."))
        if case.state == CaseState.HANDLING and not take_over:
            raise ServiceError(
                f"{case.handler} is already handling this case. Use “Take over” if you mean "
                "to handle it instead."
            )
        return _move(case, actor=moderator, to=CaseState.HANDLING)


def case_mark_checked_in(*, case: SafetyCase, moderator: Any, note: str = "") -> SafetyCase:
    """The moderator has reached out to the writer (a private message, an email)."""
    with transaction.atomic():
        case = _locked(case, moderator)
        if case.state == CaseState.RESOLVED:
            raise ServiceError(
                gettext("This case is resolved. Reopen it first if it needs more care.")
            )
        if case.state == CaseState.CHECKED_IN:
            raise ServiceError(gettext("A check-in is already recorded for this case."))
        return _move(case, actor=moderator, to=CaseState.CHECKED_IN, note=note)


def case_resolve(*, case: SafetyCase, moderator: Any, note: str) -> SafetyCase:
    """Close the case with a note saying what was done, for whoever reads it next."""
    note = (note or "").strip()
    if not note:
        raise ServiceError(
            gettext("Please write a short note saying what was done before resolving."),
            field="note",
        )
    if len(note) > 2000:
        raise ServiceError(
            gettext("The note is too long: the most is 2,000 characters."), field="note"
        )
    with transaction.atomic():
        case = _locked(case, moderator)
        if case.state == CaseState.RESOLVED:
            raise ServiceError(gettext("This case is already resolved."))
        case.note = note
        case.resolved_at = timezone.now()
        return _move(case, actor=moderator, to=CaseState.RESOLVED, note=note)


def case_reopen(*, case: SafetyCase, moderator: Any, note: str = "") -> SafetyCase:
    with transaction.atomic():
        case = _locked(case, moderator)
        if case.state != CaseState.RESOLVED:
            raise ServiceError(gettext("This case is still open."))
        case.resolved_at = None
        return _move(case, actor=moderator, to=CaseState.NEW, note=note.strip()[:500])


def crisis_country_set(*, user: Any, country: str) -> str:
    """Remember a member's country for crisis lines; blank goes back to the site default."""
    country = (country or "").strip().upper()
    if country and country not in known_countries():
        raise ServiceError(gettext("Please choose a country from the list."), field="country")
    if user.crisis_country != country:
        user.crisis_country = country
        user.save(update_fields=["crisis_country"])
    return country


def _locked(case: SafetyCase, moderator: Any) -> SafetyCase:
    """Check the moderator may act, then hold the case row so two moderators' clicks are
    applied one after the other, each seeing the state the other left."""
    if not permissions.can_handle_cases(moderator):
        raise PermissionDenied(gettext("Only moderators can handle safety cases."))
    return (
        SafetyCase.objects.select_for_update(of=("self",))
        .select_related("handler", "post")
        .get(pk=case.pk)
    )


def _move(case: SafetyCase, *, actor: Any, to: str, note: str = "") -> SafetyCase:
    _audit(case, actor=actor, to=to, note=note)
    case.state = to
    if to != CaseState.NEW:
        # Whoever acted last is who handled it; the audit log keeps everyone before them.
        case.handler = actor
        if case.first_response_at is None:
            case.first_response_at = timezone.now()
    case.full_clean(exclude=["post", "handler"], validate_unique=False)
    case.save()
    _counts_changed()
    return case


def _audit(case: SafetyCase, *, actor: Any, to: str, note: str) -> None:
    AuditEntry.objects.create(
        actor=actor,
        action=AuditAction.SAFETY,
        post_id=case.post_id,
        target_user_id=case.post.author_id,
        reason=note[:500],
        detail={"case": case.pk, "level": case.level, "from": case.state, "to": str(to)},
    )


def _counts_changed() -> None:
    # The moderators' header alert is cached for a few seconds; a change shows at once.
    transaction.on_commit(lambda: cache.delete(OPEN_COUNTS_CACHE_KEY))


def _unique(reasons: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    for reason in reasons:
        if reason not in seen:
            seen.append(reason)
    return seen
