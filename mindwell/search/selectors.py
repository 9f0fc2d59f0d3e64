"""The search page's read: a query in, one page of results out, in a fixed number of queries
(the operators' name look-ups, the search, and the posts of the page)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString

from mindwell.qa.models import Post, PostKind
from mindwell.safety.warnings import hidden_warnings_for
from mindwell.search.backends import Hit, get_backend
from mindwell.search.backends.base import MAX_RESULTS
from mindwell.search.filters import NoSuchName, resolve_filters
from mindwell.search.query import ParsedQuery, QueryError, parse_query
from mindwell.search.text import excerpt, marked, post_plain_body

PAGE_SIZE = 20
# Results stop after this many pages: deeper pages of a full-text search help nobody, and
# the backends bound their work by what the pages can show (see backends.base).
MAX_PAGES = MAX_RESULTS // PAGE_SIZE


@dataclass(frozen=True)
class Result:
    post: Post
    question: Post
    title_html: SafeString
    snippet_html: SafeString
    # A content warning the viewer keeps collapsed: the snippet is not shown.
    snippet_hidden: bool = False

    @property
    def url(self) -> str:
        return self.post.get_absolute_url()

    @property
    def kind_label(self) -> str:
        return str(self.post.get_kind_display())


@dataclass
class SearchPage:
    text: str
    results: list[Result] = field(default_factory=list)
    page: int = 1
    has_next: bool = False
    error: str = ""  # a malformed query, said so the person can fix it
    notice: str = ""  # a well-formed query that cannot match (an unknown category, say)
    searched: bool = False

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def first_number(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1

    @property
    def last_number(self) -> int:
        return self.first_number + len(self.results) - 1


def page_number(raw: Any) -> int:
    try:
        number = int(str(raw))
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGES)


def search(*, text: str, page: int | str = 1, viewer: Any = None) -> SearchPage:
    """One page of results for what was typed. Only published posts in published threads
    are ever found (the index holds nothing else), whoever is searching."""
    result = SearchPage(text=text, page=page_number(page))
    try:
        query = parse_query(text)
    except QueryError as error:
        result.error = error.message
        return result
    if query.is_empty:
        return result
    result.searched = True
    if not query.has_text and query.has_exclusions:
        result.error = "Please add a word to look for, as well as the words to leave out."
        return result
    try:
        filters = resolve_filters(query)
    except NoSuchName as missing:
        result.notice = missing.message
        return result
    backend = get_backend()
    offset = (result.page - 1) * PAGE_SIZE
    hits: list[Hit]
    if query.has_text or filters.facet_groups:
        hits = backend.search(query, filters, offset=offset, limit=PAGE_SIZE + 1)
    else:  # only operators the index does not hold (is:, answers:, score:, hasbest:)
        ids = backend.filtered(filters, offset=offset, limit=PAGE_SIZE + 1)
        hits = [Hit(pk, "", "") for pk in ids]
    result.has_next = len(hits) > PAGE_SIZE and result.page < MAX_PAGES
    result.results = _results(hits[:PAGE_SIZE], query, viewer)
    return result


def _results(hits: list[Hit], query: ParsedQuery, viewer: Any) -> list[Result]:
    posts = Post.objects.select_related("author", "question__category").in_bulk(
        [hit.post_id for hit in hits]
    )
    hidden = set(hidden_warnings_for(viewer))
    results = []
    for hit in hits:
        post = posts.get(hit.post_id)
        if post is None:  # deleted from the table since the search ran
            continue
        question = post.question or post
        if post.kind == PostKind.QUESTION and hit.title:
            title = marked(hit.title)
        else:
            title = SafeString(escape(question.title))
        snippet = marked(hit.snippet) if hit.snippet else _plain_snippet(post)
        results.append(
            Result(
                post=post,
                question=question,
                title_html=title,
                snippet_html=snippet,
                snippet_hidden=bool({post.content_warning, question.content_warning} & hidden),
            )
        )
    return results


def _plain_snippet(post: Post) -> SafeString:
    return SafeString(escape(excerpt(post_plain_body(post.body_html, post.body))))
