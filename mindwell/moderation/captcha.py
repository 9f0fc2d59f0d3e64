"""A self-hosted check question that works without JavaScript and loads nothing from
another site: simple arithmetic in words ("What is seven plus four?"), answered in digits
or words.

The question's token is signed (django.core.signing, with its own salt and a one-hour
limit) and carries only a keyed hash of the answer, never the answer itself: a signed value
is readable by anyone. Each token is accepted once (remembered in the cache until it would
expire anyway), so one solved question cannot be replayed. A form re-shown after a solved
question (a preview, or a refusal for another reason) carries a "solved" token instead, so
the person is not asked again.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.functional import Promise, lazy
from django.utils.translation import gettext, gettext_lazy

from mindwell.core.pagecache.holes import per_visitor, reserve_slot

SALT = "mindwell.moderation.captcha"
MAX_AGE_SECONDS = 3600

NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]

LABEL_PREFIX = gettext_lazy("Check question, to stop automated spam:")
HELP_TEXT = gettext_lazy("Type the answer in digits or in words, for example 12 or twelve.")
WRONG = gettext_lazy(
    "That answer to the check question is not right; here is a new one. Your text is kept."
)
EXPIRED = gettext_lazy(
    "The check question was more than an hour old; here is a new one. Your text is kept."
)
REUSED = gettext_lazy("That check question was already used; here is a new one. Your text is kept.")
MISSING = gettext_lazy(
    "Please answer the check question; it stops automated spam. Your text is kept."
)


class CaptchaError(Exception):
    def __init__(self, message: str | Promise) -> None:
        # The messages are lazy translations: fix them in the request's language.
        super().__init__(str(message))
        self.message = str(message)


@dataclass(frozen=True)
class Challenge:
    question: str
    token: str

    @property
    def label(self) -> str:
        return f"{LABEL_PREFIX} {self.question}"

    help_text = HELP_TEXT


def _answer_hash(nonce: str, answer: int) -> str:
    return salted_hmac(SALT, f"{nonce}:{answer}").hexdigest()[:32]


def new_challenge() -> Challenge:
    slot = reserve_slot()
    if slot is not None:
        # A page being stored by the page cache: each visitor gets a question of their own
        # when it is served (mindwell.core.pagecache.holes).
        return Challenge(
            question=per_visitor("captcha_question", str, slot=slot),
            token=per_visitor("captcha_token", str, slot=slot),
        )
    a, b = secrets.randbelow(10) + 1, secrets.randbelow(10) + 1
    if secrets.randbelow(2):
        question, answer = (
            gettext("What is %(NUMBER_WORDS)s plus %(NUMBER_WORDS2)s?")
            % {"NUMBER_WORDS": NUMBER_WORDS[a], "NUMBER_WORDS2": NUMBER_WORDS[b]},
            a + b,
        )
    else:
        a, b = max(a, b), min(a, b)
        question, answer = (
            gettext("What is %(NUMBER_WORDS)s minus %(NUMBER_WORDS2)s?")
            % {"NUMBER_WORDS": NUMBER_WORDS[a], "NUMBER_WORDS2": NUMBER_WORDS[b]},
            a - b,
        )
    nonce = secrets.token_urlsafe(12)
    token = signing.dumps({"n": nonce, "h": _answer_hash(nonce, answer)}, salt=SALT)
    return Challenge(question=question, token=token)


def solved_token() -> str:
    """A one-use pass for the re-shown form of someone who already answered correctly."""
    return signing.dumps({"n": secrets.token_urlsafe(12), "s": 1}, salt=SALT)


def parse_answer(text: str) -> int | None:
    text = " ".join(str(text).strip().lower().rstrip(".!").split())
    if text.isascii() and text.isdigit():
        return int(text[:6])
    if text in NUMBER_WORDS:
        return NUMBER_WORDS.index(text)
    return None


def verify(token: str, answer: str) -> None:
    """Accept the answer to the question behind `token`, or a solved token, once. Raises
    CaptchaError with the message to show."""
    try:
        payload = signing.loads(token or "", salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.SignatureExpired:
        raise CaptchaError(EXPIRED) from None
    except signing.BadSignature:
        raise CaptchaError(MISSING if not token else WRONG) from None
    if not isinstance(payload, dict) or not isinstance(payload.get("n"), str):
        raise CaptchaError(WRONG)
    if not payload.get("s") and not str(answer).strip():
        raise CaptchaError(MISSING)
    # Used up on any attempt, right or wrong, so a script cannot try every answer.
    if not cache.add(
        f"captcha:used:{payload['n']}",
        1,
        timeout=MAX_AGE_SECONDS + 60,
    ):
        raise CaptchaError(REUSED)
    if payload.get("s"):
        return
    value = parse_answer(answer)
    if value is None or not constant_time_compare(
        _answer_hash(payload["n"], value), str(payload.get("h", ""))
    ):
        raise CaptchaError(WRONG)


class CaptchaWidget(forms.MultiWidget):
    """The answer box and the hidden token. Always rendered with the field's current
    challenge and an empty box: an answered question is never shown again."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        answer = forms.TextInput(attrs={"autocomplete": "off", "size": 8, "maxlength": 20})
        super().__init__([answer, forms.HiddenInput()], attrs)
        self.token = ""
        self.solved = False

    def decompress(self, value: Any) -> list[Any]:
        return ["", self.token]

    def id_for_label(self, id_: str) -> str:
        # The label names the answer box (Django's MultiWidget points at no part).
        return f"{id_}_0" if id_ else id_

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, None, attrs)
        answer, token = context["widget"]["subwidgets"]
        answer["value"], token["value"] = None, self.token
        token["attrs"].pop("aria-describedby", None)
        token["attrs"].pop("aria-invalid", None)
        if self.solved:
            # The question was answered: only the pass travels on, and the box is hidden.
            answer["type"] = "hidden"
        elif context["widget"]["attrs"].get("id"):
            answer["attrs"]["aria-describedby"] = f"{context['widget']['attrs']['id']}_helptext"
        return context


class CaptchaField(forms.MultiValueField):
    """Add it to a form instance in `__init__` (`self.fields["captcha"] = CaptchaField()`),
    never as a class attribute: each form shown needs a question of its own."""

    widget = CaptchaWidget

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            fields=[forms.CharField(required=False), forms.CharField(required=False)],
            require_all_fields=False,
            required=False,
            help_text=HELP_TEXT,
            **kwargs,
        )
        # Lazy, because the form's bound field copies the label once, before clean() renews
        # the question; a lazy string is read afresh each time it is shown.
        self._label = ""
        self.label = lazystr_from(lambda: self._label)
        self.renew()

    def __deepcopy__(self, memo: dict[int, Any]) -> CaptchaField:
        copied = super().__deepcopy__(memo)
        copied.label = lazystr_from(lambda: copied._label)
        return copied

    def renew(self) -> None:
        challenge = new_challenge()
        self._label = challenge.label
        self.widget.token = challenge.token  # type: ignore[attr-defined]
        self.widget.solved = False  # type: ignore[attr-defined]

    def compress(self, data_list: list[Any]) -> str:
        return ""

    def clean(self, value: Any) -> str:
        answer, token = (list(value or []) + ["", ""])[:2]
        try:
            verify(str(token or ""), str(answer or ""))
        except CaptchaError as error:
            self.renew()
            raise forms.ValidationError(error.message, code="captcha") from None
        self._label = "Check question: answered, thank you."
        self.help_text = ""
        self.widget.token = solved_token()  # type: ignore[attr-defined]
        self.widget.solved = True  # type: ignore[attr-defined]
        return ""


def lazystr_from(read: Callable[[], str]) -> Any:
    return lazy(read, str)()


def add_captcha(form: forms.BaseForm, name: str = "captcha") -> None:
    form.fields[name] = CaptchaField()


def anonymous_challenge(user: Any) -> Challenge | None:
    """A question for hand-written forms (the comment boxes) when a visitor without an
    account must answer one, as the site settings say; None otherwise."""
    from mindwell.siteconfig.models import SiteSettings

    if user is not None and user.is_authenticated:
        return None
    return new_challenge() if SiteSettings.current().captcha_anonymous else None
