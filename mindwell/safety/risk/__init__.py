# Placeholder with the assessor's public API while the engine is being written (the
# risk-assessor work replaces this file).
import enum
from dataclasses import dataclass


class RiskLevel(str, enum.Enum):
    NONE = "none"
    ELEVATED = "elevated"
    CRISIS = "crisis"

    @property
    def rank(self) -> int:
        return ["none", "elevated", "crisis"].index(self.value)


@dataclass(frozen=True)
class Reason:
    rule: str
    phrase: str
    level: RiskLevel


@dataclass(frozen=True)
class Assessment:
    level: RiskLevel
    reasons: tuple[Reason, ...]

    def as_dict(self) -> dict:
        return {
            "level": self.level.value,
            "reasons": [
                {"rule": r.rule, "phrase": r.phrase, "level": r.level.value} for r in self.reasons
            ],
        }


def assess(text: str, *, title: str = "") -> Assessment:
    return Assessment(RiskLevel.NONE, ())
