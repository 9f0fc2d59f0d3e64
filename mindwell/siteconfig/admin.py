from django.contrib import admin
from django.core.cache import cache

from mindwell.siteconfig.models import FOOTER_CACHE_KEY, Page, SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "in_footer", "position", "updated_at")
    prepopulated_fields = {"slug": ("title",)}

    def delete_model(self, request, obj):  # type: ignore[no-untyped-def]
        super().delete_model(request, obj)
        cache.delete(FOOTER_CACHE_KEY)

    def delete_queryset(self, request, queryset):  # type: ignore[no-untyped-def]
        super().delete_queryset(request, queryset)
        cache.delete(FOOTER_CACHE_KEY)
