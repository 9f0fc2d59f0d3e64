"""Measure the crisis risk assessor: `.venv/bin/python bench/risk_eval.py` from the repo root.

For each labelled file (tests/safety/risk/cases.jsonl, holdout.jsonl, round5.jsonl,
round6.jsonl): crisis recall, elevated recall, false-alarm rate, the confusion matrix,
accuracy per kind of case and every misclassified case. Then throughput: assessments per
second on short posts and on 10,000-character posts (ordinary long posts, long posts dense
with risk language, and long posts dense with circumstantial cues).

How honest the held-out figures are: every round below was written before the engine had
seen it, and run once before any rule was changed in response. Those first runs gave
(crisis recall / elevated recall / false alarms):

    round 1 (holdout h-,  86 cases)  50.0% (16/32)  31.2% (5/16)   7.9% (3/38)
    round 2 (holdout h2-, 45 cases)  27.8% (5/18)   10.0% (1/10)  11.8% (2/17)
    round 3 (holdout h3-, 46 cases)  25.0% (4/16)   20.0% (2/10)   0.0% (0/20)
    round 4 (holdout f-,  40 cases)  64.3% (9/14)   25.0% (2/8)    0.0% (0/18)
    round 5 (round5.jsonl, 89 cases) 23.1% (9/39)   18.8% (3/16)   5.9% (2/34)
    round 6 (round6.jsonl, 66 cases) 32.1% (9/28)   25.0% (3/12)   7.7% (2/26)
    pooled                           35.4% (52/147) 22.2% (16/72)  5.9% (9/153)

Rounds 1-4 were answered with phrase rules. Round 5 (indirect and circumstantial crises,
text-speak, titles, mixed languages, plain danger from others) was answered with the cue
layer (fields.py, situations.py); round 6, written after that and in new styles again
(lists, caps, emoji, typos, minimising, third-person preparations, neglect), still scored
only 32.1% before its own fixes. So the cue layer generalised a little (23% -> 32% on the
next unseen round), not to the 95% target: its fields are still word lists, and new
phrasings of the same situations fall outside them. After each round, general rules (never
per-case) were added or fixed, so the figures this script prints for every file are no
longer a blind estimate. Expect new real-world phrasings to fare closer to the first runs
than to the printed figures.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mindwell.safety.risk import assess  # noqa: E402
from tests.safety.risk.labelled import (  # noqa: E402
    CASES,
    LABELLED,
    RELATIONSHIP_FILLER,
    ROUND5,
    ROUND6,
    Report,
    evaluate,
    load,
)


def per_kind(report: Report) -> str:
    lines = ["  accuracy per kind"]
    for kind, (ok, n) in report.per_kind().items():
        lines.append(f"    {kind:<16}{ok:>4}/{n:<4} {ok / n:6.1%}")
    return "\n".join(lines)


def rate(texts: list[str], seconds: float = 1.0) -> tuple[float, float]:
    """(assessments per CPU second, mean CPU milliseconds) over about `seconds` of work.
    CPU time, not wall time: other load on the machine does not distort the figures."""
    for text in texts[:5]:
        assess(text)  # warm up
    count, started = 0, time.process_time()
    while time.process_time() - started < seconds:
        for text in texts:
            assess(text)
        count += len(texts)
    elapsed = time.process_time() - started
    return count / elapsed, 1000 * elapsed / count


def long_posts(make: Callable[[int], str], size: int = 10_000, n: int = 10) -> list[str]:
    return [make(i)[:size] for i in range(n)]


def main() -> None:
    for path in LABELLED:
        report = evaluate(path)
        print(report.table())
        print(per_kind(report))
        print()

    short = [case.text for case in load(CASES) if len(case.text) < 300]
    filler = "\n\n".join(RELATIONSHIP_FILLER * 3)
    ordinary = long_posts(lambda i: filler[i * 97 :] + filler)
    crisis_sentence = " Honestly, some nights I think I'm going to kill myself. "
    buried = long_posts(lambda i: filler[:4000] + crisis_sentence + filler)
    dense_text = " ".join(case.text for case in load(CASES) if case.level != "none")
    dense = long_posts(lambda i: dense_text[i * 131 :] + dense_text)
    rounds = [c for path in (ROUND5, ROUND6) for c in load(path) if len(c.text) < 1000]
    cue_text = " ".join(c.text for c in rounds)
    cues = long_posts(lambda i: cue_text[i * 131 :] + cue_text)
    print("throughput (one core, CPU time)")
    for name, texts in [
        ("short posts (< 300 chars)", short),
        ("10k-char ordinary posts", ordinary),
        ("10k-char post, one crisis sentence", buried),
        ("10k-char posts dense with risk language", dense),
        ("10k-char posts dense with circumstantial cues", cues),
    ]:
        per_second, ms = rate(texts)
        print(f"  {name:<42}{per_second:>10,.0f} assessments/s  {ms:7.3f} ms each")


if __name__ == "__main__":
    main()
