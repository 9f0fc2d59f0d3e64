"""Admin pages for screening: watched words (with a bulk import), blocked networks, write
limits, and the feedback messages. Every change to a rule is written to the audit log.

Moderators manage watched words and read feedback; blocking networks and changing write
limits are for administrators, as are the other sanctions.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path
from django.utils import timezone
from django.utils.translation import gettext_lazy

from mindwell.moderation import permissions
from mindwell.moderation.models import (
    AuditAction,
    BlockedNetwork,
    FeedbackMessage,
    WatchedWord,
    WatchedWordAction,
    WriteLimit,
)
from mindwell.moderation.networks import parse_network
from mindwell.moderation.services.audit import audit_write
from mindwell.moderation.watched_words import clean_pattern, watched_words_import


def _log(request: HttpRequest, audit_action: str, reason: str, **detail: Any) -> None:
    audit_write(actor=request.user, action=audit_action, reason=reason, detail=detail)


class ModeratorAdmin(admin.ModelAdmin):
    """Open to every moderator, not only to staff with model permissions."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return permissions.can_moderate(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return permissions.can_moderate(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return permissions.can_moderate(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return permissions.can_moderate(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return permissions.can_moderate(request.user)


class WatchedWordForm(forms.ModelForm):
    class Meta:
        model = WatchedWord
        fields = ("pattern", "action")
        help_texts = {
            "pattern": "A word or phrase; * matches any letters (spam* matches spammer). "
            "Case and accents are ignored."
        }

    def clean_pattern(self) -> str:
        try:
            pattern = clean_pattern(self.cleaned_data["pattern"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None
        clash = WatchedWord.objects.filter(pattern=pattern).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(f"“{pattern}” is already on the list.")
        return pattern


class WatchedWordImportForm(forms.Form):
    lines = forms.CharField(
        label=gettext_lazy("Words, one per line"),
        widget=forms.Textarea(attrs={"rows": 14, "cols": 60}),
        help_text=gettext_lazy(
            "Each line: a word or phrase, optionally followed by a comma and an action "
            "(block, approve, flag or censor), e.g. “cheap pills,block”."
        ),
    )
    action = forms.ChoiceField(
        label=gettext_lazy("Action for lines that name none"),
        choices=WatchedWordAction.choices,
        initial=WatchedWordAction.BLOCK,
    )
    dry_run = forms.BooleanField(
        label=gettext_lazy("Only show what would change"), required=False, initial=True
    )


@admin.register(WatchedWord)
class WatchedWordAdmin(ModeratorAdmin):
    form = WatchedWordForm
    list_display = ("pattern", "action", "created_at")
    list_filter = ("action",)
    search_fields = ("pattern",)
    change_list_template = "admin/moderation/watchedword/change_list.html"

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        verb = "Changed" if change else "Added"
        reason = f"{verb} watched word “{obj.pattern}”: {obj.get_action_display()}"
        _log(request, AuditAction.WATCHED_WORDS, reason, pattern=obj.pattern, action=obj.action)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        _log(request, AuditAction.WATCHED_WORDS, f"Removed watched word “{obj.pattern}”")
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        patterns = list(queryset.values_list("pattern", flat=True))
        reason = f"Removed {len(patterns)} watched words"
        _log(request, AuditAction.WATCHED_WORDS, reason, patterns=patterns[:200])
        # One by one, so each removal reaches the signal that refreshes the compiled list.
        for word in queryset:
            word.delete()

    def get_urls(self) -> list[URLPattern]:
        custom = [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="moderation_watchedword_import",
            )
        ]
        return custom + super().get_urls()

    def import_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_add_permission(request):
            return redirect("admin:index")
        form = WatchedWordImportForm(request.POST or None)
        summary = None
        if request.method == "POST" and form.is_valid():
            summary = watched_words_import(
                text=form.cleaned_data["lines"],
                default_action=form.cleaned_data["action"],
                dry_run=form.cleaned_data["dry_run"],
                actor=request.user,
            )
            if not summary.dry_run:
                messages.success(request, str(summary))
                return redirect("admin:moderation_watchedword_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": "Import watched words",
            "opts": self.model._meta,
            "form": form,
            "summary": summary,
        }
        return TemplateResponse(request, "admin/moderation/watchedword/import.html", context)


class BlockedNetworkForm(forms.ModelForm):
    class Meta:
        model = BlockedNetwork
        fields = ("network", "reason", "expires_at")
        help_texts = {
            "network": "An address (203.0.113.7) or a range (203.0.113.0/24, 2001:db8::/32).",
            "expires_at": "Leave empty to block until the entry is removed.",
        }

    def clean_network(self) -> str:
        try:
            network = str(parse_network(self.cleaned_data["network"]))
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None
        clash = BlockedNetwork.objects.filter(network=network).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(f"{network} is already blocked.")
        return network


@admin.register(BlockedNetwork)
class BlockedNetworkAdmin(admin.ModelAdmin):
    form = BlockedNetworkForm
    list_display = ("network", "reason", "expires_at", "created_at")
    search_fields = ("network", "reason")

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        until = f" until {obj.expires_at:%Y-%m-%d %H:%M}" if obj.expires_at else ""
        reason = f"Blocked {obj.network}{until}: {obj.reason}"
        _log(request, AuditAction.IP_BLOCK, reason, network=obj.network)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        _log(request, AuditAction.IP_BLOCK, f"Unblocked {obj.network}", network=obj.network)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for network in queryset:
            self.delete_model(request, network)


@admin.register(WriteLimit)
class WriteLimitAdmin(admin.ModelAdmin):
    list_display = ("action", "per_member_per_hour", "per_ip_per_hour")
    list_editable = ("per_member_per_hour", "per_ip_per_hour")
    fields = ("action", "per_member_per_hour", "per_ip_per_hour")
    readonly_fields = ("action",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # one row per action, made by the migrations

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        reason = (
            f"Write limit for {obj.action}: {obj.per_member_per_hour} per member, "
            f"{obj.per_ip_per_hour} per address, per hour"
        )
        _log(request, AuditAction.SETTINGS, reason, action=obj.action)


@admin.register(FeedbackMessage)
class FeedbackMessageAdmin(ModeratorAdmin):
    list_display = ("created_at", "sender", "email", "excerpt", "handled_at", "handled_by")
    list_filter = (("handled_at", admin.EmptyFieldListFilter),)
    search_fields = ("body", "name", "email")
    fields = ("created_at", "user", "name", "email", "ip", "body", "handled_at", "handled_by")
    readonly_fields = fields
    actions = ["mark_handled"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="from")
    def sender(self, obj: FeedbackMessage) -> str:
        return str(obj.user or obj.name or "anonymous")

    @admin.display(description="message")
    def excerpt(self, obj: FeedbackMessage) -> str:
        return obj.body if len(obj.body) <= 80 else f"{obj.body[:79]}…"

    @admin.action(description="Mark the selected messages as handled")
    def mark_handled(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        count = queryset.filter(handled_at__isnull=True).update(
            handled_at=timezone.now(), handled_by=request.user
        )
        self.message_user(request, f"{count} message(s) marked as handled.", messages.SUCCESS)
