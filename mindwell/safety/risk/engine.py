"""The crisis risk assessor: transparent rules plus context, in pure Python (stdlib re).

How it works
------------
1. normalise() folds title and body into one canonical string: lower case, accents and
   curly quotes folded, HTML/Markdown/URLs stripped, light leetspeak ("k1ll") and chat
   spellings ("im", "wanna") expanded, single spaces, "\\n" kept as a hard break. Only the
   first 200,000 characters of a body (1,000 of a title) are assessed, so a 1 MB paste
   costs a few milliseconds; anything after the cut is not seen.
2. Each rule (lexicon_en*.py, lexicon_intl.py, cues.py) is a precompiled regex with a
   level, who the phrase is about (the writer, a named other, anyone), and the context tests
   ("guards") its matches must pass. prefilter.py works out, at import, literals each rule
   needs; one scan of the text finds them, and a rule runs only on sentences holding one.
3. Idioms ("died laughing", "my back is killing me", "could kill for a coffee") are blanked.
   A match inside a longer match is the longer rule's to judge ("thinking about killing
   myself" is ideation, "tried to kill myself" a past attempt), unless the longer one is
   about someone else.
4. Each match is checked in a bounded window (context.py): a negation reaching it ("I would
   never..."), the nearest subject (the writer, a named person, or generic "people"),
   fiction and games, a professional or academic frame, a question about a word or topic,
   advice or a suggested script, a hypothetical, a joke ("jk" cancels, "lol" lowers one
   level), a recovery story (for past events), a logistical goodbye, a relationship (for
   "end it"). Some rules need context elsewhere in the post ("he'll kill me" needs signs of
   abuse); some turn crisis with an escalator in the sentence ("constantly", "tonight",
   an attempt "last night").
5. Cues that are no risk alone add up (cues.combine): a plan, goodbye or thanks next to
   ideation, two goodbye cues, or a plan with resolve is a crisis; two hopelessness or
   burden cues are elevated.
6. Lexical fields (fields.py) catch what no phrase names: means, perilous places, the
   moment, readiness, ending acts, finality, preparations, distress, overdose told as an
   event, danger from others. situations.py judges each cue with the same context tests,
   then reads each window of three sentences as a whole ("means-and-moment": "pills +
   lined up + house to go quiet"); see its docstring. Once a phrase rule has found a
   crisis, cues are not combined: they could only add reasons.
7. The level is the highest accepted reason. Every reason names its rule and the
   normalised phrase, so a moderator can see why.

Known failure modes
-------------------
* It reads words, not meaning. The lexical fields widen what counts as circumstances, but
  they are still word lists: a situation told in words outside them (a new method, a
  metaphor, slang, heavy misspelling, sarcasm without a marker) is missed. Each fresh
  held-out round, written before the engine saw it, was caught far less often than the
  labelled sets suggest: round 5 23% of crises before the cue layer, round 6 (written after
  it, in new styles) 32% before its own fixes. See bench/risk_eval.py for the history.
* Cues combine within three sentences: a plan spread over a long post, or unrelated dark
  words that happen to sit together, can mislead it either way. Two preparations alone
  ("left notes for my flatmates, made sure someone feeds the cat") are not enough.
* Windows are sentence-sized: negation, fiction or quotation spread over several
  sentences (or quotes without quote marks) can mislead it either way.
* Idiom masks, "lol" lowering and the recovery frame can hide a real crisis.
* Who is speaking is guessed from the nearest pronoun or named person; odd grammar can
  make someone else's words the writer's, or the reverse.
* Spanish, French and German cover the explicit phrases, a few methods, passive wishes,
  self-harm and threats, with simple negation; everything else in them is missed.
* Text after the first 200,000 characters is not assessed; each rule and each field
  pattern keeps its first 20 matches only.
* A long post dense with cue words but no phrase-rule crisis is the slowest case (about
  5-10 ms per 10,000 characters): every cue is judged in its context.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from mindwell.safety.risk import context as ctx
from mindwell.safety.risk import (
    cues,
    lexicon_en,
    lexicon_en_ideation,
    lexicon_en_others,
    lexicon_intl,
)
from mindwell.safety.risk.document import WINDOW, Document
from mindwell.safety.risk.fields import PATTERNS as FIELD_PATTERNS
from mindwell.safety.risk.idioms import IDIOMS
from mindwell.safety.risk.model import Assessment, Reason, RiskLevel, downgrade
from mindwell.safety.risk.normalise import MAX_CHARS, MAX_TITLE_CHARS, normalise
from mindwell.safety.risk.prefilter import Prefilter, required_literals
from mindwell.safety.risk.rule import (
    CONDITIONAL,
    FIRST,
    GAME,
    JOKE,
    LOGISTICS,
    MEDIA,
    META,
    NEGATION,
    PROFESSIONAL,
    RECOVERY,
    RELATIONSHIP,
    REPORTED,
    THIRD,
    TOPIC,
    Rule,
)
from mindwell.safety.risk.situations import situations

logger = logging.getLogger(__name__)

RULES: tuple[Rule, ...] = (
    lexicon_en.RULES
    + lexicon_en_ideation.RULES
    + lexicon_en_others.RULES
    + lexicon_intl.RULES
    + cues.RULES
)
# The prefilter's view of the rules: literal -> the rules (by index) that need it. Index
# len(RULES) stands for the idiom mask, the indexes after it for the lexical fields
# (fields.py). A rule needing no literal runs everywhere.
_LITERALS = [required_literals(r.pattern.pattern) for r in RULES]
_LITERALS.append(required_literals(IDIOMS.pattern))
_LITERALS.extend(required_literals(p.pattern) for _, p in FIELD_PATTERNS)
_PREFILTER = Prefilter(_LITERALS)
_NEEDS: dict[str, list[int]] = {}
for _index, _required in enumerate(_LITERALS):
    for _literal in _required.literals if _required else ():
        _NEEDS.setdefault(_literal, []).append(_index)
_IDIOM_INDEX = len(RULES)
_FIELDS_INDEX = len(RULES) + 1
# For each literal the scan can report, every rule needing it or one of its prefixes.
_RULES_FOR = {
    word: tuple(sorted({i for p in _PREFILTER.prefixes(word) for i in _NEEDS.get(p, ())}))
    for word in _PREFILTER.words
}
_FIELD_RULES_FOR = {
    word: fields
    for word, indexes in _RULES_FOR.items()
    if (fields := tuple(i for i in indexes if i >= _FIELDS_INDEX))
}
# Accepted reasons that count as a dark sign about the writer in situations().
_DARK_RULES = cues.IDEATION | {"self-harm", "past-attempt", "past-ideation"}
MAX_MATCHES_PER_RULE = 20  # a post repeating one phrase 10,000 times needs only a few
MAX_REASONS = 12


@dataclass(frozen=True)
class _Hit:
    rule: Rule
    start: int
    end: int


def assess(text: str, *, title: str = "") -> Assessment:
    """Assess a post's body (and title) for crisis risk. Never raises: if the engine itself
    fails (a bug), the answer is elevated with an "assessor-error" reason, so a person looks
    at the post rather than it passing unchecked."""
    try:
        return _assess(text, title)
    except Exception:  # a bug here must not block posting; a person should look instead
        logger.exception("risk assessor failed")
        return Assessment(RiskLevel.ELEVATED, (Reason("assessor-error", "", RiskLevel.ELEVATED),))


def _assess(text: object, title: object, *, prefilter: bool = True) -> Assessment:
    """assess() without the safety net; prefilter=False scans every rule over the whole
    text (the tests check both give the same answers)."""
    body = normalise(_as_str(text), limit=MAX_CHARS)
    head = normalise(_as_str(title), limit=MAX_TITLE_CHARS)
    doc = Document(
        f"{head}\n{body}" if head else body,
        media_title=bool(head) and ctx.MEDIA_FRAME.search(head) is not None,
    )
    where: list[set[int] | None] = [None] * len(_LITERALS)
    found: list[tuple[str, int]] | None = None
    if prefilter:
        where, found = _sentences_per_rule(doc)
    doc.text = _mask_idioms(doc, where[_IDIOM_INDEX])
    accepted: list[tuple[_Hit, RiskLevel]] = []
    crises: set[tuple[str, str]] = set()
    pending = _candidates(doc, where)
    while pending:
        hit, inner = pending.pop(0)
        if not _person_ok(doc, hit):
            # The longer phrase was about someone else ("...wants to end it all" with
            # no third person named); the phrases inside it get their own hearing.
            pending[:0] = [(h, []) for h in inner]
            continue
        level = _evaluate(doc, hit)
        if level is None:
            continue
        accepted.append((hit, level))
        if level is RiskLevel.CRISIS:
            crises.add((hit.rule.rule, doc.text[hit.start : hit.end]))
            if len(crises) >= MAX_REASONS:
                break  # the answer cannot change and the reasons list is full
    # Cues (situations.py) can only add reasons: once a phrase rule has found a crisis,
    # they cannot change the answer, so they are not combined.
    fields = None
    if not crises:
        fields = where[_FIELDS_INDEX:] if found is None else _sentences_per_field(where, found)
    return _conclude(doc, accepted, fields)


def _sentences_per_rule(doc: Document) -> tuple[list[set[int] | None], list[tuple[str, int]]]:
    """For each rule and the idiom mask, the sentences holding a literal it requires (None
    for rules that require none); and every (literal, sentence) found, from which
    _sentences_per_field() fills in the lexical fields only if they are needed."""
    where: list[set[int] | None] = [None if lits is None else set() for lits in _LITERALS]
    seen: dict[tuple[str, int], None] = {}
    for pos, literal in _PREFILTER.occurrences(doc.text):
        key = (literal, doc.index(pos))
        if key in seen:
            continue
        seen[key] = None
        for index in _RULES_FOR[literal]:
            if index >= _FIELDS_INDEX:
                break  # indexes are sorted: the fields' come last
            target = where[index]
            if target is not None:
                target.add(key[1])
    return where, list(seen)


def _sentences_per_field(
    where: list[set[int] | None], found: list[tuple[str, int]]
) -> list[set[int] | None]:
    """The lexical fields' part of `where`, filled in from the literals found."""
    for literal, sentence in found:
        for index in _FIELD_RULES_FOR.get(literal, ()):
            target = where[index]
            if target is not None:
                target.add(sentence)
    return where[_FIELDS_INDEX:]


def _mask_idioms(doc: Document, sentences: set[int] | None) -> str:
    """Blank out idioms with spaces of the same length, so positions and sentences hold."""
    pieces: list[str] = []
    last = 0
    for lo, hi in doc.spans(sentences):
        for m in IDIOMS.finditer(doc.text, lo, hi):
            pieces += [doc.text[last : m.start()], " " * (m.end() - m.start())]
            last = m.end()
    if not pieces:
        return doc.text
    pieces.append(doc.text[last:])
    return "".join(pieces)


def _as_str(value: object) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("utf-8", "replace")
    return str(value)


def _candidates(doc: Document, where: list[set[int] | None]) -> list[tuple[_Hit, list[_Hit]]]:
    hits: list[_Hit] = []
    for r, sentences in zip(RULES, where, strict=False):
        if sentences is not None and not sentences:
            continue
        n = 0
        for lo, hi in doc.spans(sentences):
            for m in r.pattern.finditer(doc.text, lo, hi):
                if m.end() > m.start():
                    hits.append(_Hit(r, m.start(), m.end()))
                n += 1
                if n >= MAX_MATCHES_PER_RULE:
                    break
            if n >= MAX_MATCHES_PER_RULE:
                break
    # A match inside a longer match of another (non-cue) rule is the longer rule's to judge.
    # Sweep in text order, comparing only with kept matches still open at this point.
    strong = sorted((h for h in hits if not h.rule.tag), key=lambda h: (h.start, h.start - h.end))
    kept: list[tuple[_Hit, list[_Hit]]] = []
    open_: list[tuple[_Hit, list[_Hit]]] = []
    for h in strong:
        open_ = [k for k in open_ if k[0].end > h.start]
        container = next(
            (
                k
                for k in open_
                if k[0].start <= h.start
                and h.end <= k[0].end
                and (k[0].start, k[0].end) != (h.start, h.end)
            ),
            None,
        )
        if container is None:
            kept.append((h, []))
            open_.append(kept[-1])
        else:
            container[1].append(h)
    # Strongest rules first, so a post full of crisis phrases stops early (see _assess).
    kept.sort(key=lambda k: -k[0].rule.level.rank)
    return kept + [(h, []) for h in hits if h.rule.tag]


def _evaluate(doc: Document, hit: _Hit) -> RiskLevel | None:
    """The level this match stands for after its context tests, or None if it is cancelled."""
    r, guards = hit.rule, hit.rule.guards
    i = doc.index(hit.start)
    before = _before(doc, hit)
    sentence = doc.text[max(doc.starts[i], hit.start - WINDOW) : min(doc.ends[i], hit.end + WINDOW)]
    clause = ctx.clause_before(before)
    if NEGATION in guards and ctx.is_negated(clause):
        return None
    if GAME in guards and ctx.GAME_FRAME.search(sentence):
        return None
    # Fiction cancels what is said about others, and quoted words ("the lyrics 'I want to
    # die'"), but not the writer's own words next to it ("the show made me want to die").
    if (
        MEDIA in guards
        and (r.person in (THIRD, REPORTED) or ctx.inside_quotes(before))
        and (doc.media_title or ctx.MEDIA_FRAME.search(doc.window(i, hit.start, 1, 1)))
    ):
        return None
    if PROFESSIONAL in guards and ctx.PROFESSIONAL_FRAME.search(doc.window(i, hit.start, 1, 1)):
        return None
    if META in guards and ctx.META_FRAME.search(sentence):
        return None
    if TOPIC in guards and (
        (ctx.is_question(sentence) and not ctx.FIRST_PERSON.search(sentence))
        or (ctx.ADVICE_LEAD.search(clause) and not ctx.FIRST_PERSON.search(clause))
    ):
        return None
    if ctx.inside_quotes(before) and ctx.SCRIPT.search(before):
        return None
    # A recovery story cancels a past event, unless this sentence says it is happening again.
    if (
        RECOVERY in guards
        and ctx.RECOVERY.search(doc.window(i, hit.start, 2, 2))
        and not ctx.CURRENT.search(sentence)
    ):
        return None
    if LOGISTICS in guards and doc.has(ctx.LOGISTICS):
        return None
    if RELATIONSHIP in guards and ctx.RELATIONSHIP.search(doc.window(i, hit.start, 1, 0)):
        return None
    if r.requires is not None and not doc.has(r.requires):
        return None
    level = r.level
    if r.escalate is not None and level.rank and r.escalate.search(sentence):
        level = RiskLevel.CRISIS
    if CONDITIONAL in guards and (
        ctx.CONDITIONAL.search(clause) or ctx.HYPOTHETICAL.search(before)
    ):
        if r.person in (THIRD, REPORTED):
            return None
        level = downgrade(level)
    if JOKE in guards and r.person not in (THIRD, REPORTED):
        if ctx.is_joke(sentence):
            return None
        if ctx.LAUGH.search(sentence):
            level = downgrade(level)
    return level


def _before(doc: Document, hit: _Hit) -> str:
    """The sentence up to the match (at most WINDOW characters of it)."""
    return doc.text[max(doc.starts[doc.index(hit.start)], hit.start - WINDOW) : hit.start]


def _person_ok(doc: Document, hit: _Hit) -> bool:
    """Whether the phrase is about the kind of person its rule is about."""
    person = hit.rule.person
    if person not in (FIRST, THIRD, REPORTED):
        return True
    before = _before(doc, hit)
    who = ctx.subject(ctx.clause_before(before)) or ctx.subject(before)
    if person == FIRST:
        return who in (None, "first")
    if person == THIRD:
        return who == "other"
    return who != "generic"


def _conclude(
    doc: Document,
    accepted: list[tuple[_Hit, RiskLevel]],
    fields: list[set[int] | None] | None,
) -> Assessment:
    reasons: list[tuple[int, Reason]] = []
    found: dict[str, dict[str, int]] = {}
    ideation = False
    dark: list[tuple[int, str]] = []  # the writer's ideation, for situations()
    for hit, level in accepted:
        phrase = doc.text[hit.start : hit.end].strip()[:120]
        if hit.rule.tag:
            found.setdefault(hit.rule.tag, {}).setdefault(phrase, hit.start)
            continue
        if level.rank:
            reasons.append((hit.start, Reason(hit.rule.rule, phrase, level)))
            ideation = ideation or hit.rule.rule in cues.IDEATION
            if hit.rule.rule in _DARK_RULES:
                dark.append((hit.start, phrase))
    reasons.extend(cues.combine(found, ideation))
    if fields is not None:
        reasons.extend(situations(doc, fields, dark))
    reasons.sort(key=lambda pr: (-pr[1].level.rank, pr[0]))
    unique: list[Reason] = []
    for _, reason in reasons:
        if reason not in unique:
            unique.append(reason)
    unique = unique[:MAX_REASONS]
    level = max((r.level for r in unique), key=lambda lv: lv.rank, default=RiskLevel.NONE)
    return Assessment(level, tuple(unique))
