""" "I wrote this": a visitor who posted without an account, leaving an email address, moves
the post into their account by proving they can read that address.

The member asks from the post; a link goes to the post's stored address (never shown, and
the page says the same thing whether or not the post has one); following it while logged in
as the same member moves the post: it becomes theirs, its anonymous name and address are
cleared, and the points it carries move with it.
"""

from __future__ import annotations

from typing import Any

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext

from mindwell.core import ratelimit
from mindwell.core.errors import PermissionDenied, RateLimited, ServiceError
from mindwell.privacy import permissions
from mindwell.privacy.services.points import writer_change_points, writer_points
from mindwell.privacy.tokens import ClaimToken, claim_token, email_digest, read_claim_token
from mindwell.qa.models import Post, PostStatus
from mindwell.reputation.models import EventKind
from mindwell.reputation.rules import current_rules
from mindwell.reputation.services import points_add
from mindwell.votes.models import Vote

REQUESTS_PER_MEMBER_PER_HOUR = 5
REQUESTS_PER_IP_PER_HOUR = 20

SENT_MESSAGE = (
    "If this post was written with an email address you can read, we sent a link to it. "
    "Open the link while logged in to this account to move the post into it. The link works "
    "for three days."
)


def claim_request(*, user: Any, post: Post, ip: str | None, site_url: str) -> None:
    """Send a claim link to the post's address, if it has one. Says nothing either way: the
    caller shows SENT_MESSAGE in every case."""
    if not permissions.can_claim(user, post):
        raise PermissionDenied(gettext("This post cannot be claimed."))
    over_member = not ratelimit.hit(
        f"privacy-claim:{user.pk}",
        limit=REQUESTS_PER_MEMBER_PER_HOUR,
        window_seconds=3600,
    )
    over_ip = bool(ip) and not ratelimit.hit(
        f"privacy-claim-ip:{ip}",
        limit=REQUESTS_PER_IP_PER_HOUR,
        window_seconds=3600,
    )
    if over_member or over_ip:
        raise RateLimited(
            gettext(
                "You have asked for several claim links in the last hour. Please wait an hour and "
                "try again."
            )
        )
    row = Post.objects.filter(pk=post.pk).values("author_id", "pseudonym_id", "anon_email").first()
    if row is None or row["author_id"] is not None or row["pseudonym_id"] is not None:
        return
    email = row["anon_email"]
    if not email:
        return
    token = claim_token(post_id=post.pk, user_id=user.pk, email=email)
    context = {
        "post": post,
        "confirm_url": site_url + reverse("privacy:claim-confirm", args=[token]),
    }
    body = render_to_string("privacy/email/claim_link.txt", context)
    transaction.on_commit(
        lambda: send_mail("Did you write this post?", body, None, [email], fail_silently=False)
    )


def claim_check(*, user: Any, token: str) -> Post:
    """The post a claim link is for, when `user` may claim it now; else a clear refusal."""
    claim = read_claim_token(token)
    if claim is None:
        raise ServiceError(
            gettext(
                "This link is not valid or has expired (links work for three days). Please ask "
                "for a new one from the post."
            )
        )
    if claim.user_id != user.pk:
        raise PermissionDenied(
            gettext(
                "This link was sent for another account. Please log in as the member who asked "
                "for it, then open the link again."
            )
        )
    return _claimable(
        Post.objects.select_related("question").filter(pk=claim.post_id).first(), claim
    )


def _claimable(post: Post | None, claim: ClaimToken) -> Post:
    if post is None or post.status == PostStatus.DELETED:
        raise ServiceError(gettext("This post no longer exists, so it cannot be claimed."))
    if post.author_id is not None or post.pseudonym_id is not None:
        raise ServiceError(gettext("This post already belongs to an account."))
    if not post.anon_email or email_digest(post.anon_email) != claim.digest:
        raise ServiceError(gettext("This post can no longer be claimed with this link."))
    return post


def post_claim(*, user: Any, token: str) -> Post:
    """Move the post a claim link names into `user`'s account."""
    claim_check(user=user, token=token)
    claim = read_claim_token(token)
    assert claim is not None  # claim_check refused every other case
    with transaction.atomic():
        post = _claimable(Post.objects.select_for_update().filter(pk=claim.post_id).first(), claim)
        _withdraw_own_vote(post=post, user=user)
        before = writer_points(post, None)
        post.author_id = user.pk
        post.anon_name = ""
        post.anon_email = ""
        post.save(update_fields=["author", "anon_name", "anon_email"])
        writer_change_points(post=post, before=before, author_id=user.pk)
    return post


def _withdraw_own_vote(*, post: Post, user: Any) -> None:
    """A member may have voted on the post before claiming it; nobody votes on their own
    post, so the vote is withdrawn (with its points, as the vote service would)."""
    vote = Vote.objects.filter(post=post, user=user).first()
    if vote is None:
        return
    if post.status == PostStatus.PUBLISHED:
        points_add(
            user_id=user.pk,
            kind=EventKind.VOTE_CAST,
            points=-current_rules().vote_cast(kind=post.kind, value=vote.value),
            post_id=post.pk,
        )
    post.upvotes -= vote.value == 1
    post.downvotes -= vote.value == -1
    post.score = post.upvotes - post.downvotes
    post.save(update_fields=["upvotes", "downvotes", "score"])
    vote.delete()
