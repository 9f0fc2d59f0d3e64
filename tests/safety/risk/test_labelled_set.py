"""The assessor measured on the labelled sets: cases.jsonl (written with the rules),
holdout.jsonl, round5.jsonl and round6.jsonl (each round written afterwards, before the
engine was run on it). Every file must meet the targets on its own. Failures print the
whole table: rates, confusion matrix and every misclassified case."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.safety.risk.labelled import (
    CASES,
    HOLDOUT,
    LABELLED,
    LEVELS,
    ROUND5,
    ROUND6,
    Report,
    evaluate,
    load,
)


@pytest.fixture(scope="module", params=LABELLED, ids=[p.stem for p in LABELLED])
def report(request: pytest.FixtureRequest) -> Report:
    return evaluate(request.param)


def test_crisis_recall(report: Report) -> None:
    assert report.crisis_recall >= 0.95, report.table()


def test_false_alarms(report: Report) -> None:
    assert report.false_alarm_rate <= 0.05, report.table()


def test_elevated_recall(report: Report) -> None:
    assert report.elevated_recall >= 0.80, report.table()


def test_the_sets_are_big_and_varied_enough() -> None:
    cases, holdout = load(CASES), load(HOLDOUT)
    counts = Counter(c.level for c in cases)
    assert len(cases) >= 220
    assert counts["crisis"] >= 90 and counts["elevated"] >= 30 and counts["none"] >= 100
    assert sum(1 for c in cases if c.kind == "buried" and c.level == "crisis") >= 5
    assert len(holdout) >= 60
    rounds = load(ROUND5) + load(ROUND6)
    assert len(load(ROUND5)) >= 80 and len(load(ROUND6)) >= 60
    assert sum(1 for c in rounds if c.title) >= 3, "some crises are told in the title only"
    ids = [c.id for c in cases + holdout + rounds]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    assert {c.level for c in cases + holdout + rounds} <= set(LEVELS)
    benign_kinds = {c.kind for c in cases if c.level == "none"}
    assert {"idiom", "academic", "recovery", "negation", "media", "grief"} <= benign_kinds
