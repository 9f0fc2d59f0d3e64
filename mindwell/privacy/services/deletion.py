"""Asking for an account to be deleted, and changing one's mind.

The request waits out a grace period (MINDWELL_DELETION_GRACE_DAYS, 14 by default) during
which the member may keep using the site and cancel, from the site or from the link in the
confirmation email (which works without logging in, for someone who cannot any more).
`mindwell run_deletions` then carries it out (mindwell.privacy.services.erasure).
"""

from __future__ import annotations

from typing import Any

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from mindwell.core import ratelimit
from mindwell.core.errors import PermissionDenied, RateLimited, ServiceError
from mindwell.privacy import permissions
from mindwell.privacy.models import DeletionMode, DeletionRequest
from mindwell.privacy.tokens import cancel_token, grace_period, read_cancel_token

PASSWORD_TRIES = 5
PASSWORD_WINDOW_SECONDS = 15 * 60


def check_password(*, user: Any, password: str) -> None:
    """Deleting an account is confirmed with the password, tried at most a few times."""
    if not ratelimit.hit(
        f"privacy-password:{user.pk}", limit=PASSWORD_TRIES, window_seconds=PASSWORD_WINDOW_SECONDS
    ):
        raise RateLimited(
            gettext(
                "Too many wrong passwords. Please wait fifteen minutes and try again; your choice "
                "is kept below."
            )
        )
    if not password or not user.check_password(password):
        raise ServiceError(
            gettext("That password is not right; please type it again."), field="password"
        )


def deletion_request(*, user: Any, mode: str, password: str, site_url: str) -> DeletionRequest:
    """Schedule the member's account for deletion and email them how to cancel.
    `site_url` (scheme and host) makes the email's links absolute."""
    refusal = permissions.deletion_refusal(user)
    if refusal:
        raise PermissionDenied(refusal)
    if mode not in DeletionMode.values:
        raise ServiceError(gettext("Please choose what happens to your posts."), field="mode")
    check_password(user=user, password=password)
    now = timezone.now()
    try:
        with transaction.atomic():
            deletion = DeletionRequest.objects.create(
                user=user, mode=mode, requested_at=now, execute_after=now + grace_period()
            )
    except IntegrityError:
        raise ServiceError(
            gettext("Your account is already due to be deleted; you can cancel that below.")
        ) from None
    email = user.email
    context = {
        "user": user,
        "deletion": deletion,
        "cancel_url": site_url + reverse("privacy:cancel-link", args=[cancel_token(deletion.pk)]),
        "privacy_url": site_url + reverse("privacy:home"),
    }
    if email:
        body = render_to_string("privacy/email/deletion_requested.txt", context)
        transaction.on_commit(
            lambda: send_mail(
                "Your account is due to be deleted", body, None, [email], fail_silently=False
            )
        )
    return deletion


def deletion_cancel(*, deletion: DeletionRequest) -> DeletionRequest:
    with transaction.atomic():
        deletion = DeletionRequest.objects.select_for_update().get(pk=deletion.pk)
        if deletion.executed_at is not None:
            raise ServiceError(
                gettext("This account has already been deleted; it cannot be brought back.")
            )
        if deletion.cancelled_at is None:
            deletion.cancelled_at = timezone.now()
            deletion.save(update_fields=["cancelled_at"])
    return deletion


def deletion_for_cancel_link(token: str) -> DeletionRequest:
    """The deletion request a cancel link is for, or a clear refusal."""
    deletion_id = read_cancel_token(token)
    deletion = (
        DeletionRequest.objects.filter(pk=deletion_id).first() if deletion_id is not None else None
    )
    if deletion is None:
        raise ServiceError(
            gettext(
                "This link is not valid (it may be incomplete). Please copy the whole link from "
                "the email, or log in and cancel from your privacy page."
            )
        )
    return deletion
