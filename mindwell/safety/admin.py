from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from mindwell.safety.models import CrisisResource, SafetyCase


@admin.register(CrisisResource)
class CrisisResourceAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "country",
        "country_name",
        "phone",
        "text_line",
        "hours",
        "position",
        "is_active",
    )
    list_display_links = ("name",)
    list_editable = ("phone", "text_line", "hours", "position", "is_active")
    list_filter = ("country", "is_active")
    search_fields = ("name", "country", "country_name", "phone")
    ordering = ("country", "position", "name")
    # Crisis lines' sites are all https; a bare domain typed here must not become http.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(SafetyCase)
class SafetyCaseAdmin(admin.ModelAdmin):
    """Read-only here: a case changes state in the safety queue, which writes the audit log
    that an edit in the admin would skip."""

    list_display = ("__str__", "level", "state", "handler", "created_at", "first_response_at")
    list_filter = ("state", "level", "source")
    list_select_related = ("handler",)
    raw_id_fields = ("post", "handler")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
