from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Schema
from pydantic import Field

from mindwell.api.schemas.common import AttributionOut, AuthorOut, CategoryRef, MemberRef
from mindwell.moderation.models import FlagReason, HarmfulAdviceKind
from mindwell.qa.models import ContentWarning

Status = Literal["published", "queued", "hidden", "deleted"]


class QuestionSummary(Schema):
    id: int
    title: str
    url: str
    status: Status
    author: AuthorOut
    category: CategoryRef | None
    tags: list[str]
    score: int
    answer_count: int
    comment_count: int
    view_count: int
    has_best_answer: bool
    is_closed: bool
    content_warning: str
    created_at: datetime
    activity_at: datetime
    attribution: AttributionOut | None = Field(description="Imported posts only.")


class PostOut(Schema):
    id: int
    kind: Literal["question", "answer", "comment"]
    question_id: int
    parent_id: int | None
    url: str
    status: Status
    author: AuthorOut
    title: str = Field("", description="Questions only.")
    body: str = Field(description="Markdown, as written.")
    body_html: str = Field(description="The sanitised HTML the site shows.")
    content_warning: str
    score: int
    created_at: datetime
    edited_at: datetime | None
    edited_by: MemberRef | None
    viewer_vote: int = Field(0, description="Your vote: 1, -1 or 0.")
    attribution: AttributionOut | None = Field(description="Imported posts only.")


class AnswerOut(PostOut):
    is_best: bool
    comments: list[PostOut]


class QuestionDetail(PostOut):
    category: CategoryRef | None
    tags: list[str]
    answer_count: int
    comment_count: int
    view_count: int
    best_answer_id: int | None
    is_closed: bool
    close_reason: str
    comments: list[PostOut]
    answers: list[AnswerOut]


class SupportLine(Schema):
    name: str
    phone: str
    text_line: str
    url: str
    hours: str


class Support(Schema):
    """Shown to the writer of a post that reads as a crisis, as the site shows it."""

    level: Literal["elevated", "crisis"]
    country: str
    lines: list[SupportLine]


class Created(Schema):
    post: PostOut
    status: Literal["published", "queued"]
    message: str
    support: Support | None = None


class QuestionIn(Schema):
    title: str = Field(max_length=1000)
    body: str = Field("", max_length=200_000)
    category: int = Field(description="A category id (see /api/categories).")
    tags: list[str] = Field(default_factory=list, max_length=50)
    content_warning: ContentWarning | Literal[""] = ""
    anonymous: bool = Field(False, description="Post under your pseudonym.")
    notify: bool = False


class AnswerIn(Schema):
    body: str = Field(max_length=200_000)
    content_warning: ContentWarning | Literal[""] = ""
    anonymous: bool = False
    notify: bool = False


class CommentIn(Schema):
    body: str = Field(max_length=200_000)
    anonymous: bool = False
    notify: bool = False


class EditIn(Schema):
    body: str = Field(max_length=200_000)
    title: str | None = Field(None, max_length=1000, description="Questions only.")
    category: int | None = Field(None, description="Questions only.")
    tags: list[str] | None = Field(None, max_length=50, description="Questions only.")
    content_warning: ContentWarning | Literal[""] | None = None
    reason: str = Field("", max_length=200)


class VoteIn(Schema):
    value: Literal["up", "down", "retract"]


class VoteOut(Schema):
    post_id: int
    score: int
    vote: int


class BestAnswerIn(Schema):
    answer_id: int = Field(ge=1, le=2**62)


class BestAnswerOut(Schema):
    question_id: int
    best_answer_id: int | None


class FlagIn(Schema):
    reason: FlagReason
    harmful_kind: HarmfulAdviceKind | Literal[""] = Field(
        "", description="Required when the reason is “harmful”."
    )
    note: str = Field("", max_length=2000)


class FlagOut(Schema):
    post_id: int
    message: str
