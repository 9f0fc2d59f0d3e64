"""Question lists (the site's sorts and filters), one question with its thread, asking and
answering."""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from ninja import Query, Router, Status
from pydantic import Field

from mindwell.api.auth import READ, READ_SECURITY, WRITE
from mindwell.api.errors import not_found, responses
from mindwell.api.pagination import Page, PageParams, checked, page_of, page_request
from mindwell.api.routers.common import MAX_ID, created, list_filters, poster, visible_post
from mindwell.api.schemas.build import question_detail, question_summary
from mindwell.api.schemas.posts import (
    AnswerIn,
    Created,
    QuestionDetail,
    QuestionIn,
    QuestionSummary,
)
from mindwell.importers.selectors import attributions_for
from mindwell.qa.models import PostKind
from mindwell.qa.selectors import question_page, question_thread
from mindwell.qa.services import answer_create, question_create
from mindwell.safety.warnings import hidden_warnings_for

router = Router(tags=["questions"])

Sort = Literal["recent", "active", "hot", "votes", "answers", "views", "unanswered"]


class ListParams(PageParams):
    sort: Sort = "recent"
    unanswered: Literal["no-answer", "no-best", "no-upvoted"] = Field(
        "no-answer", description="Which unanswered questions, with sort=unanswered."
    )
    category: str | None = Field(
        None, max_length=80, description="A category slug; its sub-categories are included."
    )
    tag: str | None = Field(None, max_length=40, description="A tag name.")


@router.get(
    "/questions",
    response=responses({200: Page[QuestionSummary]}),
    auth=READ,
    openapi_extra=READ_SECURITY,
    summary="List questions",
)
def question_list(request: HttpRequest, params: Query[ListParams]) -> dict:
    category, tag = list_filters(category_slug=params.category, tag_name=params.tag)
    page = question_page(
        viewer=request.user,
        page=page_request(params),
        sort=params.sort,
        category=category,
        tag=tag,
        hide_warnings=hidden_warnings_for(request.user),
        unanswered=params.unanswered,
        per_page=params.limit,
    )
    checked(page, params)
    attributions = attributions_for(page.items)
    return page_of(page, [question_summary(q, attributions=attributions) for q in page.items])


@router.get(
    "/questions/{question_id}",
    response=responses({200: QuestionDetail}),
    auth=READ,
    openapi_extra=READ_SECURITY,
    summary="A question with its answers and comments",
)
def question_get(request: HttpRequest, question_id: int) -> dict:
    thread = None
    if 0 < question_id < MAX_ID:  # beyond a bigint no row can match, and the database says so
        thread = question_thread(question_id=question_id, viewer=request.user)
    if thread is None:
        raise not_found("There is no such question, or you may not see it.")
    return question_detail(thread)


@router.post(
    "/questions",
    response=responses({201: Created}, write=True),
    auth=WRITE,
    summary="Ask a question",
)
def question_ask(request: HttpRequest, payload: QuestionIn) -> Status:
    question = question_create(
        poster=poster(request, anonymous=payload.anonymous, notify=payload.notify),
        title=payload.title,
        body=payload.body,
        category_id=payload.category,
        tags=payload.tags,
        content_warning=payload.content_warning or "",
    )
    return Status(201, created(question, user=request.user, success="Your question is posted."))


@router.post(
    "/questions/{question_id}/answers",
    response=responses({201: Created}, write=True),
    auth=WRITE,
    summary="Answer a question",
)
def question_answer(request: HttpRequest, question_id: int, payload: AnswerIn) -> Status:
    question = visible_post(request, question_id, kinds=(PostKind.QUESTION,))
    answer = answer_create(
        poster=poster(request, anonymous=payload.anonymous, notify=payload.notify),
        question=question,
        body=payload.body,
        content_warning=payload.content_warning or "",
    )
    return Status(
        201, created(answer, user=request.user, success="Thank you — your answer is posted.")
    )
