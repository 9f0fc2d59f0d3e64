"""Cursor pagination for the API, on top of the site's keyset pages (mindwell.qa.pagination):
`?cursor=` is the signed, opaque "after" cursor the site's Next links carry, and a page
answers `items` and `next_cursor` (null on the last page). A damaged cursor is a 400, not
silently the first page as on the site, so a client never loops."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from django.core import signing
from ninja import Schema
from pydantic import BaseModel, Field

from mindwell.api.errors import ApiError
from mindwell.qa.pagination import KeysetPage, PageRequest

T = TypeVar("T")
DEFAULT_LIMIT = 20
MAX_LIMIT = 100
NUMBERED_SALT = "mindwell.api.numbered"


class Page(Schema, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(
        None, description="Pass as ?cursor= for the next page; null on the last page."
    )


class PageParams(BaseModel):
    cursor: str | None = Field(None, max_length=2000, description="From a page's next_cursor.")
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


def bad_cursor() -> ApiError:
    return ApiError(
        400, "invalid_cursor", "That cursor was damaged, out of date or for another list."
    )


def page_request(params: PageParams) -> PageRequest:
    return PageRequest(after=params.cursor or "")


def checked(page: KeysetPage, params: PageParams) -> KeysetPage:
    """`page` if its cursor was good (the site's selectors fall back to page 1 with a
    notice when it was not)."""
    if params.cursor and page.notice:
        raise bad_cursor()
    return page


def page_of(page: KeysetPage, items: list[Any]) -> dict[str, Any]:
    return {"items": items, "next_cursor": page.next_cursor or None}


def numbered_cursor(number: int, *, name: str) -> str:
    """A cursor for lists read by page number (search), bound to the list's name."""
    return signing.dumps({"n": name, "p": number}, salt=NUMBERED_SALT)


def numbered_page(params: Any, *, name: str) -> int:
    if not params.cursor:
        return 1
    try:
        payload = signing.loads(params.cursor, salt=NUMBERED_SALT)
    except (signing.BadSignature, ValueError, UnicodeError):
        raise bad_cursor() from None
    number = payload.get("p") if isinstance(payload, dict) else None
    if payload.get("n") != name or not isinstance(number, int) or number < 1:
        raise bad_cursor()
    return number
