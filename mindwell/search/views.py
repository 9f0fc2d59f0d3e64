from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from mindwell.core import ratelimit
from mindwell.core.ratelimit import client_ip
from mindwell.search.query import MAX_QUERY_LENGTH
from mindwell.search.selectors import search
from mindwell.search.similar import similar_questions

# Suggestions are fetched as someone types (after a pause): generous, but bounded.
SIMILAR_PER_MINUTE = 60


def search_page(request: HttpRequest) -> HttpResponse:
    """GET /search/?q=…&page=…; a malformed query is shown back with what to change."""
    text = request.GET.get("q", "")
    page = search(text=text, page=request.GET.get("page", 1), viewer=request.user)
    context = {"result": page, "q": text, "max_length": MAX_QUERY_LENGTH}
    return render(request, "search/search.html", context, status=400 if page.error else 200)


def similar(request: HttpRequest) -> JsonResponse:
    """GET /search/similar/?title=…: the ask page's suggestions, as JSON."""
    if not ratelimit.hit(
        f"similar:{client_ip(request)}", limit=SIMILAR_PER_MINUTE, window_seconds=60
    ):
        return JsonResponse({"error": "Too many requests; please wait a minute."}, status=429)
    title = request.GET.get("title", "")[:MAX_QUERY_LENGTH]
    questions = similar_questions(title) if len(title.strip()) >= 3 else []
    return JsonResponse({"questions": [question.as_dict() for question in questions]})
