from django.contrib import admin

from mindwell.core.markdown import render_markdown
from mindwell.qa.models import Post, Revision


class RevisionInline(admin.TabularInline):
    model = Revision
    extra = 0
    fields = ("created_at", "editor", "reason")
    readonly_fields = fields
    can_delete = False


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ("pk", "kind", "__str__", "author", "status", "score", "created_at")
    list_filter = ("kind", "status", "category")
    search_fields = ("title", "body")
    raw_id_fields = ("question", "parent", "author", "best_answer", "asked_from", "edited_by")
    readonly_fields = (
        "body_html",
        "score",
        "upvotes",
        "downvotes",
        "answer_count",
        "comment_count",
    )
    exclude = ("submit_token",)
    inlines = [RevisionInline]

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        # Pages show body_html, so a body changed here must be rendered again.
        obj.body_html = render_markdown(obj.body)
        super().save_model(request, obj, form, change)


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    list_display = ("post", "editor", "created_at")
    raw_id_fields = ("post", "editor")
