"""Applications and verifications in the admin: read-only, because decisions go through the
review queue, which checks permissions and writes the audit log."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from mindwell.professionals.models import ProfessionalApplication, ProfessionalStatus


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(ProfessionalApplication)
class ProfessionalApplicationAdmin(ReadOnlyAdmin):
    list_display = ["user", "profession", "jurisdiction", "expires_on", "status", "created_at"]
    list_filter = ["status", "profession"]
    search_fields = ["user__username", "licence_number", "issuing_body"]
    # The document field is left out: its storage has no URL; staff use the download view.
    fields = readonly_fields = (
        "user",
        "profession",
        "profession_other",
        "licence_number",
        "issuing_body",
        "jurisdiction",
        "expires_on",
        "document_link",
        "status",
        "decided_by",
        "decided_at",
        "decision_reason",
        "created_at",
    )

    @admin.display(description="document")
    def document_link(self, obj: ProfessionalApplication) -> str:
        if not obj.document:
            return "none"
        url = reverse("professionals:document", args=[obj.pk])
        return format_html('<a href="{}">Download ({})</a>', url, obj.document_type)


@admin.register(ProfessionalStatus)
class ProfessionalStatusAdmin(ReadOnlyAdmin):
    list_display = ["user", "title", "valid_until"]
    search_fields = ["user__username"]
    readonly_fields = ["user", "application", "title", "valid_until"]
