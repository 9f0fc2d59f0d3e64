"""schema.org QAPage JSON-LD for a question page, as search engines read it: the question
(mainEntity) with its accepted answer and the other answers. Only public posts go in, so a
moderator's view of the page never leaks hidden or queued answers into it."""

from __future__ import annotations

import html
import json
from typing import Any

from django.http import HttpRequest
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

from mindwell.qa.models import Post, PostStatus
from mindwell.qa.selectors import Thread
from mindwell.seo.links import absolute_url

# Inside <script> only "</script" or "<!--" could end the element early; escaping every <, >
# and & as JSON \u escapes rules all of them out while the data stays the same JSON.
_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def _plain_text(post: Post) -> str:
    """The post's text as a reader sees it (rendered, tags removed)."""
    return " ".join(html.unescape(strip_tags(post.body_html)).split())


def _person(request: HttpRequest, post: Post) -> dict[str, Any]:
    if post.author_id is not None and post.author is not None:
        return {
            "@type": "Person",
            "name": post.author.username,
            "url": absolute_url(request, post.author.get_absolute_url()),
        }
    # A visitor without an account: the name they chose, nothing that identifies them.
    return {"@type": "Person", "name": post.anon_name or "anonymous"}


def _answer(request: HttpRequest, answer: Post, question_url: str) -> dict[str, Any]:
    return {
        "@type": "Answer",
        "text": _plain_text(answer),
        "upvoteCount": answer.score,
        "url": f"{question_url}#{answer.anchor}",
        "dateCreated": answer.created_at.isoformat(),
        "datePublished": answer.created_at.isoformat(),
        "author": _person(request, answer),
    }


def qa_page(request: HttpRequest, thread: Thread) -> dict[str, Any] | None:
    """The QAPage object, or None when the page should carry none: a question that is not
    public, or one without public answers (QAPage needs at least one answer)."""
    question = thread.question
    if question.status != PostStatus.PUBLISHED:
        return None
    answers = [answer for answer in thread.answers if answer.status == PostStatus.PUBLISHED]
    if not answers:
        return None
    url = absolute_url(request, question.get_absolute_url())
    main: dict[str, Any] = {
        "@type": "Question",
        "name": question.title,
        "text": _plain_text(question) or question.title,
        "answerCount": len(answers),
        "upvoteCount": question.score,
        "dateCreated": question.created_at.isoformat(),
        "datePublished": question.created_at.isoformat(),
        "author": _person(request, question),
        "url": url,
    }
    accepted = [answer for answer in answers if answer.pk == question.best_answer_id]
    others = [answer for answer in answers if answer.pk != question.best_answer_id]
    if accepted:
        main["acceptedAnswer"] = _answer(request, accepted[0], url)
    if others:
        main["suggestedAnswer"] = [_answer(request, answer, url) for answer in others]
    return {"@context": "https://schema.org", "@type": "QAPage", "mainEntity": main}


def json_ld_script(data: dict[str, Any] | None) -> SafeString:
    """`data` in a <script type="application/ld+json"> element that no text can break out
    of (see _SCRIPT_ESCAPES)."""
    if data is None:
        return mark_safe("")  # noqa: S308 - a constant
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = payload.translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308
