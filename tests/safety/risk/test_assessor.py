"""The crisis risk assessor, rule family by rule family, plus its contract: the public API,
the reasons it gives, and that no input makes it raise."""

from __future__ import annotations

import dataclasses
import random

import pytest

from mindwell.safety.risk import Assessment, Reason, RiskLevel, assess
from mindwell.safety.risk.engine import _assess
from mindwell.safety.risk.normalise import MAX_CHARS, normalise
from mindwell.safety.risk.prefilter import required_literals, trie_pattern
from tests.safety.risk.labelled import CASES, LABELLED, load

CRISIS, ELEVATED, NONE = RiskLevel.CRISIS, RiskLevel.ELEVATED, RiskLevel.NONE


def level(text: str, title: str = "") -> RiskLevel:
    return assess(text, title=title).level


def check(text: str, want: RiskLevel, title: str = "") -> None:
    got = assess(text, title=title)
    assert got.level is want, f"{text!r}: want {want}, got {got.level} {got.reasons}"


# --- Public API --------------------------------------------------------------------------


def test_levels_are_strings_with_a_rank():
    assert [lv.value for lv in RiskLevel] == ["none", "elevated", "crisis"]
    assert [lv.rank for lv in RiskLevel] == [0, 1, 2]
    assert RiskLevel("crisis") is CRISIS
    assert f"{CRISIS}" == "crisis"


def test_assessment_is_frozen_and_serialises():
    result = assess("I want to kill myself")
    assert isinstance(result, Assessment)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.level = NONE  # type: ignore[misc]
    assert result.as_dict() == {
        "level": "crisis",
        "reasons": [{"rule": "explicit-intent", "phrase": "kill myself", "level": "crisis"}],
    }


def test_nothing_to_say_is_none_without_reasons():
    assert assess("How do I tell my partner I need more alone time?") == Assessment(NONE, ())


# --- Reasons ------------------------------------------------------------------------------


def test_reasons_name_rule_phrase_and_level():
    reasons = assess("He choked me last night and I'm scared to go home.").reasons
    assert Reason("strangulation", "choked me", CRISIS) in reasons
    assert Reason("abuse", "scared to go home", ELEVATED) in reasons


def test_reasons_come_strongest_first_and_deduplicated():
    text = "I wish I could disappear. I want to die. I want to die."
    reasons = assess(text).reasons
    assert [r.level for r in reasons] == [CRISIS, ELEVATED]
    assert reasons[0].phrase == "want to die"


def test_combined_cues_are_explained_by_each_cue():
    reasons = assess("Thank you all for everything. Please look after my cat.").reasons
    assert {r.rule for r in reasons} == {"goodbye-message"}
    assert {r.phrase for r in reasons} == {
        "thank you all for everything",
        "please look after my cat",
    }


def test_reasons_are_capped():
    text = " ".join(f"Reason {i}: I want to kill myself." for i in range(200))
    assert 0 < len(assess(text).reasons) <= 12


def test_title_counts():
    check("Nobody reads this anyway.", CRISIS, title="I want to end my life")
    check("Please help.", NONE, title="My back is killing me")


# --- Crisis families --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I want to kill myself.",
        "i just want to die",
        "I'm going to end my life this weekend.",
        "I don't want to live anymore.",
        "I've been feeling suicidal for weeks.",
        "I'm seriously considering suicide.",
        "I feel like killing myself every single day.",
        "I'm ready to die.",
        "I'm going to take my own life.",
    ],
)
def test_explicit_intent_is_crisis(text):
    check(text, CRISIS)


@pytest.mark.parametrize(
    "text",
    [
        "I'm going to jump off the bridge on my way home.",
        "Planning to step in front of a train tomorrow.",
        "I want to drink bleach.",
        "I'm going to overdose tonight.",
        "I've been stockpiling my pills for a month.",
        "I bought a noose today.",
        "I wrote my suicide note.",
        "What is the most painless way to kill myself?",
        "How many sleeping pills would it take to die?",
        "I'm standing on the edge of the bridge right now.",
        "I'm on the bridge right now and I don't want to be here anymore.",
        "The gun is in my mouth.",
    ],
)
def test_methods_plans_and_means_are_crisis(text):
    check(text, CRISIS)


@pytest.mark.parametrize(
    "text",
    [
        "I took the whole bottle.",
        "Just swallowed all my pills.",
        "I took 30 paracetamol an hour ago.",
        "I've taken an overdose.",
        "I cut too deep and it won't stop bleeding.",
        "I'm cutting right now.",
    ],
)
def test_overdose_and_self_harm_now_are_crisis(text):
    check(text, CRISIS)


@pytest.mark.parametrize(
    "text",
    [
        "Thank you all for everything, this is my last post.",
        "This is my goodbye.",
        "By the time you read this I'll be gone.",
        "Goodbye everyone. I'm sorry for everything.",
        "You won't have to deal with me ever again.",
        "I have everything ready. Tonight is the night. Goodbye.",
    ],
)
def test_goodbye_messages_are_crisis(text):
    check(text, CRISIS)


@pytest.mark.parametrize(
    "text",
    [
        "He said he will kill me.",
        "My husband threatened to kill me if I leave.",
        "He choked me last night and I'm scared to go home.",
        "She put a knife to my throat.",
        "My ex tried to run me over.",
        "I fear for my life.",
        "He hits me and says he's going to kill me one day.",
        "He wrapped his hands round my throat.",
    ],
)
def test_danger_from_a_partner_is_crisis(text):
    check(text, CRISIS)


@pytest.mark.parametrize(
    "text",
    [
        "My boyfriend hits my 4 year old when I'm at work.",
        "My husband threatened to hurt the kids.",
        "My baby isn't breathing.",
        "I'm scared I'm going to hurt my baby.",
        "My toddler swallowed some of my pills.",
    ],
)
def test_a_child_in_danger_is_crisis(text):
    check(text, CRISIS)


@pytest.mark.parametrize(
    "text",
    [
        "My friend texted that she's going to jump.",
        "My brother says he wants to kill himself.",
        "My girlfriend is suicidal.",
        "A classmate posted that she's going to kill herself tonight.",
        "My roommate took a bunch of pills.",
        "My son told me he doesn't want to live anymore.",
        "My sister overdosed this morning.",
    ],
)
def test_a_third_person_in_danger_is_crisis(text):
    check(text, CRISIS)


def test_crisis_buried_in_a_long_post_is_found():
    long_post = load(CASES)
    buried = [c for c in long_post if c.kind == "buried" and c.level == "crisis"]
    assert buried and all(len(c.text.split()) > 2800 for c in buried)
    for case in buried:
        assert level(case.text) is CRISIS, case.id


# --- Euphemisms (each one from the brief) ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("I'm going to unalive myself.", CRISIS),
        ("kms", CRISIS),
        ("i want to kms so bad", CRISIS),
        ("I just want to end it all.", CRISIS),
        ("Soon I won't be a burden anymore.", CRISIS),
        ("I just want to not be a burden anymore.", ELEVATED),
        ("I won't be around much longer.", CRISIS),
        ("This is my goodbye.", CRISIS),
        ("I just want to sleep forever.", ELEVATED),
        ("ctb planned for sunday", CRISIS),
        ("Going to self delete tonight.", CRISIS),
        ("thinking about sewerslide again", ELEVATED),
    ],
)
def test_euphemisms(text, want):
    check(text, want)


# --- Elevated families -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I wish I could just disappear.",
        "Some nights I hope I don't wake up.",
        "What's the point of living?",
        "Everyone would be better off without me.",
        "I wish I had never been born.",
        "I've been having suicidal thoughts again.",
        "I feel like a burden and nothing will ever get better.",
        "I don't want to exist anymore.",
    ],
)
def test_passive_ideation_and_hopelessness_are_elevated(text):
    check(text, ELEVATED)


@pytest.mark.parametrize(
    "text",
    [
        "I relapsed last night after 4 months clean from self-harm.",
        "The urge to cut is so strong tonight.",
        "I've been burning myself with a lighter.",
        "I started cutting again.",
        "I scratch my arms until they bleed.",
        "I tried to kill myself in March and I still feel the same.",
    ],
)
def test_self_harm_and_past_attempts_are_elevated(text):
    check(text, ELEVATED)


@pytest.mark.parametrize(
    "text",
    [
        "My husband hits me when he's drunk.",
        "My girlfriend slaps me during arguments.",
        "My brother attempted suicide last month.",
        "My daughter has been cutting herself.",
        "Since my wife died I just want to be with her again.",
    ],
)
def test_ongoing_abuse_and_concern_for_others_are_elevated(text):
    check(text, ELEVATED)


def test_ideation_with_an_escalator_or_recent_attempt_is_crisis():
    check("I think about suicide constantly.", CRISIS)
    check("I tried to kill myself last night.", CRISIS)


# --- Benign: must stay none --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I nearly died laughing.",
        "My back is killing me after moving day.",
        "This week has been murder.",
        "I could kill for a coffee.",
        "I'm dying to know what happens.",
        "She's killing it at work.",
        "Shoot me a message.",
        "Ugh, kill me now.",
        "I'd rather die than sing karaoke.",
        "That cake was to die for.",
        "My mum will kill me when she sees my grades.",
        "I overdosed on caffeine before the exam.",
        "I ran 10 kms this morning.",
    ],
)
def test_idioms_are_none(text):
    check(text, NONE)


@pytest.mark.parametrize(
    "text",
    [
        "As a counsellor I often ask clients about suicidal ideation.",
        "The paper reviews suicide risk assessment.",
        "What does the SSRI black box warning mean?",
        "As a pharmacist, how do you answer questions about the lethal dose of paracetamol?",
        "What does ctb mean?",
        "Is it normal to have suicidal thoughts?",
    ],
)
def test_professional_academic_and_topic_questions_are_none(text):
    check(text, NONE)


@pytest.mark.parametrize(
    "text",
    [
        "Five years ago I attempted suicide; today I'm doing well and want to share what helped.",
        "When I was 19 I took an overdose. Now I'm 35 and grateful I survived.",
        "I was suicidal in my twenties but therapy changed my life.",
        "It's been two years since I last hurt myself.",
    ],
)
def test_past_recovery_stories_are_none(text):
    check(text, NONE)


@pytest.mark.parametrize(
    "text",
    [
        "No thoughts of hurting myself, just worn out.",
        "I'm not suicidal, just tired of my job.",
        "I would never kill myself.",
        "I don't want to die, I want the anxiety to stop.",
        "I have no intention of ending my life.",
        "I'm not going to kill myself, I promise.",
    ],
)
def test_negated_statements_are_none(text):
    check(text, NONE)


def test_negation_does_not_reach_across_a_clause():
    check("I'm not okay and I want to die.", CRISIS)
    check("Not gonna lie, I want to die.", CRISIS)
    check("I don't know why I want to kill myself.", CRISIS)
    check("No one would care if I killed myself tonight.", CRISIS)


@pytest.mark.parametrize(
    "text",
    [
        "The character kills himself in the finale.",
        "My character died in the boss fight.",
        "The song 'Suicide Is Painless' is the M*A*S*H theme.",
        'The lyrics "I want to die" in that song are cathartic.',
        "In the movie he threatens to kill himself if she leaves.",
        "I'll kill myself to respawn at the checkpoint.",
    ],
)
def test_media_books_games_and_tv_are_none(text):
    check(text, NONE)


def test_the_writer_is_not_cancelled_by_a_work_they_mention():
    check("Watching that show made me want to kill myself.", CRISIS)


@pytest.mark.parametrize(
    "text",
    [
        "My dad died by suicide last year and I miss him.",
        "How do I cope with my mother's death?",
        "My uncle took his own life and nobody talks about it.",
    ],
)
def test_grief_is_none(text):
    check(text, NONE)


@pytest.mark.parametrize(
    "text",
    [
        "I've decided to end it with him.",
        "I cut myself off from toxic friends.",
        "I burned myself on the oven door.",
        "I take all my meds every morning.",
        "Does anyone else feel like a burden when they ask for help?",
        "Goodbye everyone, I'm moving abroad and deleting my account!",
        "I have a plan to pay off my debt.",
        "My boyfriend pushed me to apply for the job.",
        "I'm on the bridge right now taking photos of the fireworks!",
        "Tonight's the night, I'm finally asking her to marry me!",
        "I bought a rope for rock climbing.",
        "I paid off my debts this year! Thank you for everything, this forum helped.",
        "I'm so tired of everything. I'm sorry.",
        "My therapist asked if I have thoughts of harming myself and I said no.",
        "I keep hurting myself by going back to my ex.",
        "My brother is so suicidal in traffic.",
        "I'm killing myself trying to get this promotion.",
        "My boss threatened to fire me.",
    ],
)
def test_ordinary_posts_are_none(text):
    check(text, NONE)


def test_gratitude_alone_is_not_a_goodbye():
    check("Thank you all for everything, love you all! Best community ever.", NONE)
    check("I can't do this anymore. Thank you for everything.", CRISIS)
    check("I just wanted to say thank you to everyone and that I'm sorry. I love you all.", CRISIS)


def test_scripts_hypotheticals_and_advice_are_not_the_writer():
    check(
        "You can say to your GP: \"I've been having thoughts that people would be better "
        'off without me."',
        NONE,
    )
    check("What should I do if I feel worse, or have thoughts of harming myself?", NONE)
    check("Ask about thoughts of suicide directly if you're worried about her.", NONE)
    check("I want to talk about my suicidal thoughts.", ELEVATED)


def test_jokes():
    check("I want to die lol", ELEVATED)
    check("I want to die jk", NONE)


def test_hypotheticals_about_others_are_none():
    check("How do I know if my friend is suicidal?", NONE)
    check("What should I say if someone wants to kill themselves?", NONE)


# --- Other languages ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Quiero suicidarme.", CRISIS),
        ("Me voy a matar.", CRISIS),
        ("Quiero morir.", CRISIS),
        ("No quiero morir, solo estoy cansada.", NONE),
        ("Me muero de risa.", NONE),
        ("Je veux me suicider.", CRISIS),
        ("Je vais me tuer.", CRISIS),
        ("Je veux mourir.", CRISIS),
        ("Je ne veux pas mourir.", NONE),
        ("Je suis morte de rire.", NONE),
        ("Ich will mich umbringen.", CRISIS),
        ("Ich bringe mich um.", CRISIS),
        ("Ich will nicht mehr leben.", CRISIS),
        ("Ich will nicht sterben.", NONE),
        ("Ich will mich nicht umbringen.", NONE),
        ("Das bringt mich noch um!", NONE),
        ("Tengo pensamientos suicidas.", ELEVATED),
        ("Ich habe Suizidgedanken.", ELEVATED),
    ],
)
def test_spanish_french_german(text, want):
    check(text, want)


# --- Normalisation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I\u2019m going to kill myself",
        "I'M GOING TO KILL MYSELF",
        "i   want\tto \u00a0 die",
        "i want to k1ll mys3lf",
        "**I want to die**",
        "<p>I want to <b>die</b></p>",
        "I want to ki\u200bll myself",
        "im gonna kill myself",
        "I&#39;m going to kill myself",
    ],
)
def test_spelling_variants_are_folded(text):
    assert level(text) is CRISIS


def test_normalise_folds_accents_quotes_and_space():
    assert normalise("  Je  VEUX\u00a0me   suicider \u2014 d\u00e9sol\u00e9e  ") == (
        "je veux me suicider , desolee"
    )
    assert normalise("I\u2019m fine, dont worry") == "i'm fine, don't worry"


def test_words_inside_links_are_not_read():
    check("Useful guide: https://example.org/how-to-kill-time-at-airports", NONE)


# --- Hostile input: never raises -----------------------------------------------------------


HOSTILE = [
    "",
    " ",
    "\x00\x01\x02 kill myself \x7f",
    "\ud800 I want to die \udfff",
    "a" * 1_000_000,
    "I want to die. " * 70_000,
    "kill myself " * 90_000,
    "i " * 100_000,
    "k1ll" * 50_000,
    "(" * 50_000 + ")" * 50_000,
    "<" * 10_000 + "script>" * 1000,
    "[x](" * 10_000,
    "&" * 10_000 + "#" * 10_000,
    "\U0001f602" * 10_000,
    "\u0301" * 10_000,
    "\n" * 100_000,
    "." * 100_000,
    "not " * 50_000 + "suicidal",
    "my " * 30_000 + "self",
    "1" * 100_000,
    "\ufeff\u200b\u00ad" * 10_000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_never_raises_on_hostile_input(text):
    result = assess(text, title=text[:2000])
    assert isinstance(result, Assessment)
    assert isinstance(result.level, RiskLevel)
    result.as_dict()


def test_never_raises_on_random_noise():
    rng = random.Random(7)
    alphabet = "abcdefghijklmnopqrstuvwxyz '.,!?\n\t013457@$*_#<>&;\u00e9\u2019\ud800\x00"
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3000)))
        assert isinstance(assess(text, title=text[:50]), Assessment)


@pytest.mark.parametrize("value", [None, 42, b"I want to die", ["kill myself"]])
def test_non_string_input_does_not_raise(value):
    assert isinstance(assess(value), Assessment)  # type: ignore[arg-type]
    assert isinstance(assess("ok", title=value), Assessment)  # type: ignore[arg-type]


def test_only_the_first_part_of_a_huge_post_is_read():
    head = "I want to kill myself. "
    assert level(head + "a" * (2 * MAX_CHARS)) is CRISIS
    assert level("a " * MAX_CHARS + head) is NONE


# --- The prefilter is an optimisation, never a change in answers ------------------------


def test_prefilter_gives_the_same_answers_as_a_full_scan():
    cases = [c for path in LABELLED for c in load(path)]
    for c in cases:
        assert _assess(c.text, c.title) == _assess(c.text, c.title, prefilter=False), c.id


def test_required_literals():
    found = required_literals(r"\bkill(?:ing)? my ?self\b")
    assert found is not None and found.at_edge
    assert found.literals == {"kill my self", "kill myself", "killing my self", "killing myself"}
    found = required_literals(r"\b(?:want|need) to die\b")
    assert found is not None and found.literals == {"want to die", "need to die"}
    assert required_literals(r"\b(?:\w+ )?die\b|[a-z]+") is None
    assert required_literals(r"(?:abc|x)") is None  # a one-letter literal filters nothing
    # Without a word boundary before it, "harm" may start inside a word ("selfharm").
    found = required_literals(r"self[- ]?harm")
    assert found is not None and found.literals == {"self"} and not found.at_edge


def test_trie_pattern_matches_exactly_its_words():
    import re

    words = {"kill", "killing", "die", "dying", "end"}
    pattern = re.compile("(?:" + trie_pattern(words) + r")\Z")
    assert all(pattern.match(w) for w in words)
    assert not any(pattern.match(w) for w in ("kil", "dy", "ending", "x"))
