"""Forms only parse and re-display input; the flag service and the actions decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from mindwell.moderation.actions.base import REASON_MAX_LENGTH, ModerationAction
from mindwell.moderation.actions.users import DURATION_CHOICES
from mindwell.moderation.models import AuditAction, FlagReason, HarmfulAdviceKind
from mindwell.moderation.services.flags import NOTE_MAX_LENGTH
from mindwell.qa.forms import category_choices

FLAG_REASON_HELP = {
    FlagReason.SPAM: gettext_lazy("Advertising, or posted only to promote something."),
    FlagReason.RUDE: gettext_lazy("Insults, harassment, hate, or threats."),
    FlagReason.HARMFUL: gettext_lazy("Advice that could hurt someone; choose which kind below."),
    FlagReason.AT_RISK: gettext_lazy(
        "The writer may be in danger now. The safety team is told at once."
    ),
    FlagReason.OFF_TOPIC: gettext_lazy("Not about mental health or relationships."),
    FlagReason.DUPLICATE: gettext_lazy("The same question has been asked already."),
    FlagReason.OTHER: gettext_lazy("Something else; please say what in the note."),
}


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=gettext_lazy("Why are you flagging this post?"),
        choices=FlagReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Please choose why you are flagging this post.")},
    )
    harmful_kind = forms.ChoiceField(
        label=gettext_lazy("What makes the advice harmful?"),
        choices=HarmfulAdviceKind.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    note = forms.CharField(
        label=gettext_lazy("Note for the moderators (needed for “other”)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ActionForm(forms.Form):
    """The fields of one moderator action: the reason, and whatever else the action reads.
    Each action's form gets its own element ids, so many fit on one page."""

    reason = forms.CharField(
        label=gettext_lazy("Reason"), required=False, max_length=REASON_MAX_LENGTH
    )
    duplicate_of = forms.CharField(
        label=gettext_lazy("Duplicate of (question number or address; optional)"),
        required=False,
        max_length=300,
    )
    category = forms.ChoiceField(label=gettext_lazy("New category"), choices=())
    tags = forms.CharField(
        label=gettext_lazy("Tags (separate with spaces)"), required=False, max_length=1000
    )
    target = forms.CharField(
        label=gettext_lazy("Merge into (question number or address)"),
        max_length=300,
        error_messages={"required": gettext_lazy("Please give the question to merge into.")},
    )
    days = forms.TypedChoiceField(
        label=gettext_lazy("For how long"),
        choices=DURATION_CHOICES,
        coerce=int,
        error_messages={"required": gettext_lazy("Please choose how long the restriction lasts.")},
    )

    def __init__(
        self, *args: Any, action: type[ModerationAction], initial_tags: str = "", **kwargs: Any
    ) -> None:
        kwargs.setdefault("auto_id", f"id_{action.name}_%s")
        super().__init__(*args, **kwargs)
        self.action = action
        for name in list(self.fields):
            if name != "reason" and name not in action.fields:
                del self.fields[name]
        reason = self.fields["reason"]
        reason.required = action.reason_required
        reason.label = "Reason (required)" if action.reason_required else "Reason (optional)"
        reason.error_messages["required"] = "Please give a reason: it is kept in the audit log."
        if "category" in self.fields:
            self.fields["category"].choices = category_choices()  # type: ignore[attr-defined]
        if "tags" in self.fields and not self.is_bound:
            self.initial["tags"] = initial_tags

    def params(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) for name in self.action.fields}


class LogFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=gettext_lazy("Action"),
        required=False,
        choices=[("", "Any action"), *AuditAction.choices],
    )
    actor = forms.CharField(
        label=gettext_lazy("Done by (username)"), required=False, max_length=150
    )
    target = forms.CharField(
        label=gettext_lazy("About (username or post number)"), required=False, max_length=150
    )
    since = forms.DateField(
        label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
