"""Changing one's profile: the words about oneself, and the picture.

Profile text is public, so it passes the same checks as posts: a restricted (silenced,
suspended or blocked) member cannot change it, and watched words whose action is "block" are
refused, others censored.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from mindwell.accounts import avatars
from mindwell.accounts.models import User
from mindwell.core.errors import ServiceError
from mindwell.moderation import watched_words
from mindwell.moderation.models import WatchedWordAction
from mindwell.moderation.screening import check_not_restricted
from mindwell.qa.validation import clean_text
from mindwell.siteconfig.models import SiteSettings

# (field, label, most characters)
TEXT_FIELDS = (
    ("about", "About you", 2000),
    ("location", "Location", 100),
    ("pronouns", "Pronouns", 40),
)
WEBSITE_MAX_LENGTH = 200
_website_validator = URLValidator(schemes=["http", "https"])


def _checked_text(name: str, label: str, maximum: int, value: str) -> str:
    text = clean_text(value)
    if name != "about":
        text = " ".join(text.split())  # one line: no line breaks in a location
    if len(text) > maximum:
        raise ServiceError(
            f"{label} is too long: {len(text):,} characters, the most is {maximum:,}.",
            field=name,
        )
    words = watched_words.current()
    found = words.find(WatchedWordAction.BLOCK, text)
    if found:
        listed = ", ".join(f"“{word}”" for word in found)
        raise ServiceError(
            f"{label} contains {listed}, which this forum does not allow. Please change it; "
            "your text is kept.",
            field=name,
        )
    return words.censor(text)


def _checked_website(value: str) -> str:
    website = clean_text(value)
    if not website:
        return ""
    if len(website) > WEBSITE_MAX_LENGTH:
        raise ServiceError(
            f"The website address is too long; the most is {WEBSITE_MAX_LENGTH} characters.",
            field="website",
        )
    try:
        _website_validator(website)
    except ValidationError:
        raise ServiceError(
            gettext("Please give a full website address starting with https:// or http://."),
            field="website",
        ) from None
    return website


def profile_update(
    *,
    user: User,
    about: str,
    location: str,
    website: str,
    pronouns: str,
    accepts_messages: bool,
    show_wall: bool,
) -> User:
    check_not_restricted(user)
    values: dict[str, Any] = {
        name: _checked_text(name, label, maximum, value)
        for (name, label, maximum), value in zip(
            TEXT_FIELDS, (about, location, pronouns), strict=True
        )
    }
    values["website"] = _checked_website(website)
    values["accepts_messages"] = bool(accepts_messages)
    values["show_wall"] = bool(show_wall)
    with transaction.atomic():
        for name, value in values.items():
            setattr(user, name, value)
        user.full_clean(exclude=[f.name for f in User._meta.fields if f.name not in values])
        user.save(update_fields=list(values))
    return user


def avatar_set(*, user: User, upload: Any) -> User:
    """Replace the member's picture with `upload` (checked and re-encoded by
    mindwell.accounts.avatars); the old files are deleted once the change is committed."""
    check_not_restricted(user)
    max_bytes = SiteSettings.current().avatar_max_kb * 1024
    processed = avatars.process_avatar(avatars.read_upload(upload, max_bytes=max_bytes))
    large, small = avatars.avatar_files_store(processed)
    try:
        with transaction.atomic():
            locked = User.objects.select_for_update().get(pk=user.pk)
            old = [locked.avatar.name, locked.avatar_small.name]
            user.avatar, user.avatar_small = large, small  # type: ignore[assignment]
            user.avatar_updated_at = timezone.now()
            user.save(update_fields=["avatar", "avatar_small", "avatar_updated_at"])
            transaction.on_commit(lambda: avatars.avatar_files_delete(old))
    except BaseException:
        avatars.avatar_files_delete([large, small])
        raise
    return user


def avatar_remove(*, user: User) -> User:
    """Back to the picture made from the name."""
    if not user.avatar:
        raise ServiceError(gettext("You have no picture to remove."))
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        old = [locked.avatar.name, locked.avatar_small.name]
        user.avatar = user.avatar_small = ""  # type: ignore[assignment]
        user.avatar_updated_at = timezone.now()
        user.save(update_fields=["avatar", "avatar_small", "avatar_updated_at"])
        transaction.on_commit(lambda: avatars.avatar_files_delete(old))
    return user
