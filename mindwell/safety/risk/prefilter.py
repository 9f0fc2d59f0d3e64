"""A literal prefilter, so most rules never scan most of a long post.

Python's regex engine tries a pattern at every position of the text, so ~100 rules over
10,000 characters cost ~20 ms. But every match of a rule contains at least one of a few
literal strings ("kill my self" needs "kill"; "(?:want|need) to die" needs "want" or
"need"). required_literals() works those out from the parsed pattern, once, at import. At
assessment time one scan finds which of those literals occur in which sentences, and each
rule runs only over the sentences holding one of its literals.

The extraction is conservative: anything it cannot reason about (a character class, a
repetition that may be empty) contributes nothing, and a rule with no required literal
simply runs over the whole text. So the prefilter can make the engine faster, never blind.
It reads the pattern with the standard library's own regex parser (re._parser); if that
ever changes shape, every rule falls back to a full scan.
"""

from __future__ import annotations

import importlib
import re
from typing import Any, NamedTuple

try:  # the stdlib parser re.compile itself uses; private, hence the fallback
    _parser: Any = importlib.import_module("re._parser")
    _const: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - future Pythons
    _parser = _const = None

Literals = frozenset[str]


class Required(NamedTuple):
    """Literals at least one of which occurs in every match, and whether each occurrence is
    known to start a word. Those are looked for only where a word starts, which is three
    times cheaper than at every position."""

    literals: Literals
    at_edge: bool


def required_literals(pattern: str) -> Required | None:
    """What every match of `pattern` must contain, or None if nothing useful is known."""
    if _parser is None:
        return None
    try:
        found = _sequence(list(_parser.parse(pattern)), edge=False)
    except Exception:  # any surprise in the parser's internals: no prefilter for this rule
        return None
    if found is None or _length(found[0]) < _MIN_LENGTH:
        return None
    literals, at_edge = found
    if at_edge:
        # An edge literal that starts with spaces or punctuation (" my self", "'ll do it")
        # still occurs without them, and then starts a word: scan word starts only.
        literals = {_LEADING.sub("", s) for s in literals}
        if not all(literals) or _length(literals) < _MIN_LENGTH:
            return None
    return Required(frozenset(literals), at_edge)


_MAX_EXACT = 64
_MIN_LENGTH = 3  # shorter literals occur everywhere and filter nothing
_WORD = re.compile(r"\w")
_LEADING = re.compile(r"^\W+")
Option = tuple[set[str], bool]


def _sequence(items: list[Any], edge: bool) -> Option | None:
    """Best required set among the parts of a sequence (each part must match). Runs of
    parts that match only a few exact strings ("kill(?:ing)? my ?self") are multiplied out
    into those strings, which are longer and so more selective than any single part.
    `edge` says whether the sequence is known to start at a word edge."""
    options: list[Option] = []
    run: set[str] = {""}
    run_edge = edge

    def flush() -> None:
        if "" not in run:
            options.append((run, run_edge or all(not _WORD.match(s[0]) for s in run)))

    for op, av in items:
        exact = _exact(op, av)
        if exact is not None and len(run) * len(exact) <= _MAX_EXACT:
            if run == {""}:
                run_edge = edge  # the run starts here
            run = {a + b for a in run for b in exact}
            edge = _edge_after(op, av, exact, edge)
            continue
        flush()
        run, run_edge = {""}, edge
        if exact is not None:  # too many combinations: start a new run with this part
            run = exact
            edge = _edge_after(op, av, exact, edge)
            continue
        part = _item(op, av, edge)
        if part:
            options.append(part)
        edge = False
    flush()
    if not options:
        return None
    return max(options, key=_score)


def _edge_after(op: Any, av: Any, exact: set[str], edge: bool) -> bool:
    """Whether the position after an exactly-known part is a word edge."""
    if op is _const.AT:
        if av in (_const.AT_BOUNDARY, _const.AT_BEGINNING, _const.AT_BEGINNING_STRING):
            return True
        return edge
    return all((not _WORD.match(s[-1])) if s else edge for s in exact)


def _exact(op: Any, av: Any) -> set[str] | None:
    """The few strings a part can match, if it can match only a few; else None."""
    if op is _const.LITERAL:
        return {chr(av)}
    if op in (_const.AT, _const.ASSERT, _const.ASSERT_NOT):
        return {""}  # zero-width: adds nothing to the matched text
    if op is _const.SUBPATTERN:
        return _exact_sequence(list(av[3]))
    if op is _const.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            part = _exact_sequence(list(alternative))
            if part is None:
                return None
            union |= part
        return union if len(union) <= _MAX_EXACT else None
    if op in (_const.MAX_REPEAT, _const.MIN_REPEAT, _const.POSSESSIVE_REPEAT):
        low, high, inner = av
        if low == 0 and high == 1:
            part = _exact_sequence(list(inner))
            return None if part is None else part | {""}
    return None


def _exact_sequence(items: list[Any]) -> set[str] | None:
    out: set[str] = {""}
    for op, av in items:
        part = _exact(op, av)
        if part is None or len(out) * len(part) > _MAX_EXACT:
            return None
        out = {a + b for a in out for b in part}
    return out


def _item(op: Any, av: Any, edge: bool) -> Option | None:
    if op is _const.SUBPATTERN:
        return _sequence(list(av[3]), edge)
    if op is _const.ATOMIC_GROUP:
        return _sequence(list(av), edge)
    if op is _const.BRANCH:
        union: set[str] = set()
        all_edge = True
        for alternative in av[1]:
            part = _sequence(list(alternative), edge)
            if not part:
                return None  # an alternative without a literal: the branch guarantees none
            union |= part[0]
            all_edge = all_edge and part[1]
        return union, all_edge
    if op in (_const.MAX_REPEAT, _const.MIN_REPEAT, _const.POSSESSIVE_REPEAT):
        low, _high, inner = av
        return _sequence(list(inner), edge) if low >= 1 else None
    return None  # classes and the like: no literal guaranteed


def _length(options: set[str]) -> int:
    return min(len(s.strip()) for s in options)


def _score(option: Option) -> tuple[bool, bool, int, int]:
    # Long enough to filter, then cheap to find (at word edges), then long, then few.
    literals, edge = option
    length = _length(literals)
    return (length >= _MIN_LENGTH, edge, length, -len(literals))


def trie_pattern(words: set[str] | frozenset[str]) -> str:
    """A regex matching any of `words`, written as a trie so the engine's fast path for a
    literal first character skips most alternatives at each position."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return ("(?:" + body + ")?") if len(alts) == 1 else body + "?"
        return body

    return build(trie)


class Prefilter:
    """Finds, in one pass, which required literals occur where."""

    def __init__(self, required: list[Required | None]) -> None:
        anywhere: set[str] = set()
        edges: set[str] = set()
        for found in required:
            if found is not None:
                (edges if found.at_edge else anywhere).update(found.literals)
        edges -= anywhere
        # Overlapping search: a zero-width look-ahead captures the longest literal starting
        # at each position tried; the shorter literals it begins with are credited too
        # (_prefixes), so no literal hides inside another. Edge literals are tried only
        # where a word starts.
        self._scans = [
            re.compile(guard + "(?=(" + trie_pattern(words) + "))")
            for guard, words in ((r"(?<!\w)", edges), ("", anywhere))
            if words
        ]
        every = edges | anywhere
        self._prefixes = {
            w: tuple(w[:k] for k in range(1, len(w) + 1) if w[:k] in every) for w in every
        }
        self.words = frozenset(every)

    def occurrences(self, text: str) -> list[tuple[int, str]]:
        """(position, literal) for the longest literal starting at each position found.
        Use prefixes(literal) for the shorter literals that occur there too."""
        return [(m.start(), m.group(1)) for scan in self._scans for m in scan.finditer(text)]

    def prefixes(self, literal: str) -> tuple[str, ...]:
        return self._prefixes[literal]
