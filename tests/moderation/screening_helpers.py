"""Helpers for the screening tests: answering the check question as a person would."""

from __future__ import annotations

import html as html_lib
import re

from mindwell.moderation.captcha import NUMBER_WORDS

QUESTION = re.compile(r"What is (\w+) (plus|minus) (\w+)\?")
TOKEN = re.compile(r'name="captcha_1" value="([^"]+)"')


def text(response) -> str:
    return html_lib.unescape(response.content.decode())


def solve(question: str) -> int:
    match = QUESTION.search(question)
    assert match, f"no check question in {question[:200]!r}"
    a, op, b = match.groups()
    x, y = NUMBER_WORDS.index(a), NUMBER_WORDS.index(b)
    return x + y if op == "plus" else x - y


def captcha_answer(page: str, *, right: bool = True) -> dict[str, str]:
    """The captcha fields of the first check question on `page`, answered."""
    token = TOKEN.search(page)
    assert token, "no captcha token on the page"
    answer = solve(page)
    return {"captcha_0": str(answer if right else answer + 1), "captcha_1": token.group(1)}
