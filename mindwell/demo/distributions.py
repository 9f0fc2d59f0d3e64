"""Skewed random counts for the data generator: most posts get few answers, votes and
comments, a few get many, as on real forums."""

from __future__ import annotations

import random
from itertools import accumulate


class Skewed:
    """Draws 0..top. With `zero_share` z: 0 with probability z, else k ≥ 1 with
    P(k) ∝ 1/k^s; without it, P(k) ∝ 1/(k+1)^s from 0. The exponent s is chosen so the
    mean is `mean` (Zipf-like: most draws small, a long tail)."""

    def __init__(self, mean: float, top: int, zero_share: float | None = None) -> None:
        if mean <= 0:
            self.values, self.cum = [0], [1.0]
            return
        if zero_share is None:
            values = list(range(top + 1))
            target, offset, zero = mean, 1, 0.0
        else:
            # The non-zero draws average at least 1, so a mean below 1 needs more zeros.
            zero = min(0.999, max(zero_share, 1 - mean))
            values = list(range(1, top + 1))
            target, offset = mean / (1 - zero), 0
        low, high = 0.0, 12.0
        weights = [1.0] * len(values)
        for _ in range(60):  # the mean falls as s rises: bisect
            s = (low + high) / 2
            weights = [1 / (k + offset) ** s for k in values]
            got = sum(k * w for k, w in zip(values, weights, strict=True)) / sum(weights)
            low, high = (s, high) if got > target else (low, s)
        if zero_share is not None:
            scale = (1 - zero) / sum(weights)
            values = [0, *values]
            weights = [zero, *(w * scale for w in weights)]
        self.values = values
        self.cum = list(accumulate(weights))

    def draw(self, rng: random.Random, k: int = 1) -> list[int]:
        return rng.choices(self.values, cum_weights=self.cum, k=k)

    def mean(self) -> float:
        total = self.cum[-1]
        previous = 0.0
        expected = 0.0
        for value, cumulative in zip(self.values, self.cum, strict=True):
            expected += value * (cumulative - previous) / total
            previous = cumulative
        return expected


def zipf_cum(n: int, s: float = 1.0) -> list[float]:
    """Cumulative weights of ranks 1..n under Zipf's law, for bisecting a uniform draw."""
    return list(accumulate(1 / (rank + 1) ** s for rank in range(n)))
