"""Safety reads: crisis lines for a country, the safety queue, and how much risk a thread
holds. Every function runs a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy

from mindwell.moderation.models import AuditAction, AuditEntry
from mindwell.qa.models import Post, RiskLevel
from mindwell.safety.models import OUTSIDE, CaseState, CrisisResource, SafetyCase
from mindwell.siteconfig.models import SiteSettings

OPEN_COUNTS_CACHE_KEY = "safety:open-case-counts"
# Long enough to spare the database on every page a moderator opens, short enough to be
# "at once"; case changes also clear it when they commit.
OPEN_COUNTS_SECONDS = 5

LEVEL_RANK = {RiskLevel.NONE: 0, RiskLevel.ELEVATED: 1, RiskLevel.CRISIS: 2}

QUEUE_FILTERS = {
    "open": gettext_lazy("Open"),
    CaseState.NEW: gettext_lazy("New"),
    CaseState.HANDLING: gettext_lazy("Being handled"),
    CaseState.CHECKED_IN: gettext_lazy("Check-in sent"),
    CaseState.RESOLVED: gettext_lazy("Resolved"),
    "all": gettext_lazy("All"),
}


# --- crisis lines -----------------------------------------------------------------------


@dataclass(frozen=True)
class Resources:
    """The crisis lines to show someone: their country's, or the fallback's."""

    country: str
    country_name: str
    lines: list[CrisisResource] = field(default_factory=list)

    @property
    def is_outside(self) -> bool:
        return self.country == OUTSIDE


def resources_for(country: str) -> Resources:
    """Lines for `country`; when it has none (unknown, or an administrator switched them
    off), the site's default country's; failing that the "outside these countries" entry.
    One query. The outside entry is not appended to a country's own lines: a short, certain
    list is what helps someone in crisis, and a link to the chooser offers the rest."""
    chain = _fallback_chain(country)
    rows = CrisisResource.objects.filter(is_active=True, country__in=chain)
    return choose_resources(_grouped(rows), country)


def all_resources() -> list[Resources]:
    """Every active line grouped by country, by name, the "outside" entry last. One query."""
    rows = CrisisResource.objects.filter(is_active=True).order_by(
        "country_name", "position", "name"
    )
    groups = sorted(_grouped(rows).items(), key=lambda item: item[0] == OUTSIDE)
    return [
        Resources(country=code, country_name=lines[0].country_name, lines=lines)
        for code, lines in groups
    ]


def choose_resources(groups: dict[str, list[CrisisResource]], country: str) -> Resources:
    """Pick from lines already loaded, with the fallbacks of resources_for (no query)."""
    for code in _fallback_chain(country):
        lines = groups.get(code)
        if lines:
            return Resources(country=code, country_name=lines[0].country_name, lines=lines)
    return Resources(country=OUTSIDE, country_name="Outside these countries")


def known_countries() -> dict[str, str]:
    """Country code to name, for the chooser: every country with an active line."""
    return {group.country: group.country_name for group in all_resources()}


def _fallback_chain(country: str) -> list[str]:
    default = SiteSettings.current().crisis_country.upper()
    return list(dict.fromkeys([country.upper(), default, OUTSIDE]))


def _grouped(rows: Iterable[CrisisResource]) -> dict[str, list[CrisisResource]]:
    groups: dict[str, list[CrisisResource]] = {}
    for row in rows:
        groups.setdefault(row.country, []).append(row)
    return groups


# --- risk on pages ----------------------------------------------------------------------


def highest_level(posts: Iterable[Post]) -> str:
    """The highest risk among posts already loaded (no query)."""
    best = RiskLevel.NONE
    for post in posts:
        level = RiskLevel(post.risk_level)
        if LEVEL_RANK[level] > LEVEL_RANK[best]:
            best = level
    return best.value


def crisis_threads() -> Exists:
    """True for a question whose thread holds an open crisis case: a subquery, so a list
    can leave such threads out in the same query."""
    return Exists(
        SafetyCase.objects.filter(post__question_id=OuterRef("pk"), level=RiskLevel.CRISIS).exclude(
            state=CaseState.RESOLVED
        )
    )


def exclude_crisis(questions: QuerySet[Post]) -> QuerySet[Post]:
    """Leave out questions that are crisis themselves or hold an open crisis case, so a
    thread where someone may be in danger is never promoted (the "hot" list)."""
    return questions.exclude(risk_level=RiskLevel.CRISIS).exclude(crisis_threads())


# --- the safety queue -------------------------------------------------------------------


def open_case_counts() -> dict[str, int]:
    """New cases by level, for the moderators' alert: {"crisis": n, "elevated": m}."""
    counts = {RiskLevel.CRISIS.value: 0, RiskLevel.ELEVATED.value: 0}
    rows = (
        SafetyCase.objects.filter(state=CaseState.NEW)
        .values("level")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        counts[row["level"]] = row["n"]
    return counts


def cached_open_case_counts() -> dict[str, int]:
    counts = cache.get(OPEN_COUNTS_CACHE_KEY)
    if counts is None:
        counts = open_case_counts()
        cache.set(OPEN_COUNTS_CACHE_KEY, counts, timeout=OPEN_COUNTS_SECONDS)
    return counts


def case_queue(*, state: str = "open") -> QuerySet[SafetyCase]:
    """Cases in queue order: crisis before elevated, then the oldest first, since the person
    who has waited longest needs someone soonest."""
    cases = SafetyCase.objects.select_related("post__question", "post__author", "handler").order_by(
        "-rank", "created_at", "pk"
    )
    if state == "open":
        return cases.exclude(state=CaseState.RESOLVED)
    if state in CaseState.values:
        return cases.filter(state=state)
    return cases


def case_detail(*, pk: int) -> SafetyCase | None:
    return (
        SafetyCase.objects.select_related("post__question", "post__author", "handler")
        .filter(pk=pk)
        .first()
    )


def case_history(*, case: SafetyCase) -> QuerySet[AuditEntry]:
    # One case per post, so the post's safety entries are the case's history.
    return AuditEntry.objects.filter(
        action=AuditAction.SAFETY, post_id=case.post_id
    ).select_related("actor")


def thread_cases(*, question_id: int) -> list[SafetyCase]:
    """The cases in a question's thread, for moderators reading it."""
    return list(
        SafetyCase.objects.filter(Q(post_id=question_id) | Q(post__question_id=question_id))
        .select_related("handler", "post")
        .order_by("-rank", "created_at")
    )


def thread_posts(thread: Any) -> list[Post]:
    posts = [thread.question, *thread.answers]
    for comments in thread.comments.values():
        posts.extend(comments)
    return posts
