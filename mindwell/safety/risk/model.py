"""The assessor's public value types: a level, the reasons for it, and the assessment."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any


class RiskLevel(enum.StrEnum):
    NONE = "none"
    ELEVATED = "elevated"
    CRISIS = "crisis"

    @property
    def rank(self) -> int:
        """0, 1, 2: comparable without knowing the names."""
        return _RANKS[self]


_RANKS = {RiskLevel.NONE: 0, RiskLevel.ELEVATED: 1, RiskLevel.CRISIS: 2}
LEVELS_BY_RANK = (RiskLevel.NONE, RiskLevel.ELEVATED, RiskLevel.CRISIS)


def downgrade(level: RiskLevel) -> RiskLevel:
    """One level lower (crisis -> elevated -> none)."""
    return LEVELS_BY_RANK[max(level.rank - 1, 0)]


@dataclass(frozen=True)
class Reason:
    """Why the assessor raised the level: a stable rule id and the (normalised) matched text."""

    rule: str
    phrase: str
    level: RiskLevel


@dataclass(frozen=True)
class Assessment:
    level: RiskLevel
    reasons: tuple[Reason, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "level": self.level.value,
            "reasons": [
                {"rule": r.rule, "phrase": r.phrase, "level": r.level.value} for r in self.reasons
            ],
        }
