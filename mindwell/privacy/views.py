"""The member's privacy page: anonymous posts, data export, account deletion, and claiming
a post written without an account."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from mindwell.core.errors import ServiceError
from mindwell.core.ratelimit import client_ip
from mindwell.privacy import permissions
from mindwell.privacy.deletion_notice import note_pending_deletion
from mindwell.privacy.forms import DeletionForm
from mindwell.privacy.selectors import anonymous_posts, pending_deletion, pseudonym_of
from mindwell.privacy.services.claims import SENT_MESSAGE, claim_check, claim_request, post_claim
from mindwell.privacy.services.deletion import (
    deletion_cancel,
    deletion_for_cancel_link,
    deletion_request,
)
from mindwell.privacy.services.export import export_build
from mindwell.privacy.tokens import grace_period
from mindwell.qa.models import Post
from mindwell.qa.views.common import apply_service_error, status_for
from mindwell.qa.views.questions import paginate


def _site_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@login_required
def privacy_home(request: HttpRequest) -> HttpResponse:
    context = {
        "pseudonym": pseudonym_of(user=request.user),
        "page": paginate(request, anonymous_posts(user=request.user)),
        "deletion": pending_deletion(user=request.user),
    }
    return render(request, "privacy/home.html", context)


@login_required
def export(request: HttpRequest) -> HttpResponseBase:
    if request.method != "POST":
        return render(request, "privacy/export.html")
    try:
        archive = export_build(user=request.user, site_url=_site_url(request))
    except ServiceError as error:
        context = {"error": error.message}
        return render(request, "privacy/export.html", context, status=status_for(error))
    name = f"mindwell-data-{request.user.get_username()}-{timezone.localdate():%Y-%m-%d}.zip"
    return FileResponse(archive, as_attachment=True, filename=name, content_type="application/zip")


@login_required
def delete(request: HttpRequest) -> HttpResponse:
    deletion = pending_deletion(user=request.user)
    refusal = permissions.deletion_refusal(request.user)
    form = DeletionForm(request.POST if request.method == "POST" else None)
    status = 403 if request.method == "POST" and refusal else 200
    if request.method == "POST" and deletion is None and refusal is None:
        status = 400
        if form.is_valid():
            try:
                deletion = deletion_request(
                    user=request.user,
                    mode=form.cleaned_data["mode"],
                    password=form.cleaned_data["password"],
                    site_url=_site_url(request),
                )
            except ServiceError as error:
                status = apply_service_error(form, error)
            else:
                note_pending_deletion(request, deletion)
                messages.success(
                    request,
                    gettext(
                        "Your account will be deleted after the grace period. We sent you an email "
                        "with a link to cancel; you can also cancel here until then."
                    ),
                )
                return redirect("privacy:home")
    context = {
        "form": form,
        "deletion": deletion,
        "refusal": refusal,
        "grace_days": grace_period().days,
    }
    return render(request, "privacy/delete.html", context, status=status)


@require_POST
@login_required
def delete_cancel(request: HttpRequest) -> HttpResponse:
    deletion = pending_deletion(user=request.user)
    if deletion is not None:
        deletion_cancel(deletion=deletion)
        messages.success(request, gettext("Your account will not be deleted. Welcome back."))
    note_pending_deletion(request, None)
    return redirect("privacy:home")


def cancel_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the confirmation email: no login needed. Mail scanners open links, so
    opening it only shows a button; the button cancels."""
    try:
        deletion = deletion_for_cancel_link(token)
        if request.method == "POST":
            deletion = deletion_cancel(deletion=deletion)
            if request.user.is_authenticated and request.user.pk == deletion.user_id:
                note_pending_deletion(request, None)
    except ServiceError as error:
        context = {"error": error.message}
        return render(request, "privacy/cancel_link.html", context, status=status_for(error))
    return render(request, "privacy/cancel_link.html", {"deletion": deletion})


@login_required
def claim_request_view(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_object_or_404(
        Post.objects.visible_to(request.user).select_related("question"), pk=pk
    )
    context: dict[str, object] = {"post": post}
    if not permissions.can_claim(request.user, post):
        context["error"] = "This post already belongs to an account, so it cannot be claimed."
        return render(request, "privacy/claim_request.html", context, status=403)
    if request.method != "POST":
        return render(request, "privacy/claim_request.html", context)
    try:
        claim_request(
            user=request.user, post=post, ip=client_ip(request), site_url=_site_url(request)
        )
    except ServiceError as error:
        context["error"] = error.message
        return render(request, "privacy/claim_request.html", context, status=status_for(error))
    context["sent"] = SENT_MESSAGE
    return render(request, "privacy/claim_request.html", context)


@login_required
def claim_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link sent to the post's address. Opening it shows the post and a button (mail
    scanners open links too); the button moves the post."""
    try:
        post = claim_check(user=request.user, token=token)
        if request.method == "POST":
            post = post_claim(user=request.user, token=token)
            messages.success(request, gettext("The post is now in your account."))
            return redirect(post.get_absolute_url())
    except ServiceError as error:
        context = {"error": error.message}
        return render(request, "privacy/claim_confirm.html", context, status=status_for(error))
    return render(request, "privacy/claim_confirm.html", {"post": post})
