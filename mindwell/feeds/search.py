"""The search feed's bridge to the search app (mindwell.search)."""

from __future__ import annotations

from typing import Any

from django.db.models import prefetch_related_objects

from mindwell.feeds.channels import Found
from mindwell.qa.models import PostKind
from mindwell.search.selectors import search


def search_posts(query: str, viewer: Any) -> Found:
    """The first page of results for `query`, best first, as the search page ranks them."""
    page = search(text=query, page=1, viewer=viewer)
    posts = []
    for result in page.results:
        post = result.post
        if post.kind != PostKind.QUESTION:
            post.question = result.question  # the entry needs the thread's title
        posts.append(post)
    # The search loads authors; entries of questions also show their category and tags.
    questions = [post for post in posts if post.kind == PostKind.QUESTION]
    prefetch_related_objects(questions, "category", "tags")
    return Found(posts=tuple(posts), message=page.error or page.notice)
