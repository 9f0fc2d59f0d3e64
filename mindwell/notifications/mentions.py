"""@mentions: `@username` in a post's Markdown source names a member.

Only prose counts: the source is parsed as Markdown and code spans, code blocks and raw
HTML are skipped, so "@decorator" in a code sample mentions nobody. An address such as
name@example.org is not a mention either (the @ must not follow a word character).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q
from markdown_it import MarkdownIt

from mindwell.notifications.permissions import MAX_MENTIONS_PER_POST

# Usernames are Django's: letters, digits and @ . + - _; a mention ends before trailing
# punctuation ("thanks @sam." names sam).
_MENTION = re.compile(r"(?<![\w@.+-])@(\w[\w.+-]{0,149})")
_TRAILING = ".+-"
_PROSE = {"text", "softbreak", "hardbreak"}


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark")


def _prose(source: str) -> list[str]:
    """The runs of plain text in the Markdown source, code and HTML left out."""
    runs: list[str] = []
    for block in _parser().parse(source):
        if block.type != "inline" or not block.children:
            continue
        current: list[str] = []
        for child in block.children:
            if child.type in _PROSE:
                current.append("\n" if child.type != "text" else child.content)
            else:
                runs.append("".join(current))
                current = []
        runs.append("".join(current))
    return [run for run in runs if "@" in run]


def mentioned_names(source: str, *, limit: int = MAX_MENTIONS_PER_POST) -> list[str]:
    """The distinct usernames mentioned in `source` (case kept as written), first ones
    first, at most `limit`."""
    names: dict[str, str] = {}
    for run in _prose(source):
        for match in _MENTION.finditer(run):
            name = match.group(1).rstrip(_TRAILING)
            if name and name.lower() not in names:
                names[name.lower()] = name
                if len(names) >= limit:
                    return list(names.values())
    return list(names.values())


def mentioned_user_ids(source: str) -> list[int]:
    """The active members `source` mentions, in the order first mentioned (one query)."""
    names = mentioned_names(source)
    if not names:
        return []
    condition = Q()
    for name in names:
        condition |= Q(username__iexact=name)
    found: dict[str, Any] = {
        username.lower(): pk
        for pk, username in get_user_model()
        .objects.filter(condition, is_active=True, blocked_at__isnull=True)
        .values_list("pk", "username")
    }
    return [found[name.lower()] for name in names if name.lower() in found]
