"""Question lists and the activity stream. Every list is keyset-paginated (page links carry
a signed cursor), so a deep page costs what the first one does."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext, gettext_lazy

from mindwell.qa.pagination import KeysetPage, PageRequest
from mindwell.qa.selectors import SORTS, UNANSWERED_KINDS, activity_page, question_page
from mindwell.safety.warnings import hidden_warnings_for
from mindwell.taxonomy.models import Category, Tag

SORT_LABELS = {
    "recent": gettext_lazy("Recent"),
    "hot": gettext_lazy("Hot"),
    "active": gettext_lazy("Active"),
    "votes": gettext_lazy("Most votes"),
    "answers": gettext_lazy("Most answers"),
    "views": gettext_lazy("Most views"),
    "unanswered": gettext_lazy("Unanswered"),
}

HEADINGS = {
    "recent": gettext_lazy("Recent questions"),
    "hot": gettext_lazy("Hot questions"),
    "active": gettext_lazy("Recently active questions"),
    "votes": gettext_lazy("Questions with the most votes"),
    "answers": gettext_lazy("Questions with the most answers"),
    "views": gettext_lazy("Most viewed questions"),
    "unanswered": gettext_lazy("Unanswered questions"),
}


def _tell(request: HttpRequest, page: KeysetPage) -> None:
    if page.notice:
        messages.info(request, page.notice)


def question_list_context(
    request: HttpRequest, *, category: Category | None = None, tag: Tag | None = None
) -> dict[str, Any]:
    """What `qa/_question_list.html` needs, for any list page (home, category, tag)."""
    sort = request.GET.get("sort", "recent")
    sort = sort if sort in SORTS else "recent"
    unanswered = request.GET.get("kind", "no-answer")
    unanswered = unanswered if unanswered in UNANSWERED_KINDS else "no-answer"
    page = question_page(
        viewer=request.user,
        page=PageRequest.from_query(request.GET),
        sort=sort,
        category=category,
        tag=tag,
        hide_warnings=hidden_warnings_for(request.user),
        unanswered=unanswered,
    )
    _tell(request, page)
    return {
        "page": page,
        "sort": sort,
        "sorts": SORT_LABELS,
        "unanswered": unanswered,
        "unanswered_kinds": UNANSWERED_KINDS,
        "heading": HEADINGS[sort],
    }


def _filters(request: HttpRequest) -> dict[str, Any]:
    """The optional ?category= (slug, sub-categories included) and ?tag= (name) filters;
    an unknown one is dropped with a message rather than emptying the list."""
    categories = list(Category.objects.order_by("position", "name"))
    slug = request.GET.get("category", "").strip()
    category = next((c for c in categories if c.slug == slug), None)
    if slug and category is None:
        messages.info(request, gettext("There is no category with that name, so all are shown."))
    name = request.GET.get("tag", "").strip().lower()[:40]
    tag = Tag.objects.filter(name=name).first() if name else None
    if name and tag is None:
        messages.info(request, f"No question is tagged “{name}” yet, so all are shown.")
    by_parent: dict[int | None, list[Category]] = {}
    for node in categories:
        by_parent.setdefault(node.parent_id, []).append(node)
    choices = [
        (node, child)
        for top in by_parent.get(None, [])
        for node, child in [(top, False), *((c, True) for c in by_parent.get(top.pk, []))]
    ]
    return {
        "filter_category": category,
        "filter_tag": tag,
        "filter_tag_text": name,
        "category_choices": choices,
    }


def home(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    context = question_list_context(
        request, category=filters["filter_category"], tag=filters["filter_tag"]
    )
    return render(request, "qa/home.html", {**filters, **context})


def activity(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    page = activity_page(
        viewer=request.user,
        page=PageRequest.from_query(request.GET),
        category=filters["filter_category"],
        tag=filters["filter_tag"],
        hide_warnings=hidden_warnings_for(request.user),
    )
    _tell(request, page)
    return render(request, "qa/activity.html", {**filters, "page": page})
