"""Search, with the site's query language (mindwell.search)."""

from __future__ import annotations

import html

from django.http import HttpRequest
from django.utils.html import strip_tags
from ninja import Query, Router
from pydantic import BaseModel, Field

from mindwell.api.auth import READ, READ_SECURITY
from mindwell.api.errors import ApiError, responses
from mindwell.api.pagination import numbered_cursor, numbered_page
from mindwell.api.schemas.build import post_brief
from mindwell.api.schemas.people import SearchPageOut
from mindwell.importers.selectors import attributions_for
from mindwell.search.query import MAX_QUERY_LENGTH
from mindwell.search.selectors import MAX_PAGES, search

router = Router(tags=["search"])


class SearchParams(BaseModel):
    cursor: str | None = Field(None, max_length=2000, description="From a page's next_cursor.")
    q: str = Field(max_length=MAX_QUERY_LENGTH, description='Words, "phrases" and operators.')


@router.get(
    "/search",
    response=responses({200: SearchPageOut}),
    auth=READ,
    openapi_extra=READ_SECURITY,
    summary="Search questions, answers and comments",
)
def search_posts(request: HttpRequest, params: Query[SearchParams]) -> dict:
    number = numbered_page(params, name="search")
    if number > MAX_PAGES:
        raise ApiError(400, "invalid_cursor", "Search results stop here.")
    result = search(text=params.q, page=number, viewer=request.user)
    if result.error:
        fields = [{"field": "q", "message": result.error}]
        raise ApiError(422, "validation_error", result.error, fields=fields)
    attributions = attributions_for(item.post for item in result.results)
    return {
        "items": [
            {
                "post": post_brief(item.post, attributions=attributions),
                "question_title": item.question.title,
                "snippet": ""
                if item.snippet_hidden
                else html.unescape(strip_tags(item.snippet_html)),
                "snippet_hidden": item.snippet_hidden,
            }
            for item in result.results
        ],
        "next_cursor": numbered_cursor(number + 1, name="search") if result.has_next else None,
        "notice": result.notice,
    }
