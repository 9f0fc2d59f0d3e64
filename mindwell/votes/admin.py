from django.contrib import admin

from mindwell.votes.models import Vote


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    list_display = ("user", "post", "value", "created_at")
    raw_id_fields = ("user", "post")
