"""Who may see and do what with anonymous posts and personal data. Views, templates and
other areas' permission modules ask here."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext

from mindwell.qa.models import Post, PostStatus


def wrote_anonymously(user: Any, post: Post) -> bool:
    """Whether `user` wrote `post` under their pseudonym (at most one query per request)."""
    from mindwell.privacy.selectors import pseudonym_id_of

    if post.pseudonym_id is None or user is None or not user.is_authenticated:
        return False
    return post.pseudonym_id == pseudonym_id_of(user)


def can_see_writer(user: Any) -> bool:
    """Only moderators are told who wrote an anonymous post."""
    from mindwell.qa.permissions import is_moderator

    return is_moderator(user)


def can_post_anonymously(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated)


def can_claim(user: Any, post: Post) -> bool:
    """Whether to offer "I wrote this": on every post without an account (whether or not it
    has an email address, so the offer reveals nothing about the address)."""
    return (
        user is not None
        and user.is_authenticated
        and post.author_id is None
        and post.status != PostStatus.DELETED
        and not wrote_anonymously(user, post)
    )


def deletion_refusal(user: Any) -> str | None:
    """Why the member may not delete their account themselves, or None."""
    if user.is_staff or user.is_superuser:
        return gettext(
            "Moderator and administrator accounts cannot be deleted here: please ask an "
            "administrator to remove your role first, then come back."
        )
    return None
