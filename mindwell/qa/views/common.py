from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from mindwell.core.errors import PermissionDenied, RateLimited, ServiceError
from mindwell.core.ratelimit import client_ip
from mindwell.qa.models import Post
from mindwell.qa.services.common import DuplicateSubmission, Poster


def poster_from(request: HttpRequest, form: Form) -> Poster:
    data: dict[str, Any] = form.cleaned_data
    return Poster(
        user=request.user if request.user.is_authenticated else None,
        name=data.get("anon_name", ""),
        email=data.get("anon_email", ""),
        notify=bool(data.get("notify")),
        ip=client_ip(request),
    )


def apply_service_error(form: Form, error: ServiceError) -> int:
    """Show a service's refusal on the form, next to the field it is about, and return the
    HTTP status that says what kind of refusal it was."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)
    return status_for(error)


def status_for(error: ServiceError) -> int:
    if isinstance(error, RateLimited):
        return 429
    if isinstance(error, PermissionDenied):
        return 403
    return 400


def refuse_keeping_text(form: Form, message: str) -> int:
    """The person may not post (logged out meanwhile, say): say so on the form, which still
    holds everything they typed."""
    form.is_valid()
    form.add_error(None, f"{message} Your text is kept below, so nothing is lost.")
    return 403


def duplicate_redirect(request: HttpRequest, error: DuplicateSubmission) -> HttpResponse:
    messages.info(request, error.message)
    return HttpResponseRedirect(error.post.get_absolute_url())


def submit_post(
    request: HttpRequest, form: Form, create: Callable[[], Post], *, success: str
) -> HttpResponse | int:
    """Call a post service for a valid form. On success (or a repeated submission) return the
    redirect to the post; on refusal, show why on the form and return the HTTP status."""
    try:
        post = create()
    except DuplicateSubmission as error:
        return duplicate_redirect(request, error)
    except ServiceError as error:
        return apply_service_error(form, error)
    messages.success(request, success)
    return HttpResponseRedirect(post.get_absolute_url())


def wants_json(request: HttpRequest) -> bool:
    return request.headers.get("x-requested-with") == "fetch"
