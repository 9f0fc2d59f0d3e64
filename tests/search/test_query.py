"""The search query parser, on its own: operators, phrases, prefixes, and hostile input."""

from __future__ import annotations

import json

import pytest

from mindwell.search.query import (
    MAX_QUERY_LENGTH,
    MAX_WORDS,
    Comparison,
    ParsedQuery,
    Phrase,
    QueryError,
    Term,
    parse_query,
)
from tests.shared import CORPORA


def test_words_phrases_prefixes_and_exclusions():
    query = parse_query('anxiety sleep* "panic attack" -work -"night shift"')
    assert query.terms == (
        Term("anxiety"),
        Term("sleep", prefix=True),
        Term("work", negated=True),
    )
    assert query.phrases == (Phrase("panic attack"), Phrase("night shift", negated=True))
    assert query.has_text and query.has_exclusions and not query.has_filters


def test_every_operator():
    query = parse_query(
        "[Insomnia] [grief] category:family user:@Alice is:answer answers:>=2 score:-1 hasbest:no"
    )
    assert query == ParsedQuery(
        tags=("insomnia", "grief"),
        category="family",
        user="@Alice",
        kind="A",
        answers=Comparison(">=", 2),
        score=Comparison(">=", -1),
        has_best=False,
    )
    assert not query.has_text and query.has_filters


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("answers:0", Comparison("=", 0)),
        ("answers:3", Comparison(">=", 3)),
        ("answers:<3", Comparison("<", 3)),
        ("answers:=3", Comparison("=", 3)),
        ("answers:>0", Comparison(">", 0)),
    ],
)
def test_answer_counts(text, expected):
    assert parse_query(text).answers == expected
    assert parse_query(text).only_questions


@pytest.mark.parametrize(
    ("text", "kind"),
    [("is:question", "Q"), ("is:Answer", "A"), ("is:comments", "C"), ("IS:questions", "Q")],
)
def test_kinds(text, kind):
    assert parse_query(text).kind == kind


def test_quoted_operator_values():
    assert parse_query('category:"Family & Parenting" calm').category == "Family & Parenting"


def test_colons_that_are_not_operators_are_words():
    query = parse_query("re: exams at 10:30 note:this")
    assert [t.text for t in query.terms] == ["re", "exams", "at"]
    assert query.category is None and query.kind is None
    assert Phrase("10 30") in query.phrases and Phrase("note this") in query.phrases


def test_words_with_inner_punctuation_become_phrases():
    assert parse_query("self-harm").phrases == (Phrase("self harm"),)
    assert parse_query("self-har*").terms == (Term("self har", prefix=True),)


def test_stop_words_count_only_when_nothing_else_is_given():
    assert [t.text for t in parse_query("how to stop the worry").positive_terms] == [
        "stop",
        "worry",
    ]
    assert [t.text for t in parse_query("the").positive_terms] == ["the"]


def test_punctuation_alone_is_nothing_to_search_for():
    for text in ("", "   ", "***", "- -- ---", '""', "!!!", "😀", "___", "*"):
        assert parse_query(text).is_empty, text


def test_an_unclosed_quote_runs_to_the_end():
    assert parse_query('"panic attack').phrases == (Phrase("panic attack"),)


def test_repeated_words_count_once():
    assert parse_query("sleep sleep Sleep").terms == (Term("sleep"), Term("Sleep"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[anxiety", "A tag needs its closing bracket, like [anxiety]."),
        ("[]", "Please put a tag name between the brackets"),
        ("[no spaces allowed here!]", "is not a tag name"),
        ("-[anxiety]", "Tags can only be searched for, not left out"),
        ("category:", "Please give a value after “category:”, for example category:anxiety."),
        ('user:""', "Please give a value after “user:”"),
        ("is:banana", "“is:” can be is:question, is:answer or is:comment (not “banana”)."),
        ("hasbest:maybe", "“hasbest:” takes yes or no"),
        ("answers:many", "“answers:” takes a whole number"),
        ("score:>=abc", "“score:” takes a whole number"),
        ("score:=>3", "“score:” takes a whole number"),
        ("score:99999999999999999999999", "takes numbers up to 1,000,000"),
        ("x" * (MAX_QUERY_LENGTH + 1), f"please use at most {MAX_QUERY_LENGTH}"),
        (" ".join(f"w{n}" for n in range(MAX_WORDS + 1)), f"at most {MAX_WORDS} words"),
        ("[a] [b] [c] [d] [e] [f]", "at most 5 tags"),
    ],
)
def test_malformed_queries_say_what_to_change(text, message):
    with pytest.raises(QueryError) as error:
        parse_query(text)
    assert message in error.value.message
    assert error.value.field == "q"


def _blns() -> list[str]:
    return json.loads((CORPORA / "blns" / "blns.json").read_text(encoding="utf-8"))


def test_every_naughty_string_parses_or_gets_a_clear_message():
    strings = _blns()
    assert len(strings) > 400
    refused = 0
    for text in strings:
        for variant in (text, f"anxiety {text}", f"category:{text}", f"[{text}]", f'"{text}'):
            try:
                query = parse_query(variant)
            except QueryError as error:
                refused += 1
                assert error.message and len(error.message) < 300
                continue
            assert isinstance(query, ParsedQuery)
            for term in query.terms:
                assert term.text.strip() and "\x00" not in term.text
    assert refused < len(strings) * 5  # most of them are just words
