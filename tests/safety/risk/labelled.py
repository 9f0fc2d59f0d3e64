"""Loading the labelled sets and measuring the assessor on them (used by the tests and by
bench/risk_eval.py).

A case may have a "title": the post's title, assessed with the text (some crises are
told in the title only). A case with "pad": "relationship" is a long post: its text is put
in the middle of about 3,000 words of ordinary relationship-question filler, to check that
one crisis sentence buried in a long post is still found.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from mindwell.safety.risk import RiskLevel, assess

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases.jsonl"
HOLDOUT = HERE / "holdout.jsonl"
# Held-out rounds 5 and 6, each written before the engine was run on it (see the history
# in bench/risk_eval.py); kept as separate files so each round's figures stay visible.
ROUND5 = HERE / "round5.jsonl"
ROUND6 = HERE / "round6.jsonl"
LABELLED = (CASES, HOLDOUT, ROUND5, ROUND6)
LEVELS = ("none", "elevated", "crisis")

# Neutral filler: long, ordinary forum writing about a relationship, with no risk language.
RELATIONSHIP_FILLER = (
    "My partner and I have been together for almost seven years and we moved in together "
    "two years ago. For most of that time things have been good. We share the cooking, we "
    "have the same taste in films, and we both like long walks on Sunday mornings. Lately, "
    "though, we seem to argue about small things: whose turn it is to do the washing up, "
    "how often we visit his parents, whether we should save for a house or travel first.",
    "He works long shifts at the hospital and I work from home, so by the evening I want to "
    "talk and he wants to sit quietly. I understand that he is tired. I am tired too, in a "
    "different way, because I have been on my own in the flat all day with only my laptop "
    "and the neighbour's radio for company. When he puts his headphones on straight after "
    "dinner I feel shut out, and then I say something sharp and we are off again.",
    "We tried a couples workshop last spring. It helped for a few weeks. We learned to use "
    "'I feel' statements and to take a break when voices rise. The trouble is that we both "
    "forget the tools the moment we are annoyed. I also wonder whether I expect too much. "
    "My parents hardly ever argued in front of us, so maybe any disagreement feels bigger "
    "to me than it really is. My friends say every couple has a rough patch around year "
    "seven and that it passes.",
    "Money is the other sore point. He is careful and likes spreadsheets. I am more "
    "relaxed and would rather spend on experiences than things. Last month I booked a "
    "weekend away as a surprise and he was upset that I had not checked the budget first. I "
    "thought it was romantic; he thought it was careless. We talked it through and agreed "
    "on a shared fund for treats, but I still feel a bit told off whenever I buy a coffee "
    "on the way back from the shops.",
    "His family are lovely but they live two hours away and expect us every other "
    "weekend. My family are abroad, so I see them once a year at most. I sometimes feel "
    "that our free time belongs to his relatives and not to us. When I raise it he says I "
    "can invite my sister over any time, which is true, but it is not the same as being "
    "able to relax on a Saturday without packing an overnight bag and driving down the "
    "motorway in traffic.",
    "On the positive side, we are still affectionate. He leaves notes in my lunchbox on the "
    "days I go into the office, and I make his favourite curry when he has had a hard "
    "week. We laugh at the same silly videos. When one of us is ill the other is brilliant "
    "at looking after them. I do not want to lose any of that, which is why I am asking "
    "for advice now rather than waiting until the arguing becomes the whole story of us.",
    "I have started keeping a small journal about when the arguments happen. They are "
    "almost always on weeknights, after nine, when we are both drained. They are almost "
    "never at weekends when we have slept properly. That makes me think the issue is "
    "partly about timing and energy rather than love. Perhaps we should agree not to "
    "discuss anything important after dinner on work nights and keep a list for Saturday "
    "mornings instead.",
    "Another idea I had was to plan one evening a week that is just for us, with phones "
    "in a drawer. We used to have date nights when we first met, even if it was only "
    "cooking together and playing cards. Somewhere along the way those evenings turned into "
    "doing our own things in the same room. I would like to bring them back, but I am "
    "worried he will see it as one more thing on his to-do list rather than something "
    "fun.",
    "I have also wondered about seeing a counsellor on my own first. Part of me thinks I "
    "should understand my own reactions better before asking him to change. I know I can "
    "be defensive when I feel criticised, and I know I sometimes bring up old arguments "
    "that should have been left alone. A friend recommended a therapist who works online "
    "in the evenings, which would fit around my job, and the first session is free.",
    "So my questions are these. How do other couples handle different energy levels in "
    "the evening? Is it reasonable to ask for one protected evening a week? How did you "
    "balance time between two families when one lives close and one is far away? And is "
    "it normal to have a phase like this after several years, or is it a sign that "
    "something bigger is wrong that we should look at with a professional?",
)


def padded(text: str, words_each_side: int = 1500) -> str:
    """`text` in the middle of about 2 * `words_each_side` words of filler."""

    def filler(offset: int) -> str:
        out: list[str] = []
        count = 0
        i = offset
        while count < words_each_side:
            paragraph = RELATIONSHIP_FILLER[i % len(RELATIONSHIP_FILLER)]
            out.append(paragraph)
            count += len(paragraph.split())
            i += 1
        return "\n\n".join(out)

    return f"{filler(0)}\n\n{text}\n\n{filler(5)}"


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    level: str
    kind: str
    title: str = ""


def load(path: Path) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["text"]
        if row.get("pad") == "relationship":
            text = padded(text)
        cases.append(Case(row["id"], text, row["level"], row["kind"], row.get("title", "")))
    return cases


@dataclass
class Report:
    name: str
    results: list[tuple[Case, str]] = field(default_factory=list)

    def confusion(self) -> dict[str, Counter[str]]:
        table: dict[str, Counter[str]] = defaultdict(Counter)
        for case, got in self.results:
            table[case.level][got] += 1
        return table

    def _rate(self, want: str, ok: tuple[str, ...]) -> float:
        rows = [got for case, got in self.results if case.level == want]
        return sum(got in ok for got in rows) / len(rows) if rows else 1.0

    @property
    def crisis_recall(self) -> float:
        return self._rate("crisis", ("crisis",))

    @property
    def elevated_recall(self) -> float:
        return self._rate("elevated", ("elevated", "crisis"))

    @property
    def false_alarm_rate(self) -> float:
        return self._rate("none", ("elevated", "crisis"))

    def misclassified(self) -> list[tuple[Case, str]]:
        return [(case, got) for case, got in self.results if case.level != got]

    def per_kind(self) -> dict[str, tuple[int, int]]:
        out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for case, got in self.results:
            out[case.kind][0] += case.level == got
            out[case.kind][1] += 1
        return {kind: (ok, n) for kind, (ok, n) in sorted(out.items())}

    def table(self) -> str:
        counts = Counter(case.level for case, _ in self.results)
        lines = [
            f"{self.name}: {len(self.results)} cases "
            f"({counts['crisis']} crisis, {counts['elevated']} elevated, {counts['none']} none)",
            f"  crisis recall    {self.crisis_recall:6.1%}",
            f"  elevated recall  {self.elevated_recall:6.1%}  (predicted elevated or crisis)",
            f"  false alarms     {self.false_alarm_rate:6.1%}  (none predicted above none)",
            "  confusion (rows: labelled, columns: predicted)",
            "             " + "".join(f"{lv:>10}" for lv in LEVELS),
        ]
        confusion = self.confusion()
        for want in LEVELS:
            lines.append(f"  {want:>10} " + "".join(f"{confusion[want][g]:>10}" for g in LEVELS))
        wrong = self.misclassified()
        if wrong:
            lines.append("  misclassified:")
            for case, got in wrong:
                snippet = case.text if len(case.text) < 110 else case.text[:107] + "..."
                lines.append(f"    {case.id} [{case.kind}] want {case.level}, got {got}: {snippet}")
        return "\n".join(lines)


def evaluate(path: Path) -> Report:
    report = Report(path.name)
    for case in load(path):
        got: RiskLevel = assess(case.text, title=case.title).level
        report.results.append((case, got.value))
    return report
