from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from mindwell.reputation import policy
from mindwell.reputation.models import Action, CategoryLevel, PermissionRule, PointsEvent


@admin.register(PointsEvent)
class PointsEventAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "points", "post", "created_at")
    list_filter = ("kind",)
    raw_id_fields = ("user", "post")

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False  # the ledger is append-only


@admin.register(PermissionRule)
class PermissionRuleAdmin(admin.ModelAdmin):
    """The privileges table, edited in place. Open to whoever the policy lets change the
    rules (administrators by default), not only to holders of Django model permissions; a
    save drops the policy's cache, so the change applies to the very next request."""

    list_display = ("action", "group", "mode", "min_level", "min_points", "updated_at")
    list_editable = ("mode", "min_level", "min_points")
    list_filter = ("mode", "min_level")
    readonly_fields = ("action", "updated_at")
    fields = ("action", "mode", "min_level", "min_points", "updated_at")
    ordering = ("pk",)

    @admin.display(description="area")
    def group(self, rule: PermissionRule) -> str:
        return str(policy.CATALOGUE[Action(rule.action)].group)

    def _allowed(self, request: HttpRequest) -> bool:
        return policy.allows(request.user, Action.EDIT_RULES)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._allowed(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # one row per action, seeded by a migration

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a missing row would silently fall back to the default


@admin.register(CategoryLevel)
class CategoryLevelAdmin(admin.ModelAdmin):
    """Read only: grants are made on the member's level page, which checks who may grant
    what and writes the audit log."""

    list_display = ("user", "category", "level", "created_at")
    list_filter = ("level", "category")
    search_fields = ("user__username",)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return policy.allows(request.user, Action.MANAGE_LEVELS)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return policy.allows(request.user, Action.MANAGE_LEVELS)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


# Points settings, titles and recalculations have their own module.
from mindwell.reputation import admin_points  # noqa: E402, F401
