"""Watched words: words and phrases that block a post, send it for approval, flag it for
review, or are censored with asterisks.

Matching is on whole words, ignoring case and accents ("cafe" matches "Café"); `*` stands
for any run of letters or digits ("spam*" matches "spammer", "*pill*" matches "pillbox"), and
the words of a phrase may be separated by any spaces or punctuation. Each action's patterns
are compiled into one regular expression, once per process per change of the list.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from mindwell.moderation.models import AuditAction, WatchedWord, WatchedWordAction
from mindwell.moderation.rules_cache import VersionedMemo

_LETTERS = r"[^\W_]"  # a letter or digit, in any script
_START = rf"(?<!{_LETTERS})"
_END = rf"(?!{_LETTERS})"


def fold(text: str) -> tuple[str, list[int] | None]:
    """Lower-case `text` without accents, with the index in `text` of each folded character
    (None when they are the same, the common all-ASCII case), so matches can be mapped back
    to the original for censoring."""
    if text.isascii():
        return text.lower(), None
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        ).casefold()
        chars.append(folded)
        origin.extend([index] * len(folded))
    return "".join(chars), origin


def clean_pattern(text: str) -> str:
    """The stored form of a pattern: trimmed, single-spaced, lower case. Raises ValueError."""
    pattern = " ".join(str(text).split()).lower()
    if not any(char.isalnum() for char in pattern):
        raise ValueError("A watched word needs at least one letter or digit.")
    if len(pattern) > 100:
        raise ValueError("A watched word or phrase can be at most 100 characters long.")
    return pattern


def pattern_regex(pattern: str) -> str:
    words = []
    for word in fold(pattern)[0].split():
        words.append(f"{_LETTERS}*".join(re.escape(part) for part in word.split("*")))
    return r"[\W_]+".join(words)


@dataclass(frozen=True)
class WatchList:
    """The compiled patterns of each action."""

    regexes: dict[str, re.Pattern[str]] = field(default_factory=dict)

    def find(self, action: str, text: str) -> list[str]:
        """The distinct words of `text` (as written) that `action`'s patterns match."""
        regex = self.regexes.get(action)
        if regex is None or not text:
            return []
        found: list[str] = []
        for start, end in self._spans(regex, text):
            word = text[start:end]
            if word.lower() not in (f.lower() for f in found):
                found.append(word)
        return found

    def censor(self, text: str) -> str:
        """`text` with every censored word replaced by as many asterisks as it has letters."""
        regex = self.regexes.get(WatchedWordAction.CENSOR)
        if regex is None or not text:
            return text
        pieces, last = [], 0
        for start, end in self._spans(regex, text):
            pieces += [text[last:start], "*" * (end - start)]
            last = end
        return "".join(pieces) + text[last:]

    @staticmethod
    def _spans(regex: re.Pattern[str], text: str) -> list[tuple[int, int]]:
        folded, origin = fold(text)
        spans = []
        for match in regex.finditer(folded):
            if match.end() == match.start():
                continue
            if origin is None:
                spans.append((match.start(), match.end()))
            else:
                spans.append((origin[match.start()], origin[match.end() - 1] + 1))
        return spans


def compile_watch_list(rows: list[tuple[str, str]]) -> WatchList:
    by_action: dict[str, list[str]] = {}
    for pattern, action in rows:
        if any(char.isalnum() for char in pattern):
            by_action.setdefault(action, []).append(pattern_regex(pattern))
    regexes = {}
    for action, alternatives in by_action.items():
        # Longest first, so "self harm" is censored whole rather than as "self".
        alternatives.sort(key=len, reverse=True)
        regexes[action] = re.compile(f"{_START}(?:{'|'.join(alternatives)}){_END}")
    return WatchList(regexes)


def _load() -> WatchList:
    return compile_watch_list(list(WatchedWord.objects.values_list("pattern", "action")))


_watch_list = VersionedMemo("watched-words", _load)


def current() -> WatchList:
    return _watch_list.get()


@receiver([post_save, post_delete], sender=WatchedWord)
def _words_changed(**kwargs: Any) -> None:
    _watch_list.invalidate()


@dataclass
class ImportSummary:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dry_run: bool = False

    def __str__(self) -> str:
        verb = "would be" if self.dry_run else "were"
        text = (
            f"{len(self.created)} added, {len(self.updated)} changed action, "
            f"{len(self.unchanged)} already there"
        )
        if self.errors:
            text += f"; {len(self.errors)} line(s) skipped"
        return f"Watched words {verb} imported: {text}."


def parse_import_line(line: str, default_action: str) -> tuple[str, str]:
    """`word`, `some phrase` or `word,action`. Raises ValueError."""
    pattern, action = line, default_action
    if "," in line:
        pattern, action = (part.strip() for part in line.rsplit(",", 1))
        action = action.lower()
        if action not in WatchedWordAction.values:
            raise ValueError(
                f"unknown action “{action}” (use {', '.join(WatchedWordAction.values)})"
            )
    return clean_pattern(pattern), action


def watched_words_import(
    *, text: str, default_action: str, dry_run: bool = False, actor: Any = None
) -> ImportSummary:
    """Add or update watched words from lines of `word[,action]`; blank lines and lines
    starting with # are skipped. With `dry_run`, report without changing anything."""
    from mindwell.moderation.services.audit import audit_write

    if default_action not in WatchedWordAction.values:
        raise ValueError(f"Unknown action “{default_action}”.")
    summary = ImportSummary(dry_run=dry_run)
    wanted: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            pattern, action = parse_import_line(line, default_action)
        except ValueError as error:
            summary.errors.append(f"line {number}: {error}")
            continue
        wanted[pattern] = action
    with transaction.atomic():
        existing = {w.pattern: w for w in WatchedWord.objects.filter(pattern__in=list(wanted))}
        new, changed = [], []
        for pattern, action in wanted.items():
            word = existing.get(pattern)
            if word is None:
                new.append(WatchedWord(pattern=pattern, action=action))
                summary.created.append(pattern)
            elif word.action != action:
                word.action = action
                changed.append(word)
                summary.updated.append(pattern)
            else:
                summary.unchanged.append(pattern)
        if dry_run or not (new or changed):
            return summary
        WatchedWord.objects.bulk_create(new)
        WatchedWord.objects.bulk_update(changed, ["action"])
        # Bulk writes send no signals, so the compiled lists are refreshed here.
        _watch_list.invalidate()
        audit_write(
            actor=actor,
            action=AuditAction.WATCHED_WORDS,
            reason=str(summary),
            detail={"added": summary.created[:200], "changed": summary.updated[:200]},
        )
    return summary
