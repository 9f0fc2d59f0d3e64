"""The admin shows wall posts, blocks and reports, but never the text of private messages:
moderators read a conversation only through a report (mindwell.messaging.views.reports),
where every reading is audited. That is also why Conversation and Message are not here."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from mindwell.messaging.models import MemberBlock, Report, WallPost


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(WallPost)
class WallPostAdmin(ReadOnlyAdmin):
    """Hide and show wall posts from the profile or a report, so the audit log has it."""

    list_display = ("pk", "owner", "author", "status", "risk_level", "created_at")
    list_filter = ("status", "risk_level")
    search_fields = ("owner__username", "author__username", "body")
    list_select_related = ("owner", "author")


@admin.register(MemberBlock)
class MemberBlockAdmin(ReadOnlyAdmin):
    list_display = ("blocker", "blocked", "created_at")
    search_fields = ("blocker__username", "blocked__username")
    list_select_related = ("blocker", "blocked")


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    """The list only; reports are read and settled on /messages/reports/."""

    list_display = (
        "pk",
        "reason",
        "reporter",
        "message_id",
        "wall_post_id",
        "created_at",
        "outcome",
    )
    list_filter = ("reason", "outcome")
    search_fields = ("reporter__username", "note")
    list_select_related = ("reporter",)
    exclude = ("message",)
