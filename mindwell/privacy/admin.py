from django.contrib import admin

from mindwell.privacy.models import DeletionRequest, Pseudonym


@admin.register(Pseudonym)
class PseudonymAdmin(admin.ModelAdmin):
    """Who is behind each pseudonym: for administrators only, like the moderators' view of
    an anonymous post's writer."""

    list_display = ("name", "user", "created_at")
    search_fields = ("name", "user__username")
    raw_id_fields = ("user",)
    readonly_fields = ("name", "user", "created_at")

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False  # created by the first anonymous post, never by hand


@admin.register(DeletionRequest)
class DeletionRequestAdmin(admin.ModelAdmin):
    list_display = (
        "pk",
        "user",
        "mode",
        "requested_at",
        "execute_after",
        "cancelled_at",
        "executed_at",
    )
    list_filter = ("mode",)
    raw_id_fields = ("user",)
    readonly_fields = (
        "user",
        "mode",
        "requested_at",
        "execute_after",
        "cancelled_at",
        "executed_at",
    )

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False  # members ask for deletion themselves, with their password
