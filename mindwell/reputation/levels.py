"""User levels, as Question2Answer has them, and the one service that changes them.

A member's level is stored on `User.level` (site-wide) and, per category, in `CategoryLevel`:
an Expert in "Anxiety" is an Expert for posts in Anxiety and its sub-categories (see
`mindwell.reputation.policy.effective_level`).

The level is the truth about roles. Django's own flags follow it, so the admin site and
`Post.objects.visible_to` keep working: `is_staff` for Moderator and above (moderators can use
the admin for what it lets them), `is_superuser` for Super Administrator only. `User.save()`
keeps them in step; accounts made with the flags but no level (`createsuperuser`, old rows)
are first raised to the level the flags imply, so no one loses a role by saving.

Changing a level goes through `level_set`, which checks the actor may grant it and writes an
audit-log entry. There is no audit action for levels, so it is logged as a "settings" change
whose detail says {"level": ..., "previous": ..., "category": ...}.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext, gettext_lazy


class Level(models.IntegerChoices):
    """Question2Answer's values, so imported data and its documentation line up."""

    REGISTERED = 0, gettext_lazy("Registered")
    APPROVED = 10, gettext_lazy("Approved")
    EXPERT = 20, gettext_lazy("Expert")
    EDITOR = 50, gettext_lazy("Editor")
    MODERATOR = 80, gettext_lazy("Moderator")
    ADMINISTRATOR = 100, gettext_lazy("Administrator")
    SUPER_ADMINISTRATOR = 120, gettext_lazy("Super Administrator")


# A category grant makes someone an expert, editor or moderator of that part of the forum;
# administering the site is not something one does for one category.
CATEGORY_LEVELS = (Level.APPROVED, Level.EXPERT, Level.EDITOR, Level.MODERATOR)

_PLURALS = {
    Level.MODERATOR: "moderators",
    Level.ADMINISTRATOR: "administrators",
    Level.SUPER_ADMINISTRATOR: "super administrators",
}


def level_label(level: int) -> str:
    try:
        return str(Level(level).label)
    except ValueError:
        return str(level)


def holders(level: int) -> str:
    """Who holds a level and everything above it, as a refusal would say it: "moderators",
    "members with the Expert level or above"."""
    try:
        plural = _PLURALS.get(Level(level))
    except ValueError:
        plural = None
    return plural or gettext("members with the %(level_label)s level or above") % {
        "level_label": level_label(level)
    }


def staff_flags(level: int) -> dict[str, bool]:
    return {
        "is_staff": level >= Level.MODERATOR,
        "is_superuser": level >= Level.SUPER_ADMINISTRATOR,
    }


def level_from_flags(*, is_staff: bool, is_superuser: bool) -> int:
    if is_superuser:
        return int(Level.SUPER_ADMINISTRATOR)
    if is_staff:
        return int(Level.MODERATOR)
    return int(Level.REGISTERED)


def grant_refusal(*, actor: Any, member: Any, level: int, category: Any = None) -> str | None:
    """Why `actor` may not give `member` `level` (site-wide, or in `category`), or None.

    Only a higher level may grant, and only over someone below them: an Administrator can make
    moderators but not other administrators; a Super Administrator can grant anything."""
    from mindwell.reputation import policy
    from mindwell.reputation.models import Action

    refusal = policy.refusal(actor, Action.MANAGE_LEVELS)
    if refusal:
        return refusal
    if level not in Level.values:
        return gettext("Please choose one of the levels.")
    if category is not None and level not in (Level.REGISTERED, *CATEGORY_LEVELS):
        return gettext("A category level can be Approved, Expert, Editor or Moderator.")
    if member.pk == actor.pk:
        return gettext("You cannot change your own level; ask another administrator.")
    own = int(actor.level)
    if own >= Level.SUPER_ADMINISTRATOR:
        return None
    if int(member.level) >= own:
        return gettext(
            "%(username)s is a %(level_label)s, as high as you or higher, so only "
            "a super administrator can change their level."
        ) % {"username": member.username, "level_label": level_label(member.level)}
    if level >= own:
        return gettext("You can grant levels below your own (%(level_label)s) only.") % {
            "level_label": level_label(own)
        }
    return None


def level_set(
    *, user: Any, level: int, by: Any, category: Any = None, reason: str = ""
) -> dict[str, Any]:
    """Give `user` `level` site-wide, or in `category` (Registered there removes the grant).
    Checks `by` may, writes one audit entry, and returns its detail."""
    from django.db import transaction

    from mindwell.core.errors import PermissionDenied, ServiceError
    from mindwell.moderation.models import AuditAction
    from mindwell.moderation.services.audit import audit_write
    from mindwell.qa.validation import clean_text
    from mindwell.reputation.models import CategoryLevel

    level = int(level)
    refusal = grant_refusal(actor=by, member=user, level=level, category=category)
    if refusal:
        raise PermissionDenied(refusal)
    with transaction.atomic():
        # The row lock keeps two administrators from interleaving changes to one member.
        user = type(user).objects.select_for_update().get(pk=user.pk)
        if category is None:
            previous = int(user.level)
            if previous == level:
                raise ServiceError(
                    gettext("%(username)s is already %(level_label)s.")
                    % {"username": user.username, "level_label": level_label(level)}
                )
            user.set_level(level)
            user.save(update_fields=["level", "is_staff", "is_superuser"])
        else:
            grant = CategoryLevel.objects.filter(user=user, category=category).first()
            previous = grant.level if grant else int(Level.REGISTERED)
            if previous == level:
                raise ServiceError(
                    gettext("%(username)s already has that level in %(name)s.")
                    % {"username": user.username, "name": category.name},
                    field="category_level",
                )
            if level == Level.REGISTERED:
                CategoryLevel.objects.filter(user=user, category=category).delete()
            else:
                CategoryLevel.objects.update_or_create(
                    user=user, category=category, defaults={"level": level}
                )
        detail: dict[str, Any] = {
            "level": level,
            "level_name": level_label(level),
            "previous": previous,
            "category": category.slug if category is not None else None,
        }
        audit_write(
            actor=by,
            action=AuditAction.SETTINGS,
            target_user=user,
            reason=clean_text(reason),
            detail=detail,
        )
    return detail
