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

Learned model experiment (bench/risk_model_train.py; result: not shipped). Word 1-2-grams
and character 3-5-grams of the normalised text, logistic regression for P(crisis) and
P(at least elevated), allowed only to raise a level and only on posts where no rule veto
(negation, fiction, professional, recovery, idiom, joke, ...) fired. Trained blind by
rounds (round 5 test: trained on cases + rounds 1-4; round 6 test: trained on all but
round 6), thresholds picked on the training files by leave-one-group-out (lowest with
<= 4% false alarms there). Blind figures on the test round, model alone (crisis recall /
elevated recall / false alarms):

    round 5, picked t=0.7   53.8% (21/39)  37.5% (6/16)  14.7% (5/34)
             (t=0.8)        30.8% (12/39)  25.0% (4/16)   2.9% (1/34)
    round 6, picked t=0.8   39.3% (11/28)  33.3% (4/12)   7.7% (2/26)
             (t=0.9)        21.4% (6/28)    8.3% (1/12)   0.0% (0/26)

Today's rules have seen rounds 5 and 6, so "rules OR model" cannot be measured blind here;
with the rules' first blind runs above it is bounded: round 5 crisis recall 53.8-76.9%
(rules alone 23.1%) but false alarms 14.7-20.6% (5.9%); round 6 39.3-71.4% (32.1%) with
7.7-15.4% (7.7%). So recall rose by at least 30 points on round 5 (7-39 on round 6), but
at the thresholds chosen on training data the false alarms on the blind rounds were about
six times what the same thresholds gave on the training folds (2.3% -> 14.7%, 1.2% -> 7.7%): the
blind rounds' benign posts are near misses ("put the dog to sleep... the house is so
quiet", "won't need it now", "this exam is going to end me", a crisis-line volunteer's
story) that n-grams cannot tell from crises. No single threshold clears both rounds:
t=0.8 keeps round 5's added false alarms at 2.9% (crisis recall bounded 30.8-53.8%) but
gives 7.7% on round 6; t=0.9 keeps both at 0.0% but adds at most 5 points on round 5
(23.1-28.2%) and at most 21 on round 6 (32.1-53.6%), likely fewer, since the model's
surest hits are the explicit posts the rules already catch. The bar (crisis recall +15
points with false alarms <= 5% on both blind rounds) was not met, so nothing was added to
mindwell/. About 650 labelled posts are too few for a bag-of-n-grams model to learn the
difference between a situation and its benign twin.
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
