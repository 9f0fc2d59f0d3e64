"""The cue layer (fields.py, situations.py): broad lexical fields that are no risk alone
but describe a crisis when they meet in a few sentences. Each test pairs a combination
with the same words alone or explained away, so a rule cannot pass by firing on a word."""

from __future__ import annotations

import pytest

from mindwell.safety.risk import RiskLevel, assess
from mindwell.safety.risk.fields import CONCRETE, CORE, DARK, FIELDS, OTHERS, PATTERNS
from mindwell.safety.risk.situations import Cue, combine

CRISIS, ELEVATED, NONE = RiskLevel.CRISIS, RiskLevel.ELEVATED, RiskLevel.NONE


def check(text: str, want: RiskLevel, title: str = "") -> None:
    got = assess(text, title=title)
    assert got.level is want, f"{text!r}: want {want}, got {got.level} {got.reasons}"


def rules(text: str) -> set[str]:
    return {r.rule for r in assess(text).reasons}


@pytest.mark.parametrize(
    "text, want",
    [
        # Means + readiness + the moment: a plan nobody named.
        ("the tablets are counted out on the bed. waiting till everyone is asleep", CRISIS),
        ("the tablets are counted out in my weekly box, new routine", NONE),
        ("I need to pick up my tablets tonight", NONE),
        # A perilous place, here and now, with something dark.
        ("standing on the bridge right now. nobody would even notice", CRISIS),
        ("standing on the bridge right now watching the sunset", NONE),
        # An ending act with the moment.
        ("tomorrow morning I'm walking into the sea", CRISIS),
        ("Sometimes I picture myself walking into the sea.", ELEVATED),
    ],
)
def test_means_place_and_act_need_company(text: str, want: RiskLevel) -> None:
    check(text, want)


def test_finality_and_preparation_add_up() -> None:
    check("When you read this I'll already be gone. Don't blame yourselves.", CRISIS)
    check("Left letters for my mum and my brother. Make sure someone feeds Rex. Sorry.", CRISIS)
    check("Left notes for my flatmates and made sure someone feeds the cat.", NONE)
    check("Writing letters to my future self for therapy homework.", NONE)
    check("Letters to my penpals are posted, the dog's food is out, off camping!", NONE)
    check("Gave my old bike to my nephew, won't need it now I've got the car.", NONE)


def test_overdose_described_as_an_event() -> None:
    check("swallowed whatever was in the medicine cabinet, room is spinning", CRISIS)
    check("how long do 40 paracetamol take to work? asking because I already took them", CRISIS)
    check("took 2 of my sleeping tablets an hour ago and I'm still awake", NONE)


def test_danger_from_others_needs_weapon_threat_or_a_child() -> None:
    check("he has a knife and he's banging on the door, I'm locked in the bathroom", CRISIS)
    check("my stepdad hits my little brother and he has bruises again", CRISIS)
    check("my dad threw a plate at my mum last night", ELEVATED)
    check("he's banging on the door again because he forgot his keys lmao", NONE)


def test_context_vetoes_apply_to_cues() -> None:
    check("Two years ago I was standing on that bridge. Today I'm doing well.", NONE)
    check("In the novel she writes letters to everyone and leaves the dog with a neighbour", NONE)
    check("if one more meeting runs late I'm walking into the sea 😂", NONE)
    check("No plans to end things, the rope is for my climbing course tonight", NONE)


def test_title_and_text_speak_are_read() -> None:
    check("just needed to put it somewhere", CRISIS, title="tonight is the night i stop existing")
    check("im going 2 jump tonite. not a cry for help", CRISIS)
    check("🪢 tonight. i'm done", CRISIS)


def test_reasons_name_the_rule_and_the_phrases_combined() -> None:
    got = assess(
        "the pills are lined up on my desk. all of them. waiting for the house to go quiet"
    )
    (reason,) = [r for r in got.reasons if r.rule == "means-and-moment"]
    assert reason.level is CRISIS
    assert "pills" in reason.phrase and "lined up" in reason.phrase and " + " in reason.phrase


def test_combine_downgrades_a_hypothetical_and_keeps_others_apart() -> None:
    def cue(field: str, start: int, who: str = "self", weak: bool = False) -> Cue:
        return Cue(field, start, start + 3, f"{field}-{start}", 0, who, weak)

    found = {
        r.rule: r.level for _, r in combine([cue("means", 0), cue("ready", 5), cue("time", 9)])
    }
    assert found["means-and-moment"] is CRISIS
    weak = combine([cue("means", 0), cue("ready", 5, weak=True), cue("time", 9)])
    assert {r.level for _, r in weak} == {ELEVATED}
    # Someone else's means and the writer's "tonight" do not make the writer's plan.
    assert not combine([cue("means", 0, who="other"), cue("ready", 5), cue("time", 9)])


def test_field_tables_are_consistent() -> None:
    assert {f for f, _ in PATTERNS} == set(FIELDS)
    assert CONCRETE <= CORE and set(FIELDS) >= OTHERS
    assert DARK - {"ideation"} <= set(FIELDS)


def test_every_field_pattern_is_prefiltered() -> None:
    """Each pattern runs only on sentences holding one of its words, found at word starts:
    a pattern without such words would be run over every post in full."""
    from mindwell.safety.risk.prefilter import required_literals

    for field, pattern in PATTERNS:
        found = required_literals(pattern.pattern)
        assert found is not None and found.at_edge, (field, pattern.pattern[:60])
