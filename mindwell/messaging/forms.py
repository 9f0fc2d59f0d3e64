"""Forms for messages, wall posts and reports. They only parse input; the services decide
what is acceptable (mindwell.messaging.services)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from mindwell.messaging.models import ReportOutcome, ReportReason
from mindwell.messaging.permissions import MESSAGE_MAX_LENGTH, WALL_POST_MAX_LENGTH


class MessageForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Your message"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=f"Markdown works. Up to {MESSAGE_MAX_LENGTH:,} characters.",
        error_messages={"required": gettext_lazy("Please write a message.")},
        strip=False,
    )


class WallPostForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Write on the wall"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=f"Everyone can read wall posts. Up to {WALL_POST_MAX_LENGTH:,} characters.",
        error_messages={"required": gettext_lazy("Please write something to post.")},
        strip=False,
    )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=gettext_lazy("What is wrong?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Please choose a reason."),
            "invalid_choice": gettext_lazy("Please choose a reason from the list."),
        },
    )
    note = forms.CharField(
        label=gettext_lazy("Anything the moderators should know"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": gettext_lazy("Please keep the note under 500 characters.")},
    )


class ReportHandleForm(forms.Form):
    outcome = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=ReportOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Please choose whether to uphold or dismiss the report.")
        },
    )
    note = forms.CharField(label=gettext_lazy("Note for the log"), required=False, max_length=500)
    hide_wall_post = forms.BooleanField(
        label=gettext_lazy("Also hide the wall post"), required=False
    )
