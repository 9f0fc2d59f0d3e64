"""Shared helpers for the list tests (tests/qa/test_lists_*.py)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from mindwell.qa.hot import hot_refresh
from mindwell.qa.models import Post
from mindwell.qa.pagination import KeysetPage, PageRequest
from mindwell.qa.selectors import question_page


def update(post: Post, *, hours_ago: float | None = None, **fields: Any) -> Post:
    """Set stored columns directly (counts, dates), keeping the stored hot score right."""
    if hours_ago is not None:
        fields["created_at"] = timezone.now() - timedelta(hours=hours_ago)
    Post.objects.filter(pk=post.pk).update(**fields)
    hot_refresh(question_ids=[post.question_id or post.pk])
    post.refresh_from_db()
    return post


def ids(page: KeysetPage) -> list[int]:
    return [row.pk for row in page.items]


def walk(per_page: int = 2, viewer: Any = None, **filters: Any) -> list[list[int]]:
    """Every page of a question list, following the Next cursors."""
    pages = []
    page = question_page(viewer=viewer, page=PageRequest(), per_page=per_page, **filters)
    pages.append(ids(page))
    while page.next_cursor:
        request = PageRequest(after=page.next_cursor)
        page = question_page(viewer=viewer, page=request, per_page=per_page, **filters)
        pages.append(ids(page))
        assert len(pages) < 500, "the cursors go round in circles"
    return pages


def flat(pages: list[list[int]]) -> list[int]:
    return [pk for page in pages for pk in page]


def queries_of(client: Any, url: str) -> list[str]:
    """The SQL of one page load. Django clears its query log when a request starts, so the
    log is read right after the request (a capture opened before it can miss queries)."""
    from django.db import connection

    connection.force_debug_cursor = True
    try:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return [query["sql"] for query in connection.queries]
    finally:
        connection.force_debug_cursor = False
