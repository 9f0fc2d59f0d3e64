from typing import Any

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest

from mindwell.badges.models import Award, Badge
from mindwell.reputation import policy
from mindwell.reputation.models import Action


def _administrator(request: HttpRequest) -> bool:
    return policy.allows(request.user, Action.EDIT_RULES)


@admin.register(Badge)
class BadgeAdmin(admin.ModelAdmin):
    """Administrators may reword a badge and change its level; which badges exist and how
    they are earned is code (mindwell.badges.rules), so none are added or deleted here."""

    list_display = ("name", "slug", "level", "position", "holders")
    list_editable = ("level", "position")
    readonly_fields = ("slug",)
    fields = ("slug", "name", "description", "level", "position")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Badge]:
        return super().get_queryset(request).annotate(holder_count=Count("awards"))

    @admin.display(description="members", ordering="holder_count")
    def holders(self, badge: Any) -> int:
        return int(badge.holder_count)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _administrator(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _administrator(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _administrator(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Award)
class AwardAdmin(admin.ModelAdmin):
    """Read only: awards follow the rules (`mindwell award_badges` re-checks everyone)."""

    list_display = ("badge", "user", "awarded_at", "post")
    list_filter = ("badge",)
    search_fields = ("user__username",)
    raw_id_fields = ("user", "post")
    list_select_related = ("badge", "user")

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _administrator(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _administrator(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
