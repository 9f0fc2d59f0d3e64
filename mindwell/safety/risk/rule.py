"""What a rule is: a precompiled pattern plus the context tests its matches must pass."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mindwell.safety.risk.model import RiskLevel

# Who the phrase is about. SELF: the phrase itself says it is the writer ("kill myself").
# FIRST: the writer unless the nearest subject before it is someone else ("want to die").
# THIRD: someone else, who must be named before it ("she's going to jump").
# REPORTED: anyone but a generic subject ("people who want to kill themselves" is a topic).
# ANY: the phrase says who it is about ("threatened to kill me").
SELF, FIRST, THIRD, REPORTED, ANY = "self", "first", "third", "reported", "any"

# Guards: the context tests (context.py) that can cancel or lower a match.
NEGATION = "negation"  # "I would never kill myself"
MEDIA = "media"  # fiction, songs, games: cancels third-person and quoted first-person
GAME = "game"  # "I'll kill myself to respawn at the checkpoint"
PROFESSIONAL = "professional"  # "as a counsellor", "the paper reviews"
META = "meta"  # "what does ctb mean"
CONDITIONAL = "conditional"  # "if someone is suicidal"
JOKE = "joke"  # "jk" cancels, "lol" lowers one level
RECOVERY = "recovery"  # "five years ago ... today I'm doing well"
LOGISTICS = "logistics"  # "goodbye everyone, I'm moving abroad"
RELATIONSHIP = "relationship"  # "I want to end it" (with him?)
TOPIC = "topic"  # an impersonal question: "is it normal to have suicidal thoughts?"

SPEECH = frozenset({NEGATION, MEDIA, GAME, CONDITIONAL, JOKE})

# Cue tags: phrases that are not a risk alone but add up (see engine.combine).
HOPELESS, BURDEN, GOODBYE, PLAN = "hopeless", "burden", "goodbye", "plan"
RESOLVE = "resolve"  # determination or concealment: "this time for real", "so nobody notices"
# Thanks, love and settled affairs ("thank you all for everything", "love you all", "paid
# off my debts"): a goodbye's words, but also a grateful member's, so they count only next
# to another sign. A bare "I'm sorry." (APOLOGY) is weaker still.
FAREWELL, APOLOGY = "farewell", "apology"


@dataclass(frozen=True)
class Rule:
    rule: str
    level: RiskLevel  # NONE for cues, which only count in combinations
    pattern: re.Pattern[str]
    person: str = SELF
    guards: frozenset[str] = SPEECH
    tag: str = ""
    # The whole post must also contain this (e.g. abuse context for "he'll kill me").
    requires: re.Pattern[str] | None = None
    # If the sentence contains this, the match is a crisis (e.g. "constantly", "tonight").
    escalate: re.Pattern[str] | None = None


def alt(*parts: str) -> str:
    """Alternatives, one per argument, so long rules read as lists of phrasings."""
    return "|".join(f"(?:{part})" for part in parts)


def rule(
    name: str,
    level: RiskLevel,
    pattern: str,
    *,
    person: str = SELF,
    guards: frozenset[str] | set[str] = SPEECH,
    tag: str = "",
    requires: str | None = None,
    escalate: str | None = None,
) -> Rule:
    """Build a rule; patterns are compiled once, at import."""
    return Rule(
        rule=name,
        level=level,
        pattern=re.compile(pattern),
        person=person,
        guards=frozenset(guards),
        tag=tag,
        requires=re.compile(requires) if requires else None,
        escalate=re.compile(escalate) if escalate else None,
    )


def cue(tag: str, pattern: str, *, person: str = FIRST, guards: frozenset[str] = SPEECH) -> Rule:
    return rule(f"cue-{tag}", RiskLevel.NONE, pattern, person=person, guards=guards, tag=tag)
