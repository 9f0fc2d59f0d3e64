from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.forms import Form
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from mindwell.core.errors import PermissionDenied, RateLimited, ServiceError
from mindwell.core.ratelimit import client_ip
from mindwell.moderation.screening import restriction_message
from mindwell.qa import permissions
from mindwell.qa.models import Post, PostKind, PostStatus
from mindwell.qa.services.common import DuplicateSubmission, Poster


def poster_from(request: HttpRequest, form: Form) -> Poster:
    data: dict[str, Any] = form.cleaned_data
    return Poster(
        user=request.user if request.user.is_authenticated else None,
        name=data.get("anon_name", ""),
        email=data.get("anon_email", ""),
        notify=bool(data.get("notify")),
        ip=client_ip(request),
        anonymous=request.user.is_authenticated and bool(data.get("post_anonymously")),
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


def posting_refusal(request: HttpRequest, default: str, *, kind: str | None = None) -> str:
    """Why this person may not post a `kind` of post: a silenced or suspended member is told
    until when, a member short of a privilege what it needs (the permission policy); a
    visitor gets `default` (asking them to log in or register)."""
    if request.user.is_authenticated:
        refusal = permissions.post_refusal(request.user, kind) if kind else None
        return (
            refusal
            or restriction_message(request.user)
            or "Your account cannot post at the moment."
        )
    return default


def refuse_form_page(
    request: HttpRequest, default: str, *, back: str, kind: str | None = None
) -> HttpResponse:
    """A posting form this person may not open: a visitor is sent to log in; a restricted
    member is told why and sent `back` (the login page would only bounce them here)."""
    if not request.user.is_authenticated:
        messages.info(request, default)
        return redirect_to_login(request.get_full_path())
    messages.error(request, posting_refusal(request, default, kind=kind))
    return HttpResponseRedirect(back)


def duplicate_redirect(request: HttpRequest, error: DuplicateSubmission) -> HttpResponse:
    messages.info(request, error.message)
    return HttpResponseRedirect(landing_url(request, error.post))


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
    if post.status == PostStatus.QUEUED:
        messages.success(request, waiting_message(post))
        return HttpResponseRedirect(landing_url(request, post))
    messages.success(request, success)
    return HttpResponseRedirect(post.get_absolute_url())


def waiting_message(post: Post) -> str:
    return (
        f"Thank you — your {post.get_kind_display()} is waiting for approval by a moderator; "
        "it will appear once approved."
    )


def landing_url(request: HttpRequest, post: Post) -> str:
    """Where to send the writer of a post: the post itself when they can see it (members
    see their own posts waiting for approval), else the question, else the home page."""
    if request.user.is_authenticated or post.status == PostStatus.PUBLISHED:
        return post.get_absolute_url()
    if post.kind != PostKind.QUESTION and post.question_id is not None:
        return reverse("question-detail-short", args=[post.question_id])
    return reverse("home")


def wants_json(request: HttpRequest) -> bool:
    return request.headers.get("x-requested-with") == "fetch"
