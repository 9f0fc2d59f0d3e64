"""Reading a row id from text a visitor sent."""

from __future__ import annotations

from typing import Any

# Ids fit a signed 64-bit column; anything longer is not an id (and would overflow it).
MAX_DIGITS = 18


def parse_id(value: Any) -> int | None:
    """A positive id written in ASCII digits, or None. `str.isdigit` alone is not enough:
    it accepts "²" and other Unicode digits that `int()` refuses."""
    text = str(value or "").strip()
    if not text or len(text) > MAX_DIGITS or not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if number > 0 else None
