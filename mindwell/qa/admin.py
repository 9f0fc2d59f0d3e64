from django.contrib import admin, messages

from mindwell.core.errors import ServiceError
from mindwell.qa.models import Post, PostKind, Revision
from mindwell.qa.services import post_edit


class RevisionInline(admin.TabularInline):
    model = Revision
    extra = 0
    fields = ("created_at", "editor", "reason")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    """Staff may correct a post's title and text here; the change goes through the same edit
    service as the site (with a revision). Structure and counters are read-only so the
    stored counts never drift; hiding and deleting belong to the moderation actions."""

    list_display = ("pk", "kind", "__str__", "author", "status", "score", "created_at")
    list_filter = ("kind", "status", "category")
    search_fields = ("title", "body")
    fields = (
        "kind", "status", "title", "body", "category", "tags", "question", "parent",
        "author", "anon_name", "score", "upvotes", "downvotes", "answer_count",
        "comment_count", "view_count", "best_answer", "asked_from", "created_at",
        "edited_at", "edited_by",
    )  # fmt: skip
    readonly_fields = tuple(name for name in fields if name not in ("title", "body"))
    inlines = [RevisionInline]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        if not form.changed_data:
            return
        original = Post.objects.get(pk=obj.pk)
        try:
            post_edit(
                post=original,
                editor=request.user,
                body=obj.body,
                title=obj.title if original.kind == PostKind.QUESTION else None,
                reason="Edited in the admin",
            )
        except ServiceError as error:
            messages.error(request, f"Not saved: {error.message}")


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    list_display = ("post", "editor", "created_at")
    raw_id_fields = ("post", "editor")
