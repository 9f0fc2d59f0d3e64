"""The audit log and flags in the admin: both read-only, because every change to them goes
through a moderator action (which writes its own audit row)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

# The screening rules (watched words, networks, limits, feedback) have their own module;
# Django only discovers `admin.py`, so it is imported here to register them.
from mindwell.moderation import (
    admin_screening,  # noqa: F401
    permissions,
)
from mindwell.moderation.models import AuditEntry, Flag


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "action", "actor", "target_user", "post", "reason")
    list_filter = (
        "action",
        ("actor", admin.RelatedOnlyFieldListFilter),
        "created_at",
    )
    date_hierarchy = "created_at"
    search_fields = ("reason", "actor__username", "target_user__username")
    list_select_related = ("actor", "target_user", "post")
    raw_id_fields = ("actor", "target_user", "post")

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return permissions.can_browse_log(request.user)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return permissions.can_browse_log(request.user)


@admin.register(Flag)
class FlagAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "reason", "harmful_kind", "post", "user", "status")
    list_filter = ("status", "reason", "harmful_kind", "created_at")
    search_fields = ("note", "user__username")
    list_select_related = ("post", "user", "resolved_by")
    raw_id_fields = ("post", "user", "resolved_by")

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return permissions.can_moderate(request.user)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return permissions.can_moderate(request.user)
