"""Which writes move which generations.

Model signals rather than calls in each service: every path that saves a post (services,
moderation actions, the admin, importers that save) is covered without each one having to
remember, and the bump waits for the commit (generations.bump). Writes done with
`QuerySet.update()` send no signal; the services using it also save a post of the same
thread in the same transaction (a vote saves its post's score, a merge saves the
duplicate, whose `duplicate_of` names the target), so the thread's page still moves. Bulk
loaders (`bulk_create`) should call `invalidate_site()` when they finish.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from mindwell.core.pagecache.generations import (
    invalidate_question,
    invalidate_site,
    invalidate_user,
)

# Shown on every page or on pages of any question: names, rules, categories, crisis lines.
SITE_MODELS = (
    "siteconfig.SiteSettings",
    "siteconfig.Page",
    "taxonomy.Category",
    "taxonomy.Tag",
    "safety.CrisisResource",
    "privacy.Pseudonym",
    "reputation.PermissionRule",
    "reputation.CategoryLevel",
)
# A member's saves that change nothing shown on a page.
QUIET_USER_FIELDS = frozenset({"last_login", "password"})


def _post_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    question_id = instance.question_id or instance.pk
    invalidate_question(question_id)
    if getattr(instance, "duplicate_of_id", None):
        invalidate_question(instance.duplicate_of_id)  # a merge moved replies there
    if instance.author_id:
        invalidate_user(instance.author_id)  # their profile's and lists' counts


def _post_tags_changed(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    if action.startswith("post_"):
        invalidate_question(getattr(instance, "question_id", None) or instance.pk)


def _points_event(sender: Any, instance: Any, **kwargs: Any) -> None:
    invalidate_user(instance.user_id)


def _user_changed(sender: Any, instance: Any, update_fields: Any = None, **kwargs: Any) -> None:
    if update_fields and set(update_fields) <= QUIET_USER_FIELDS:
        return
    invalidate_user(instance.pk)


def _member_badge_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    invalidate_user(instance.user_id)


def _site_changed(sender: Any, **kwargs: Any) -> None:
    invalidate_site()


def connect() -> None:
    """Called once, from CoreConfig.ready()."""
    uid = "mindwell.core.pagecache"
    post = apps.get_model("qa", "Post")
    post_save.connect(_post_changed, sender=post, dispatch_uid=f"{uid}.post.save")
    post_delete.connect(_post_changed, sender=post, dispatch_uid=f"{uid}.post.delete")
    m2m_changed.connect(_post_tags_changed, sender=post.tags.through, dispatch_uid=f"{uid}.tags")
    post_save.connect(
        _points_event, sender=apps.get_model("reputation", "PointsEvent"), dispatch_uid=f"{uid}.pts"
    )
    user = apps.get_model("accounts", "User")
    post_save.connect(_user_changed, sender=user, dispatch_uid=f"{uid}.user")
    post_delete.connect(_user_changed, sender=user, dispatch_uid=f"{uid}.user.delete")
    badge = apps.get_model("professionals", "ProfessionalStatus")
    post_save.connect(_member_badge_changed, sender=badge, dispatch_uid=f"{uid}.pro")
    post_delete.connect(_member_badge_changed, sender=badge, dispatch_uid=f"{uid}.pro.delete")
    for label in SITE_MODELS:
        model = apps.get_model(label)
        post_save.connect(_site_changed, sender=model, dispatch_uid=f"{uid}.{label}.save")
        post_delete.connect(_site_changed, sender=model, dispatch_uid=f"{uid}.{label}.delete")
