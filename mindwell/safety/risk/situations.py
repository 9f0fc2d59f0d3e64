"""Situations: lexical fields (fields.py) that meet in a few sentences and together
describe a crisis nobody named.

Each field match ("cue") is first judged in its context, with the same tests the phrase
rules use (context.py): a negation reaching it, a joke, a game, a professional, academic or
news frame, fiction about someone else, a question about a topic, a recovery story, a
holiday or move (for goodbyes and preparations), a leisure outing (for places). A cue that
survives is the writer's unless its nearest subject is someone else (or generic people).

Then every window of three consecutive sentences is read as a whole. For the writer:

* means-and-moment: a means or a perilous place, plus something the writer is doing or
  feeling about it (ready, an act, finality, distress...), plus the moment or a second such
  sign: "the pills are lined up on my desk. all of them. waiting for the house to go quiet".
* act-and-moment: an ending act ("walking into the sea", "stop existing") with the
  moment, a means or place, or another dark sign.
* farewell-preparation: finality ("when you read this", "where i'm going") with anything
  else dark, or two preparations (letters, pets provided for, things given away) with
  another sign, or three preparations.
* overdose-event: a large or indiscriminate amount taken ("swallowed whatever was in the
  cabinet"); self-harm-severe: self-harm with severe bleeding.
* Elevated: passive wishes not to exist, an ending act thought of alone, self-harm with a
  motive or instrument, a death wished for with relief, two distress cues.

About others: a weapon or threat with present danger, a child or an injury; sexual abuse
of a child; violence to a child with injuries; someone else's ending act with the moment,
a child or no answer. Violence alone is elevated. A cue lowered by "if" or "lol" lowers the
level of what it joins. Every reason names its rule and the phrases it combined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mindwell.safety.risk import context as ctx
from mindwell.safety.risk.document import WINDOW, Document
from mindwell.safety.risk.fields import CONCRETE, CORE, DARK, OTHERS, PATTERNS
from mindwell.safety.risk.model import Reason, RiskLevel, downgrade

CRISIS, ELEVATED = RiskLevel.CRISIS, RiskLevel.ELEVATED
MAX_CUES_PER_PATTERN = 20
MAX_REASONS = 12
SPAN = 1  # sentences either side of a cue's sentence read together

NEWS = re.compile(
    r"\b(?:news|headlines?|reported|article|journalist|according to|police said|inquest|"
    r"coroner|documentary|newspaper|bbc|cnn)\b"
)
OUTING = re.compile(
    r"\b(?:camping|retreat|festival|concert|wedding|honeymoon|cruise|road trip|packing|"
    r"packed|exams?|semester|term)\b"
)
LEISURE = re.compile(
    r"\b(?:watching|view|views|sunset|sunrise|fireworks|photos?|pictures?|selfies?|picnic|"
    r"lunch|hik(?:e|ing)|walk(?:ing)? the dog|tourists?|sightseeing|fishing|with (?:my )?"
    r"(?:friends|family|kids|partner|mates|girlfriend|boyfriend|wife|husband|daughter|son)|"
    r"date|train(?:ing)? for|commut\w+|work|shift|job|concert)\b"
)
_PRESENT = re.compile(r"(?:i'm|i am|im|standing|sitting|perched|waiting|lying|parked|here)\b")
# Fields that a holiday, a move or an outing explains away.
ERRANDS = frozenset({"final", "prep", "farewell"})


@dataclass(frozen=True)
class Cue:
    field: str
    start: int
    end: int
    phrase: str
    sentence: int
    who: str  # "self" or "other"
    weak: bool  # under "if" or next to "lol": lowers what it joins


def situations(
    doc: Document,
    where: list[set[int] | None],
    ideation: list[tuple[int, str]],
    room: int = MAX_REASONS,
) -> list[tuple[int, Reason]]:
    """Reasons from combined cues. `where` gives, per fields.PATTERNS entry, the sentences
    worth scanning (None: all); `ideation` the positions and phrases of accepted ideation
    or self-harm reasons, which count as a dark sign about the writer. Stops once `room`
    crisis reasons are found: the answer cannot change then."""
    raw: dict[int, list[tuple[str, int, int]]] = {}
    # Core fields first; the others only count next to one, so they are looked for only
    # in the sentences around a core cue.
    for pos, phrase in ideation:
        raw.setdefault(doc.index(pos), []).append(("ideation", pos, pos + len(phrase)))
    near: set[int] = set()
    for core in (True, False):
        for (field, pattern), sentences in zip(PATTERNS, where, strict=False):
            if (field in CORE) != core:
                continue
            if not core:
                sentences = near if sentences is None else sentences & near
            if sentences is not None and not sentences:
                continue
            n = 0
            for lo, hi in doc.spans(sentences):
                for m in pattern.finditer(doc.text, lo, hi):
                    raw.setdefault(doc.index(m.start()), []).append((field, m.start(), m.end()))
                    n += 1
                    if n >= MAX_CUES_PER_PATTERN:
                        break
                if n >= MAX_CUES_PER_PATTERN:
                    break
        near = {s + d for s in raw for d in range(-2 * SPAN, 2 * SPAN + 1)}
    frames = _Frames(doc)
    judged: dict[int, list[Cue]] = {}  # per sentence, judged when a window first needs it
    out: dict[tuple[str, str], tuple[int, Reason]] = {}
    crises = 0
    for centre in sorted({s + d for s in raw for d in range(-SPAN, SPAN + 1)}):
        if not _could_combine(doc, raw, centre):
            continue  # judging is the costly part: skip windows that cannot add up
        window: list[Cue] = []
        for s in range(centre - SPAN, centre + SPAN + 1):
            if s in raw and s not in judged:
                found = (judge(doc, f, lo, hi, frames) for f, lo, hi in raw[s])
                judged[s] = [c for c in found if c is not None]
            window.extend(judged.get(s, ()))
        for pos, reason in combine(window):
            if (reason.rule, reason.phrase) not in out:
                out[(reason.rule, reason.phrase)] = (pos, reason)
                crises += reason.level is CRISIS
        if crises >= room:
            break
    return list(out.values())


# Fields that say something alone (at least elevated), and pairs that do together.
_ALONE = frozenset({"act", "exist", "burden", "ingest", "threat", "sexual", "harm", "neglect"})
_PAIRS = (
    ({"selfharm"}, {"severe", "motive"}),
    ({"deathwish"}, {"relief"}),
    ({"weapon"}, {"danger", "harm", "child", "injury", "threat"}),
    ({"means", "ready", "final", "farewell", "prep"}, {"unreach"}),
)


def _could_combine(doc: Document, raw: dict[int, list[tuple[str, int, int]]], centre: int) -> bool:
    """Whether the window's cues could say anything if every context test passed them,
    whoever they are about: a cheap superset of what _mine() and _theirs() look for."""
    fields: set[str] = set()
    phrases: dict[str, set[str]] = {}
    for s in range(centre - SPAN, centre + SPAN + 1):
        for f, lo, hi in raw.get(s, ()):
            fields.add(f)
            if f in ("final", "prep", "distress"):
                phrases.setdefault(f, set()).add(doc.text[lo:hi])
    if fields & _ALONE or (fields & CONCRETE and fields & DARK):
        return True
    if "final" in fields and len(fields) >= 2:
        return True
    if any(len(p) >= 2 for p in phrases.values()):
        return True
    return any(fields & a and fields & b for a, b in _PAIRS)


class _Frames:
    """The context tests, each run at most once per sentence however many cues the
    sentence holds; a test over neighbouring sentences combines their results."""

    _TESTS = {
        "game": ctx.GAME_FRAME,
        "meta": ctx.META_FRAME,
        "professional": ctx.PROFESSIONAL_FRAME,
        "recovery": ctx.RECOVERY,
        "current": ctx.CURRENT,
        "logistics": ctx.LOGISTICS,
        "outing": OUTING,
        "media": ctx.MEDIA_FRAME,
        "news": NEWS,
        "leisure": LEISURE,
        "laugh": ctx.LAUGH,
    }

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._cache: dict[tuple[str, int], bool] = {}

    def _one(self, name: str, i: int) -> bool:
        key = (name, i)
        found = self._cache.get(key)
        if found is None:
            doc = self.doc
            if not 0 <= i < len(doc.starts):
                return False
            sentence = doc.text[doc.starts[i] : doc.ends[i]]
            if name == "question":
                found = ctx.is_question(sentence)
            elif name == "first":
                found = ctx.FIRST_PERSON.search(sentence) is not None
            elif name == "joke":
                found = ctx.is_joke(sentence)
            else:
                found = self._TESTS[name].search(sentence) is not None
            self._cache[key] = found
        return found

    def _near(self, name: str, i: int, span: int) -> bool:
        return any(self._one(name, j) for j in range(i - span, i + span + 1))

    def cancels(self, i: int) -> bool:
        """A joke, a game, a word's meaning, a topic question, a professional frame or a
        recovery story (not happening again now). Cached per sentence."""
        key = ("cancels", i)
        found = self._cache.get(key)
        if found is None:
            found = (
                self._one("joke", i)
                or self._one("game", i)
                or self._one("meta", i)
                # A question about a topic; "...? asking because I took them" is not one.
                or (self._one("question", i) and not self._near("first", i, 1))
                or self._near("professional", i, 1)
                or (self._near("recovery", i, 2) and not self._one("current", i))
            )
            self._cache[key] = found
        return found

    def errand(self, i: int) -> bool:
        return self._near("logistics", i, 1) or self._near("outing", i, 1)

    def framed(self, i: int) -> bool:
        return self.doc.media_title or self._near("media", i, 1) or self._near("news", i, 1)

    def leisure(self, i: int) -> bool:
        return self._one("leisure", i)

    def laugh(self, i: int) -> bool:
        return self._one("laugh", i)


def judge(doc: Document, field: str, start: int, end: int, frames: _Frames) -> Cue | None:
    """The cue at `start` after its context tests, or None if its context cancels it."""
    phrase = doc.text[start:end].strip()
    i = doc.index(start)
    before = doc.text[max(doc.starts[i], start - WINDOW) : start]
    clause = ctx.clause_before(before)
    if field != "final" and ctx.is_negated(clause):
        return None
    if frames.cancels(i):
        return None
    if ctx.inside_quotes(before) and ctx.SCRIPT.search(before):
        return None
    if field in ERRANDS and frames.errand(i):
        return None
    if field in ("place", "peril") and frames.leisure(i):
        return None
    if field in OTHERS or field == "child":
        who = "other"
    elif field == "burden":
        who = "self"
    else:
        subject = "first" if ctx.FIRST_PERSON.search(phrase) else _subject(clause)
        subject = subject or _subject(before)  # the subject of an earlier clause carries on
        if subject == "generic":
            return None  # people in general: a topic
        who = "other" if subject == "other" else "self"
    if (who == "other" or ctx.inside_quotes(before)) and frames.framed(i):
        return None
    weak = bool(
        ctx.CONDITIONAL.search(clause) or ctx.HYPOTHETICAL.search(before) or frames.laugh(i)
    )
    if weak and who == "other":
        return None
    return Cue(field, start, end, phrase, i, who, weak)


# A person named after one of these is an object ("gave it to my brother"), not a subject.
_OBJECT_LEAD = re.compile(
    r"\b(?:to|for|with|at|from|of|about|by|on|into|like|than|and|tell|told|asked|texted|"
    r"called|love|miss|left|leave|gave|give|see|saw|visit|hug) $"
)


def _subject(clause: str) -> str | None:
    """The writer ("first"), someone else, people in general, or None (the writer, left
    implicit: "took 30 of my tablets"): the nearest subject in the clause before a cue."""
    best: tuple[int, str] | None = None
    for m in ctx.OTHER_PERSON.finditer(clause):
        if not _OBJECT_LEAD.search(clause[max(0, m.start() - 8) : m.start()]):
            kind = "generic" if ctx.GENERIC.fullmatch(m.group(0)) else "other"
            best = (m.end(), kind)
    for m in ctx.FIRST_PERSON.finditer(clause):
        if m.group(0) not in ("me", "myself", "moi", "mich", "mir") and (
            best is None or m.end() > best[0]
        ):
            best = (m.end(), "first")
    return best[1] if best else None


def combine(window: list[Cue]) -> list[tuple[int, Reason]]:
    """What the cues of one window of sentences say together."""
    cues: list[Cue] = []
    for cue in sorted(window, key=lambda c: (c.start, c.start - c.end)):
        # One phrase, one sign: "goodbye letter" is not also a bare "goodbye".
        if cues and cue.start < cues[-1].end and {cue.field, cues[-1].field} <= DARK:
            continue
        cues.append(cue)
    out: list[tuple[int, Reason]] = []
    for name, level, used in _mine(cues) + _theirs(cues):
        if any(c.weak for c in used):
            level = downgrade(level)
        if level.rank:
            phrase = " + ".join(dict.fromkeys(c.phrase for c in used))[:120]
            out.append((min(c.start for c in used), Reason(name, phrase, level)))
    return out


Finding = tuple[str, RiskLevel, list[Cue]]


def _first(cues: list[Cue], fields: frozenset[str] | set[str]) -> list[Cue]:
    """One cue per field among `fields`, in text order."""
    seen: dict[str, Cue] = {}
    for c in sorted(cues, key=lambda c: c.start):
        if c.field in fields and c.field not in seen:
            seen[c.field] = c
    return list(seen.values())


def _mine(window: list[Cue]) -> list[Finding]:
    own = [c for c in window if c.who == "self"]
    fields = {c.field for c in own}
    if any(c.field == "place" and _PRESENT.match(c.phrase) for c in own):
        fields.add("time")  # "standing on the bridge": here and now
    dark = fields & DARK
    out: list[Finding] = []
    if fields & CONCRETE and dark and ("time" in fields or len(dark) >= 2):
        out.append(("means-and-moment", CRISIS, _first(own, CONCRETE | DARK | {"time"})))
    others = (fields & (CONCRETE | DARK | {"time"})) - {"act", "doit", "ideation"}
    if "act" in fields and others:
        out.append(("act-and-moment", CRISIS, _first(own, {"act"} | others)))
    finals = {c.phrase for c in own if c.field == "final"}
    preps = {c.phrase for c in own if c.field == "prep"}
    context = fields & (CONCRETE | DARK | {"time"})
    if (
        (finals and (len(finals) >= 2 or context - {"final"}))
        or (len(preps) >= 2 and context - {"prep", "ready", "doit"})
        or len(preps) >= 3
    ):
        used = [c for c in own if c.field in ("final", "prep")]
        out.append(
            ("farewell-preparation", CRISIS, used + _first(own, context - {"final", "prep"}))
        )
    if "ingest" in fields:
        out.append(("overdose-event", CRISIS, _first(own, {"ingest", "symptom", "time"})))
    if "selfharm" in fields and "severe" in fields:
        out.append(("self-harm-severe", CRISIS, _first(own, {"selfharm", "severe"})))
    if "selfharm" in fields and "motive" in fields:
        out.append(("self-harm", ELEVATED, _first(own, {"selfharm", "motive"})))
    if "exist" in fields:
        out.append(("passive-ideation", ELEVATED, _first(own, {"exist"})))
    if "burden" in fields:
        out.append(("burden", ELEVATED, _first(own, {"burden"})))
    if "act" in fields:
        out.append(("method-thought", ELEVATED, _first(own, {"act"})))
    if "deathwish" in fields and "relief" in fields:
        out.append(("death-wish", ELEVATED, _first(own, {"deathwish", "relief"})))
    if len({c.phrase for c in own if c.field == "distress"}) >= 2:
        out.append(("hopelessness", ELEVATED, [c for c in own if c.field == "distress"]))
    return out


def _theirs(window: list[Cue]) -> list[Finding]:
    theirs = [c for c in window if c.who == "other"]
    fields = {c.field for c in theirs}
    out: list[Finding] = []
    armed = fields & {"weapon", "threat"}
    if (
        (armed and (fields & {"danger", "harm", "child", "injury"} or len(armed) == 2))
        or (fields & {"sexual", "neglect"} and "child" in fields)
        or ("harm" in fields and fields & {"danger"})
        or ("harm" in fields and "child" in fields and "injury" in fields)
    ):
        keys = {"weapon", "threat", "sexual", "harm", "neglect", "danger", "child", "injury"}
        out.append(("danger-from-others", CRISIS, _first(theirs, keys)))
    elif fields & {"threat", "sexual", "harm", "neglect"}:
        keys = {"threat", "sexual", "harm", "neglect"}
        out.append(("danger-from-others", ELEVATED, _first(theirs, keys)))
    signs = fields & {"means", "ready", "final", "farewell", "prep"}
    preps = {c.phrase for c in theirs if c.field == "prep"}
    if "act" in fields:
        urgent = fields & {"time", "unreach", "child", "means", "place", "final", "ready"}
        level = CRISIS if urgent else ELEVATED
        out.append(("third-person-danger", level, _first(theirs, {"act"} | urgent)))
    elif (signs and "unreach" in fields) or (
        len(preps) >= 2 and fields & {"farewell", "final", "time", "means"}
    ):
        keys = signs | {"unreach", "time"}
        out.append(("third-person-danger", CRISIS, _first(theirs, keys)))
    if "exist" in fields:
        out.append(("third-person-ideation", ELEVATED, _first(theirs, {"exist"})))
    return out
