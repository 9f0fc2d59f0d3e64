"""The text being assessed, with its sentences."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

WINDOW = 600  # characters either side of a match that frame tests may look at
# Sentence ends: a match never crosses one (no rule matches ".", "!", "?", ";" or "\\n").
SENTENCE_END = re.compile(r"[.!?]+|\n|;")


@dataclass
class Document:
    """The normalised post, cut into sentences, with the windows context tests look at."""

    text: str
    media_title: bool
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    _facts: dict[str, bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        start = 0
        for m in SENTENCE_END.finditer(self.text):
            self.starts.append(start)
            self.ends.append(m.end())
            start = m.end()
        self.starts.append(start)
        self.ends.append(len(self.text))

    def index(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def window(self, i: int, pos: int, back: int, ahead: int) -> str:
        lo = max(self.starts[max(i - back, 0)], pos - WINDOW)
        hi = min(self.ends[min(i + ahead, len(self.ends) - 1)], pos + WINDOW)
        return self.text[lo:hi]

    def has(self, pattern: re.Pattern[str]) -> bool:
        """Whether the whole post contains `pattern` (cached: asked once per pattern)."""
        key = pattern.pattern
        if key not in self._facts:
            self._facts[key] = pattern.search(self.text) is not None
        return self._facts[key]

    def spans(self, sentences: set[int] | None) -> list[tuple[int, int]]:
        """Text spans worth scanning for a rule: the given sentences, merged; the whole text
        when the rule has no required literal (None) or most sentences qualify."""
        if sentences is None or len(sentences) * 2 > len(self.starts):
            return [(0, len(self.text))]
        spans: list[tuple[int, int]] = []
        for i in sorted(sentences):
            if spans and spans[-1][1] == self.starts[i]:
                spans[-1] = (spans[-1][0], self.ends[i])
            else:
                spans.append((self.starts[i], self.ends[i]))
        return spans
