from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Schema
from pydantic import Field

from mindwell.api.schemas.common import AttributionOut, AuthorOut, CategoryRef


class UserOut(Schema):
    """A member's public profile fields: never their email or anything only they see."""

    username: str
    url: str
    points: int
    level: str
    about: str
    location: str
    website: str
    pronouns: str
    joined_at: datetime


class UserDetail(UserOut):
    question_count: int
    answer_count: int
    comment_count: int
    rank: int


class PostBrief(Schema):
    id: int
    kind: Literal["question", "answer", "comment"]
    question_id: int
    title: str
    url: str
    author: AuthorOut
    created_at: datetime
    attribution: AttributionOut | None = Field(description="Imported posts only.")


class ActivityItem(Schema):
    event: Literal["posted", "edited"]
    at: datetime
    post: PostBrief


class UpdateItem(Schema):
    reason: str = Field(description="Why it is here: what you follow that it belongs to.")
    at: datetime
    post: PostBrief


class CategoryOut(CategoryRef):
    parent: str | None
    description: str
    question_count: int
    url: str


class TagOut(Schema):
    name: str
    question_count: int
    url: str


class SearchResult(Schema):
    post: PostBrief
    question_title: str
    snippet: str
    snippet_hidden: bool


class SearchPageOut(Schema):
    items: list[SearchResult]
    next_cursor: str | None
    notice: str


class FollowOut(Schema):
    kind: Literal["question", "user", "tag", "category"]
    key: str
    following: bool
    message: str


class MeOut(UserOut):
    token_scope: Literal["read", "read-write", "session"]


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    scope: Literal["read", "read-write"]
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None
