"""Shared pieces of the search tests: they run unchanged on SQLite and on PostgreSQL, so
they assert what both backends promise (which posts match, which ranks first), never a
backend's exact scores or snippet boundaries."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.utils import timezone

from mindwell.core.markdown import render_markdown
from mindwell.qa.models import Post, PostKind, PostStatus
from mindwell.search.selectors import search
from tests.factories import category

HERE = Path(__file__).resolve().parent


def found(text: str, **kwargs: Any) -> list[int]:
    """The ids of the posts a search finds, in order (first page)."""
    page = search(text=text, **kwargs)
    assert not page.error, page.error
    return [result.post.pk for result in page.results]


def load_jsonl(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (HERE / name).read_text("utf-8").splitlines() if line]


def bulk_questions(rows: list[dict[str, Any]]) -> dict[Any, Post]:
    """Questions written straight to the table (fast, as a data import would), keyed by
    each row's "id". They are not indexed: call search_index_rebuild() afterwards."""
    now = timezone.now()
    cat = category()
    posts = [
        Post(
            kind=PostKind.QUESTION,
            status=PostStatus.PUBLISHED,
            title=row["title"],
            body=row["body"],
            body_html=render_markdown(row["body"]),
            category=cat,
            created_at=now - timedelta(minutes=i),
            activity_at=now - timedelta(minutes=i),
        )
        for i, row in enumerate(rows)
    ]
    Post.objects.bulk_create(posts)
    created = {row["id"]: post for row, post in zip(rows, posts, strict=True)}
    for post in posts:
        Post.objects.filter(pk=post.pk).update(question=post)
    return created
