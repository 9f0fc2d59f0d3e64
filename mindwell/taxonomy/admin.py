from django.contrib import admin

from mindwell.taxonomy.models import Category, Tag


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "parent",
        "slug",
        "position",
        "question_count",
        "question_downvotes",
        "health_notice",
        "slow_mode_seconds",
    )
    list_filter = ("parent", "question_downvotes", "health_notice")
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = (
        (None, {"fields": ("name", "slug", "parent", "description", "position", "question_count")}),
        (
            "Support-friendly defaults",
            {"fields": ("question_downvotes", "health_notice", "slow_mode_seconds")},
        ),
    )
    readonly_fields = ("question_count",)
    search_fields = ("name",)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name", "question_count")
    search_fields = ("name",)
    readonly_fields = ("question_count",)
