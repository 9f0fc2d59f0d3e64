"""Per-visitor values in a cached page: stored as holes, filled for each request.

While a cacheable page renders, the code that makes a per-visitor value (the CSRF token, a
form's once-only submit token, the comment forms' page token, the anonymous check question)
asks `per_visitor()`, which returns a marker instead of the value. The stored page keeps
the markers; every response, hit or miss, gets fresh values of its own. This list of kinds
is the audit of what differs between two anonymous visitors: a page in which a filler is
missing is never stored.

The marker is derived from SECRET_KEY, so text written by a member cannot contain one.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from contextvars import ContextVar, Token
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.utils.crypto import salted_hmac


@dataclass
class Capture:
    slots: int = 0
    kinds: set[str] = field(default_factory=set)


_capture: ContextVar[Capture | None] = ContextVar("pagecache_capture", default=None)


@cache
def marker() -> str:
    return "mwpc" + salted_hmac("mindwell.core.pagecache.holes", "marker").hexdigest()[:16]


@cache
def _pattern() -> re.Pattern[bytes]:
    return re.compile(re.escape(marker()).encode() + rb"\.([a-z_]+)\.(\d+)\.")


def start() -> Token[Capture | None]:
    return _capture.set(Capture())


def stop(token: Token[Capture | None]) -> Capture:
    capture = _capture.get() or Capture()
    _capture.reset(token)
    return capture


def capturing() -> bool:
    return _capture.get() is not None


def reserve_slot() -> int | None:
    """A slot number for values that belong together (a check question and its token);
    None when no page is being captured."""
    capture = _capture.get()
    if capture is None:
        return None
    capture.slots += 1
    return capture.slots


def per_visitor(kind: str, make: Callable[[], str], *, slot: int | None = None) -> str:
    """`make()`, or a hole of `kind` while a cacheable page renders."""
    capture = _capture.get()
    if capture is None:
        return make()
    if kind not in FILLERS:
        raise ValueError(f"No filler for per-visitor value {kind!r}")
    if slot is None:
        capture.slots += 1
        slot = capture.slots
    capture.kinds.add(kind)
    return f"{marker()}.{kind}.{slot}."


def csrf_hole(request: HttpRequest) -> dict[str, Any]:
    """Context processor (after Django's own csrf one): `{% csrf_token %}` renders a hole in
    a captured page, so the stored page holds no visitor's token."""
    if not capturing():
        return {}
    return {"csrf_token": per_visitor("csrf", lambda: get_token(request))}


def _captcha(memo: dict[Any, Any], slot: int) -> Any:
    from mindwell.moderation.captcha import new_challenge  # noqa: PLC0415 (app code, lazily)

    if ("captcha", slot) not in memo:
        memo["captcha", slot] = new_challenge()
    return memo["captcha", slot]


Filler = Callable[[HttpRequest, dict[Any, Any], int], str]

FILLERS: dict[str, Filler] = {
    "csrf": lambda request, memo, slot: get_token(request),
    "uuid": lambda request, memo, slot: uuid.uuid4().hex,
    "page_token": lambda request, memo, slot: uuid.uuid4().hex[:24],
    "captcha_question": lambda request, memo, slot: _captcha(memo, slot).question,
    "captcha_token": lambda request, memo, slot: _captcha(memo, slot).token,
}


def fill(request: HttpRequest, content: bytes) -> bytes:
    """Every hole of `content` with this request's values; a hole repeated (one page token
    in many comment forms) gets the same value each time."""
    if marker().encode() not in content:
        return content
    memo: dict[Any, Any] = {}
    values: dict[bytes, bytes] = {}

    def value(match: re.Match[bytes]) -> bytes:
        whole = match.group(0)
        if whole not in values:
            kind, slot = match.group(1).decode(), int(match.group(2))
            values[whole] = FILLERS[kind](request, memo, slot).encode()
        return values[whole]

    return _pattern().sub(value, content)


def unfilled_kinds(content: bytes) -> set[str]:
    """Kinds of holes in `content` that no filler knows (then the page is not stored)."""
    return {m.group(1).decode() for m in _pattern().finditer(content)} - set(FILLERS)
