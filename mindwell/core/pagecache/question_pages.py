"""What a question page tells the page cache: whose content it shows, and how to count a
view when a cached copy is served instead of the view running."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.crypto import salted_hmac

from mindwell.core.pagecache import generations

NOTES_ATTRIBUTE = "pagecache_notes"


def _ip_hash(ip: str) -> str:
    # The cache keeps no address, only a keyed hash to recognise the asker's own visits.
    return salted_hmac("mindwell.core.pagecache.ip", ip).hexdigest()[:32]


def note_question(
    request: HttpRequest, *, question: Any, posts: Iterable[Any], related: Iterable[Any] = ()
) -> None:
    """Called by the question view: the page depends on the question, on every member
    named on it (their points and badges show beside their name) and on the titles of the
    related questions it links."""
    users = {
        user_id
        for post in posts
        for user_id in (post.author_id, getattr(post, "edited_by_id", None))
        if user_id
    }
    keys = [generations.question_key(question.pk)]
    keys += [generations.user_key(user_id) for user_id in sorted(users)]
    keys += [generations.question_key(item.id) for item in related]
    setattr(
        request,
        NOTES_ATTRIBUTE,
        {
            "dependencies": keys,
            "question": {
                "pk": question.pk,
                "author_id": question.author_id,
                "author_ip": _ip_hash(question.author_ip) if question.author_ip else "",
            },
        },
    )


def count_cached_view(request: HttpRequest, response: HttpResponse, data: dict[str, Any]) -> None:
    """A cached question page was served: count the view as the view would have."""
    from mindwell.qa.models import Post, PostKind  # noqa: PLC0415 (core stays domain-free)
    from mindwell.qa.services.views_counter import (  # noqa: PLC0415
        Visitor,
        flush_after_response,
        view_record,
    )

    visitor = Visitor.from_request(request)
    own_address = bool(data["author_ip"]) and _ip_hash(visitor.ip) == data["author_ip"]
    stand_in = Post(
        pk=data["pk"],
        kind=PostKind.QUESTION,
        author_id=data["author_id"],
        author_ip=visitor.ip if own_address else None,
    )
    view_record(question=stand_in, visitor=visitor)
    flush_after_response(response)
