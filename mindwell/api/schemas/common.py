from __future__ import annotations

from datetime import datetime

from ninja import Schema
from pydantic import Field


class AuthorOut(Schema):
    """Who wrote a post, as every reader sees it: a member's username, or the name an
    anonymous writer gave (a member posting anonymously shows their pseudonym only)."""

    username: str | None
    display_name: str
    anonymous: bool
    url: str | None


class AttributionOut(Schema):
    """Where an imported post came from: CC BY-SA content keeps its author's name, a link to
    the original and the licence wherever it is shown. Null for posts written here."""

    author_name: str
    source_url: str
    licence: str = Field(description="For example “CC BY-SA 4.0”.")
    licence_url: str


class CategoryRef(Schema):
    id: int
    slug: str
    name: str


class MemberRef(Schema):
    username: str
    url: str


class Message(Schema):
    message: str


class Timestamped(Schema):
    created_at: datetime
