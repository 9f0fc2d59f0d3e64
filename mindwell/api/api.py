"""The JSON API: one NinjaAPI under /api/, its OpenAPI 3.1 schema at /api/openapi.json and
its docs page at /api/docs, served from this site's own static files (django-ninja ships
Swagger UI, used because "ninja" is an installed app), so the page loads nothing from
another host."""

from __future__ import annotations

import functools
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.urls import URLPattern, URLResolver, re_path, reverse
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI, Swagger

from mindwell.api import errors
from mindwell.api.routers import (
    activity,
    follows,
    posts,
    questions,
    search,
    taxonomy,
    tokens,
    users,
)

DESCRIPTION = """Mindwell's questions, answers, comments, members, categories, tags, search
and activity, as JSON. Reads are open, and show what the site shows a visitor (or you, when
you identify yourself). Writes need a member: the site's own pages send their login cookie
and CSRF token; other clients send a personal access token, made on the "API tokens" page
of your account settings, as `Authorization: Bearer <token>`.

Every error is JSON: `{"code": …, "message": …, "fields": […], "retry_after": …}`. Lists
are paged by cursor: pass a page's `next_cursor` as `?cursor=`; it is null on the last page.
"""


class MindwellAPI(NinjaAPI):
    def _get_urls(self) -> list[URLResolver | URLPattern]:
        urls = super()._get_urls()
        for pattern in urls:
            if isinstance(pattern, URLPattern):
                wrapped = _index if pattern.name == "api-root" else pattern.callback
                pattern.callback = _json_405(wrapped)
        # Anything else under /api/ is a JSON 404, not the site's HTML page.
        urls.append(re_path(r"^.*$", _json_404, name="api-not-found"))
        return urls


def _json_405(view: Any) -> Any:
    """Ninja answers a wrong method with a plain-text 405; say it in the API's error shape,
    keeping the Allow header."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if isinstance(response, HttpResponseNotAllowed):
            allowed = response["Allow"]
            response = errors.error_response(
                405,
                "method_not_allowed",
                f"{request.method} is not allowed here; use {allowed}.",
            )
            response["Allow"] = allowed
        return response

    return wrapper


@csrf_exempt
def _index(request: HttpRequest) -> HttpResponse:
    """/api/ itself: where the docs and the schema are (ninja's own answer is a 404 page)."""
    return JsonResponse(
        {
            "name": "Mindwell API",
            "docs": reverse("api:openapi-view"),
            "openapi": reverse("api:openapi-json"),
        }
    )


@csrf_exempt
def _json_404(request: HttpRequest) -> HttpResponse:
    return errors.error_response(404, "not_found", "There is no such API endpoint.")


api = MindwellAPI(
    title="Mindwell API",
    version="1",
    description=DESCRIPTION,
    # The Swagger validator badge would load an image from swagger.io: off.
    docs=Swagger(settings={"validatorUrl": None, "persistAuthorization": False}),
    docs_url="/docs",
    openapi_url="/openapi.json",
    urls_namespace="api",
)
errors.register(api)
for module in (questions, posts, users, taxonomy, search, activity, follows, tokens):
    api.add_router("/", module.router)
