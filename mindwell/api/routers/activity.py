"""Feeds of activity: the site's activity stream, and "My updates" (what a member follows)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router
from pydantic import Field

from mindwell.api.auth import MEMBER, READ, READ_SECURITY
from mindwell.api.errors import responses
from mindwell.api.pagination import Page, PageParams, checked, page_of, page_request
from mindwell.api.routers.common import list_filters
from mindwell.api.schemas.build import post_brief
from mindwell.api.schemas.people import ActivityItem, UpdateItem
from mindwell.follows.selectors import updates_page
from mindwell.importers.selectors import attributions_for
from mindwell.qa.pagination import KeysetPage
from mindwell.qa.selectors import activity_page
from mindwell.safety.warnings import hidden_warnings_for

router = Router(tags=["activity"])


class ActivityParams(PageParams):
    category: str | None = Field(None, max_length=80, description="A category slug.")
    tag: str | None = Field(None, max_length=40, description="A tag name.")


def _items(page: KeysetPage) -> list[dict[str, Any]]:
    attributions = attributions_for(event.post for event in page.items)
    return [
        {
            "event": event.event,
            "at": event.at,
            "post": post_brief(event.post, attributions=attributions),
        }
        for event in page.items
    ]


@router.get(
    "/activity",
    response=responses({200: Page[ActivityItem]}),
    auth=READ,
    openapi_extra=READ_SECURITY,
    summary="Every question, answer and comment as posted and edited, newest first",
)
def activity(request: HttpRequest, params: Query[ActivityParams]) -> dict:
    category, tag = list_filters(category_slug=params.category, tag_name=params.tag)
    page = activity_page(
        viewer=request.user,
        page=page_request(params),
        category=category,
        tag=tag,
        hide_warnings=hidden_warnings_for(request.user),
        per_page=params.limit,
    )
    return page_of(checked(page, params), _items(page))


@router.get(
    "/me/updates",
    response=responses({200: Page[UpdateItem]}),
    auth=MEMBER,
    summary="New activity in what you follow",
)
def my_updates(request: HttpRequest, params: Query[PageParams]) -> dict:
    page = updates_page(user=request.user, page=page_request(params), per_page=params.limit)
    events = checked(page, params).items
    attributions = attributions_for(event.post for event in events)
    items = [
        {
            "reason": event.event,
            "at": event.at,
            "post": post_brief(event.post, attributions=attributions),
        }
        for event in events
    ]
    return page_of(page, items)
