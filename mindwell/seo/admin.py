from django.contrib import admin

from mindwell.seo.models import OldSlug


@admin.register(OldSlug)
class OldSlugAdmin(admin.ModelAdmin):
    """Read only: rows are written by title edits (mindwell.seo.services.old_slug_record)."""

    list_display = ("slug", "question", "replaced_at")
    search_fields = ("slug", "question__title")
    raw_id_fields = ("question",)

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False
