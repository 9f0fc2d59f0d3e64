"""The feedback page's form and service: a message to the moderators from anyone.

The email address is private: it is stored only so a moderator can reply, is shown only in
the admin, and no page of the site displays it. A blocked network may still send feedback,
since that is where a wrongly blocked person is told to go.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, gettext_lazy

from mindwell.core.errors import ServiceError
from mindwell.moderation.captcha import add_captcha
from mindwell.moderation.limits import check_write_limit
from mindwell.moderation.models import FeedbackMessage, WriteAction
from mindwell.qa.forms import HONEYPOT_MESSAGE, EmptyOnRedisplay
from mindwell.qa.validation import clean_text
from mindwell.siteconfig.models import SiteSettings

BODY_MAX = 5000


class FeedbackForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Your message"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": gettext_lazy("Please write your message before sending it.")},
    )
    name = forms.CharField(
        label=gettext_lazy("Your name (optional)"), required=False, max_length=60
    )
    email = forms.EmailField(
        label=gettext_lazy("Your email address (optional)"),
        required=False,
        help_text=gettext_lazy("Privacy: only the moderators see it, and only to reply to you."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": gettext_lazy(
                "That email address does not look right; please check it or leave it empty."
            )
        },
    )
    website = forms.CharField(
        label=gettext_lazy("Leave this empty"),
        required=False,
        widget=EmptyOnRedisplay(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args: Any, site: SiteSettings | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if (site or SiteSettings.current()).captcha_feedback:
            add_captcha(self)

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(HONEYPOT_MESSAGE)
        return ""


def feedback_send(
    *, user: Any, body: str, name: str = "", email: str = "", ip: str | None = None
) -> FeedbackMessage:
    """Store a message for the moderators, within the hourly feedback limit."""
    member = user if user is not None and user.is_authenticated else None
    if not clean_text(body):
        raise ServiceError(gettext("Please write your message before sending it."), field="body")
    check_write_limit(action=WriteAction.FEEDBACK, user=member, ip=ip)
    message = FeedbackMessage(
        user=member,
        name=clean_text(name)[:60],
        email=clean_text(email),
        body=clean_text(body)[:BODY_MAX],
        ip=ip if ip and ip != "unknown" else None,
    )
    try:
        message.full_clean()
    except ValidationError as error:
        field, problems = next(iter(error.message_dict.items()))
        raise ServiceError(problems[0], field=field) from None
    with transaction.atomic():
        message.save()
    return message
