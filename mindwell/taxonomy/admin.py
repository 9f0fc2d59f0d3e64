from django.contrib import admin

from mindwell.taxonomy.models import Category, Tag


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "parent", "slug", "position", "question_count")
    list_filter = ("parent",)
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("question_count",)
    search_fields = ("name",)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name", "question_count")
    search_fields = ("name",)
    readonly_fields = ("question_count",)
