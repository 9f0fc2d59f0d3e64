"""What a person types in the search box, as a typed structure.

    anxiety sleep*  "panic attack"  -work  [insomnia]  category:family  user:alice
    is:question  is:answer  is:comment  answers:0  answers:>=2  score:>=5  hasbest:yes

Words are looked up with stemming, `word*` is a prefix, "quoted words" are a phrase and a
leading minus leaves matches out. `name:value` is an operator only for the names below, so
"re: exams" or "at 10:30" are plain words. Anything malformed raises QueryError with a
message fit to show; any other input parses, whatever it contains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from django.utils.translation import gettext

from mindwell.core.errors import ServiceError
from mindwell.search.stopwords import STOP_WORDS

MAX_QUERY_LENGTH = 300
MAX_WORDS = 16
MAX_NUMBER = 1_000_000

Operator = Literal[">=", "<=", ">", "<", "="]
KINDS = {"question": "Q", "questions": "Q", "answer": "A", "answers": "A", "comment": "C"}
KINDS["comments"] = "C"
YES = {"yes": True, "true": True, "y": True, "no": False, "false": False, "n": False}
OPERATORS = ("category", "user", "is", "answers", "score", "hasbest")
_COMPARISON = re.compile(r"^(>=|<=|>|<|=)?(-?\d+)$")
_OPERATOR = re.compile(r"^([A-Za-z]+):(.*)$", re.DOTALL)


class QueryError(ServiceError):
    """A search the parser cannot make sense of; the message says how to fix it."""

    def __init__(self, message: str) -> None:
        super().__init__(message, field="q")


@dataclass(frozen=True)
class Term:
    text: str
    prefix: bool = False
    negated: bool = False

    @property
    def is_stop_word(self) -> bool:
        return not self.prefix and self.text.lower() in STOP_WORDS


@dataclass(frozen=True)
class Phrase:
    text: str
    negated: bool = False


@dataclass(frozen=True)
class Comparison:
    op: Operator
    value: int

    def __str__(self) -> str:
        return f"{self.op}{self.value}"


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[Term, ...] = ()
    phrases: tuple[Phrase, ...] = ()
    tags: tuple[str, ...] = ()
    category: str | None = None
    user: str | None = None
    kind: str | None = None
    answers: Comparison | None = None
    score: Comparison | None = None
    has_best: bool | None = None

    @property
    def positive_terms(self) -> tuple[Term, ...]:
        """The words a match must contain. Stop words count only when nothing else is
        given, as PostgreSQL's English configuration would ignore them."""
        positive = tuple(term for term in self.terms if not term.negated)
        meaningful = tuple(term for term in positive if not term.is_stop_word)
        return meaningful or positive

    @property
    def negated_terms(self) -> tuple[Term, ...]:
        return tuple(term for term in self.terms if term.negated)

    @property
    def has_text(self) -> bool:
        """Whether there is anything to look up in the index."""
        return bool(self.positive_terms) or any(not p.negated for p in self.phrases)

    @property
    def has_exclusions(self) -> bool:
        return bool(self.negated_terms) or any(p.negated for p in self.phrases)

    @property
    def only_questions(self) -> bool:
        """answers: and hasbest: describe questions, so they limit results to questions."""
        return self.kind == "Q" or self.answers is not None or self.has_best is not None

    @property
    def has_filters(self) -> bool:
        return bool(
            self.tags
            or self.category
            or self.user
            or self.kind
            or self.answers is not None
            or self.score is not None
            or self.has_best is not None
        )

    @property
    def is_empty(self) -> bool:
        return not (self.has_text or self.has_filters or self.has_exclusions)


def parse_query(raw: str) -> ParsedQuery:
    text = (raw or "").replace("\x00", " ").strip()
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(
            gettext(
                "That search is %(len)s characters long; please use at most "
                "%(MAX_QUERY_LENGTH)s (a few words work best)."
            )
            % {"len": f"{len(text):,}", "MAX_QUERY_LENGTH": MAX_QUERY_LENGTH}
        )
    return _Parser(text).parse()


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.terms: list[Term] = []
        self.phrases: list[Phrase] = []
        self.tags: list[str] = []
        self.values: dict[str, object] = {}

    def parse(self) -> ParsedQuery:
        while self._skip_spaces():
            after = self._peek(1)
            negated = self._peek() == "-" and bool(after) and not after.isspace()
            if negated:
                self.pos += 1
            char = self._peek()
            if char == '"':
                self._phrase(negated)
            elif char == "[":
                if negated:
                    raise QueryError(
                        gettext("Tags can only be searched for, not left out: use [tag].")
                    )
                self._tag()
            else:
                self._word(self._read_word(), negated)
        if len(self.terms) + len(self.phrases) > MAX_WORDS:
            raise QueryError(
                gettext(
                    "Please search with at most %(MAX_WORDS)s words and phrases; fewer, "
                    "more specific words find better matches."
                )
                % {"MAX_WORDS": MAX_WORDS}
            )
        if self.tags and len(self.tags) > 5:
            raise QueryError(gettext("Please search with at most 5 tags at a time."))
        return ParsedQuery(
            terms=tuple(dict.fromkeys(self.terms)),
            phrases=tuple(dict.fromkeys(self.phrases)),
            tags=tuple(dict.fromkeys(self.tags)),
            **self.values,  # type: ignore[arg-type]
        )

    # --- reading ----------------------------------------------------------------------

    def _peek(self, ahead: int = 0) -> str:
        index = self.pos + ahead
        return self.text[index] if index < len(self.text) else ""

    def _skip_spaces(self) -> bool:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1
        return self.pos < len(self.text)

    def _read_word(self) -> str:
        start = self.pos
        while self.pos < len(self.text) and not self.text[self.pos].isspace():
            if self.text[self.pos] == '"' and self.pos > start and self.text[self.pos - 1] == ":":
                # category:"family life" - an operator's quoted value.
                end = self.text.find('"', self.pos + 1)
                self.pos = len(self.text) if end == -1 else end + 1
                continue
            self.pos += 1
        return self.text[start : self.pos]

    def _quoted(self) -> str:
        """The text up to the closing quote; an unclosed quote runs to the end."""
        end = self.text.find('"', self.pos + 1)
        if end == -1:
            inner, self.pos = self.text[self.pos + 1 :], len(self.text)
        else:
            inner, self.pos = self.text[self.pos + 1 : end], end + 1
        return inner

    # --- pieces -----------------------------------------------------------------------

    def _phrase(self, negated: bool) -> None:
        words = " ".join(WORDS.findall(self._quoted()))
        if not words:
            return
        if " " in words:
            self.phrases.append(Phrase(words, negated=negated))
        else:
            self.terms.append(Term(words, negated=negated))

    def _tag(self) -> None:
        end = self.text.find("]", self.pos)
        if end == -1:
            raise QueryError(gettext("A tag needs its closing bracket, like [anxiety]."))
        name = self.text[self.pos + 1 : end].strip().lower().lstrip("#")
        self.pos = end + 1
        if not name:
            raise QueryError(gettext("Please put a tag name between the brackets, like [anxiety]."))
        if len(name) > 40 or not TAG_NAME.match(name):
            raise QueryError(
                gettext("“%(name)s” is not a tag name: tags use letters, digits and . + # -")
                % {"name": name[:40]}
            )
        self.tags.append(name)

    def _word(self, word: str, negated: bool) -> None:
        match = _OPERATOR.match(word)
        if match and match.group(1).lower() in OPERATORS and not negated:
            self._operator(match.group(1).lower(), match.group(2))
            return
        prefix = word.endswith("*")
        pieces = WORDS.findall(word.rstrip("*"))
        if not pieces:
            return
        if len(pieces) > 1 and not prefix:
            # "self-harm", "don't": the words together, as both backends read them.
            joined = " ".join(pieces)
            self.phrases.append(Phrase(joined, negated=negated))
            return
        self.terms.append(Term(" ".join(pieces), prefix=prefix, negated=negated))

    def _operator(self, name: str, raw: str) -> None:
        value = raw.strip()
        if value.startswith('"'):
            value = value.strip('"').strip()
        if not value:
            raise QueryError(
                gettext("Please give a value after “%(name)s:”, for example %(EXAMPLES)s.")
                % {"name": name, "EXAMPLES": EXAMPLES[name]}
            )
        if name in ("category", "user"):
            if len(value) > 150:
                raise QueryError(gettext("That %(name)s name is too long.") % {"name": name})
            self.values[name] = value
        elif name == "is":
            kind = KINDS.get(value.lower())
            if kind is None:
                raise QueryError(
                    gettext("“is:” can be is:question, is:answer or is:comment (not “%(value)s”).")
                    % {"value": value[:30]}
                )
            self.values["kind"] = kind
        elif name == "hasbest":
            if value.lower() not in YES:
                raise QueryError(gettext("“hasbest:” takes yes or no, as in hasbest:yes."))
            self.values["has_best"] = YES[value.lower()]
        else:
            self.values[name] = _comparison(name, value)


EXAMPLES = {
    "category": "category:anxiety",
    "user": "user:alice",
    "is": "is:question",
    "answers": "answers:0",
    "score": "score:>=5",
    "hasbest": "hasbest:yes",
}
# Letters and digits; "_" separates words, as it does for both backends' tokenizers.
WORDS = re.compile(r"[^\W_]+", re.UNICODE)
TAG_NAME = re.compile(r"^[\w][\w.+#-]*$")


def _comparison(name: str, value: str) -> Comparison:
    match = _COMPARISON.match(value.replace(" ", ""))
    if match is None:
        raise QueryError(
            gettext(
                "“%(name)s:” takes a whole number, optionally after >=, <=, > or <, as "
                "in %(EXAMPLES)s (not “%(value)s”)."
            )
            % {"name": name, "EXAMPLES": EXAMPLES[name], "value": value[:30]}
        )
    number = int(match.group(2))
    if abs(number) > MAX_NUMBER:
        raise QueryError(
            gettext("“%(name)s:” takes numbers up to %(MAX_NUMBER)s.")
            % {"name": name, "MAX_NUMBER": f"{MAX_NUMBER:,}"}
        )
    op = match.group(1)
    if op is None:
        # answers:0 means none; answers:3 and score:3 mean "at least", as on Stack Exchange.
        op = "=" if (name == "answers" and number == 0) else ">="
    return Comparison(op=op, value=number)  # type: ignore[arg-type]
