"""The admin pages for points: the points settings (one row), titles by points, and the
recalculations run from the settings page. Open to whoever the policy lets change the rules
(administrators by default); every change to the points settings is in the audit log."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext

from mindwell.reputation import policy
from mindwell.reputation.models import Action
from mindwell.reputation.rules import pinned_values
from mindwell.reputation.settings_model import PointsRecalculation, PointsSettings, UserTitle

CHANGES_APPLY = (
    "Changes apply to what members do from now on. To give every member the total the new "
    "values define, recalculate: with the button on this page (the background worker runs "
    "it) or with `mindwell recalculate_points` on the server."
)


def _administrator(request: HttpRequest) -> bool:
    return policy.allows(request.user, Action.EDIT_RULES)


class AdministratorsOnly(admin.ModelAdmin):
    def has_module_permission(self, request: HttpRequest) -> bool:
        return _administrator(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _administrator(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _administrator(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return _administrator(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _administrator(request)


@admin.register(PointsSettings)
class PointsSettingsAdmin(AdministratorsOnly):
    change_form_template = "admin/reputation/pointssettings/change_form.html"
    fieldsets = [
        (None, {"fields": ["base", "multiple"], "description": CHANGES_APPLY}),
        ("Posting", {"fields": ["post_question", "post_answer"]}),
        ("Best answers", {"fields": ["select_answer", "answer_selected"]}),
        (
            "Voting (points to the voter)",
            {
                "fields": [
                    "vote_up_question",
                    "vote_down_question",
                    "vote_up_answer",
                    "vote_down_answer",
                ]
            },
        ),
        (
            "Votes received on questions",
            {
                "fields": [
                    "per_question_voted_up",
                    "per_question_voted_down",
                    "question_voted_max_gain",
                    "question_voted_max_loss",
                ],
                "description": "The most a question can gain or lose counts all its votes.",
            },
        ),
        (
            "Votes received on answers",
            {
                "fields": [
                    "per_answer_voted_up",
                    "per_answer_voted_down",
                    "answer_voted_max_gain",
                    "answer_voted_max_loss",
                ]
            },
        ),
        ("Daily limit", {"fields": ["votes_received_daily_cap"]}),
        ("Question2Answer's rules", {"fields": ["hidden_posts_keep_votes", "select_any_answer"]}),
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # one row, made by a migration

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_urls(self) -> list[Any]:
        recalculate = self.admin_site.admin_view(self.recalculate_view)
        return [
            path("recalculate/", recalculate, name="reputation_pointssettings_recalculate"),
            *super().get_urls(),
        ]

    def recalculate_view(self, request: HttpRequest) -> HttpResponse:
        from mindwell.reputation.tasks import points_recalculation_request

        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        back = reverse("admin:reputation_pointssettings_change", args=[1])
        if not _administrator(request):
            messages.error(request, gettext("Only administrators can recalculate points."))
            return HttpResponseRedirect(back)
        points_recalculation_request(by=request.user)
        messages.success(
            request,
            gettext(
                "The recalculation is queued; the background worker runs it shortly. "
                "Its result shows below when it is done."
            ),
        )
        return HttpResponseRedirect(back)

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        context = {
            **(extra_context or {}),
            "pinned": sorted(pinned_values().items()),
            "recalculations": PointsRecalculation.objects.select_related("requested_by")[:5],
        }
        return super().change_view(request, object_id, form_url, extra_context=context)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        from mindwell.moderation.models import AuditAction
        from mindwell.moderation.services.audit import audit_write

        before = PointsSettings.objects.filter(pk=1).first()
        super().save_model(request, obj, form, change)
        changed = {
            name: [getattr(before, name) if before else None, getattr(obj, name)]
            for name in form.changed_data
        }
        if changed:
            audit_write(actor=request.user, action=AuditAction.SETTINGS, detail={"points": changed})


@admin.register(UserTitle)
class UserTitleAdmin(AdministratorsOnly):
    list_display = ("title", "min_points")
    list_editable = ("min_points",)
    list_display_links = ("title",)
    ordering = ("min_points",)


@admin.register(PointsRecalculation)
class PointsRecalculationAdmin(AdministratorsOnly):
    """Read only: recalculations are started from the points settings page."""

    list_display = (
        "requested_at",
        "requested_by",
        "state",
        "finished_at",
        "members_checked",
        "members_changed",
        "corrections",
    )
    list_filter = ("state",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
