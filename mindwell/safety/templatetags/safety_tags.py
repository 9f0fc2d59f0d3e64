from __future__ import annotations

import re

from django import template

register = template.Library()

# A dialable run: digits with single spaces or hyphens between them, maybe a leading "+".
NUMBER = re.compile(r"\+?\d(?:[\d -]*\d)?")


@register.filter
def phone_parts(value: str) -> list[tuple[str, str]]:
    """Split a phone field into (text, tel target) pieces, so "112 or 999" links each number
    and leaves the words as words. The target is empty for plain text."""
    parts: list[tuple[str, str]] = []
    position = 0
    for match in NUMBER.finditer(value or ""):
        if match.start() > position:
            parts.append((value[position : match.start()], ""))
        number = match.group()
        parts.append((number, re.sub(r"[ -]", "", number)))
        position = match.end()
    if position < len(value or ""):
        parts.append((value[position:], ""))
    return parts
