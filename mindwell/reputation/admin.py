from django.contrib import admin

from mindwell.reputation.models import PointsEvent


@admin.register(PointsEvent)
class PointsEventAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "points", "post", "created_at")
    list_filter = ("kind",)
    raw_id_fields = ("user", "post")

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False  # the ledger is append-only
