"""The moderators' safety alert, on every page they open."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.http import HttpRequest

from mindwell.safety import permissions
from mindwell.safety.selectors import cached_open_case_counts


def safety_alerts(request: HttpRequest) -> dict[str, Any]:
    """`safety_new_count` (new cases) and `safety_crisis_count` (new crisis cases), for
    moderators only. Templates call them lazily, so a page that never shows them costs no
    query, and the counts are cached for a few seconds between pages."""
    if not permissions.can_handle_cases(getattr(request, "user", None)):
        return {}

    @cache
    def counts() -> dict[str, int]:
        return cached_open_case_counts()

    return {
        "safety_new_count": lambda: sum(counts().values()),
        "safety_crisis_count": lambda: counts()["crisis"],
    }
