"""Email in the admin: the outbox (read-only, with "retry"), digests, mass mailings (with
"send") and the email templates administrators may override.

No page here shows an anonymous poster's address: an outbox row names a member, or says
"anonymous poster".
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest

from mindwell.core.errors import ServiceError
from mindwell.notifications.delivery import email_retry
from mindwell.notifications.email.templates import file_template_names
from mindwell.notifications.mass_mail import mass_mailing_send
from mindwell.notifications.models_email import (
    Digest,
    EmailState,
    EmailTemplateOverride,
    MailingState,
    MassMailing,
    OutboundEmail,
)


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "kind",
        "state",
        "to",
        "subject",
        "attempts",
        "next_attempt_at",
        "sent_at",
    )
    list_filter = ("state", "kind", "created_at")
    search_fields = ("key", "subject", "recipient__username")
    list_select_related = ("recipient",)
    date_hierarchy = "created_at"
    actions = ["retry"]
    fields = (
        "key",
        "kind",
        "to",
        "state",
        "attempts",
        "next_attempt_at",
        "claimed_at",
        "sent_at",
        "subject",
        "last_error",
        "created_at",
    )
    readonly_fields = fields

    @admin.display(description="to")
    def to(self, row: OutboundEmail) -> str:
        return row.recipient.username if row.recipient is not None else "anonymous poster"

    @admin.action(description="Retry the selected failed or skipped emails now")
    def retry(self, request: HttpRequest, queryset: QuerySet[OutboundEmail]) -> None:
        ids = list(queryset.values_list("pk", flat=True))
        retried = email_retry(ids=ids)
        self.message_user(request, f"{retried} email(s) queued again.", messages.SUCCESS)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ("date", "period", "user", "size", "created_at")
    list_filter = ("period", "date")
    search_fields = ("user__username",)
    list_select_related = ("user",)
    fields = ("user", "period", "date", "size", "created_at")
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[Digest]:
        return super().get_queryset(request).annotate(size=Count("notifications"))

    @admin.display(description="notifications")
    def size(self, digest: Any) -> int:
        return int(getattr(digest, "size", 0))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(MassMailing)
class MassMailingAdmin(admin.ModelAdmin):
    list_display = ("subject", "state", "created_by", "created_at", "recipient_count", "sent")
    list_filter = ("state",)
    actions = ["send"]
    readonly_fields = ("state", "created_by", "created_at", "started_at", "recipient_count")

    def get_queryset(self, request: HttpRequest) -> QuerySet[MassMailing]:
        sent = Count("emails", filter=Q(emails__state=EmailState.SENT))
        return super().get_queryset(request).annotate(sent_count=sent)

    @admin.display(description="emails sent")
    def sent(self, mailing: Any) -> int:
        return int(getattr(mailing, "sent_count", 0))

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # Once sending has begun, the text is what went out: it can no longer change.
        if obj is not None and obj.state != MailingState.DRAFT:
            return ("subject", "body", *self.readonly_fields)
        return self.readonly_fields

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description="Send the selected mailings to members who asked for them")
    def send(self, request: HttpRequest, queryset: QuerySet[MassMailing]) -> None:
        for mailing in queryset:
            try:
                mass_mailing_send(mailing=mailing, by=request.user)
            except ServiceError as error:
                self.message_user(request, str(error), messages.ERROR)
            else:
                self.message_user(
                    request,
                    f"“{mailing.subject}” is being sent, a little at a time.",
                    messages.SUCCESS,
                )


class EmailTemplateOverrideForm(forms.ModelForm):
    class Meta:
        model = EmailTemplateOverride
        fields = ("name", "subject", "text", "html")
        help_texts = {
            "subject": "Leave empty to keep the standard subject. One line.",
            "text": (
                "Leave empty to keep the standard text. Django template language; "
                "variables include {{ recipient_name }}, {{ line_text }}, {{ line_url }}, "
                "{{ post.excerpt }}, {{ when }}, {{ site_name }} and {{ unsubscribe_url }}."
            ),
            "html": "Leave empty to keep the standard HTML. The same variables as the text.",
        }


@admin.register(EmailTemplateOverride)
class EmailTemplateOverrideAdmin(admin.ModelAdmin):
    form = EmailTemplateOverrideForm
    list_display = ("name", "updated_at", "standard_files")

    @admin.display(description="standard templates")
    def standard_files(self, row: EmailTemplateOverride) -> str:
        return ", ".join(file_template_names(row.name, "text"))
