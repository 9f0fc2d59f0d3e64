"""Forms only parse and re-display input; the services decide what is acceptable."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from mindwell.core.pagecache.holes import per_visitor
from mindwell.moderation.captcha import add_captcha
from mindwell.safety.warnings import content_warning_field
from mindwell.siteconfig.models import SiteSettings
from mindwell.taxonomy.models import Category

HONEYPOT_MESSAGE = (
    "Your post looks automated (a hidden field was filled in), so it was not posted. "
    "If you are a person, please send it again: the hidden field is now empty and your "
    "text is still here."
)


def category_choices() -> list[tuple[str, str]]:
    """The tree, flattened with indentation, parents before children."""
    nodes = list(Category.objects.select_related("parent").order_by("position", "name"))
    by_parent: dict[int | None, list[Category]] = {}
    for node in nodes:
        by_parent.setdefault(node.parent_id, []).append(node)
    choices: list[tuple[str, str]] = [("", "Choose a category…")]

    def walk(parent_id: int | None, depth: int) -> None:
        for node in by_parent.get(parent_id, []):
            choices.append((str(node.pk), "\u2003" * depth + node.name))
            if depth < 5:
                walk(node.pk, depth + 1)

    walk(None, 0)
    return choices


class EmptyOnRedisplay(forms.TextInput):
    """The honeypot is re-rendered empty, so a person whose browser filled it by mistake
    can simply send the form again."""

    def format_value(self, value: Any) -> None:
        return None


class PostFormBase(forms.Form):
    """Fields every post form shares: the once-only token, the honeypot, and what a visitor
    without an account may fill in."""

    submit_token = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(
        label=gettext_lazy("Leave this empty"),
        required=False,
        widget=EmptyOnRedisplay(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    anon_name = forms.CharField(
        label=gettext_lazy("Your name to display (optional):"), required=False, max_length=200
    )
    anon_email = forms.CharField(
        label=gettext_lazy("Email address for these notifications (optional):"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    notify = forms.BooleanField(required=False, initial=True)
    # Members only: post under their pseudonym (mindwell.privacy) instead of their name.
    post_anonymously = forms.BooleanField(
        label=gettext_lazy("Post anonymously (your pseudonym is shown instead of your name)"),
        required=False,
        widget=forms.CheckboxInput(attrs={"aria-describedby": "post-anonymously-hint"}),
    )

    def __init__(self, *args: Any, anonymous: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            # A hole in a cached anonymous page: each visitor gets a token of their own.
            self.initial.setdefault("submit_token", per_visitor("uuid", lambda: uuid.uuid4().hex))
        if not anonymous:
            del self.fields["anon_name"]
            del self.fields["anon_email"]
        else:
            del self.fields["post_anonymously"]
        if anonymous and SiteSettings.current().captcha_anonymous:
            add_captcha(self)
        self.anonymous = anonymous

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(HONEYPOT_MESSAGE)
        return ""


class QuestionForm(PostFormBase):
    title = forms.CharField(
        label=gettext_lazy("The question in one sentence:"),
        max_length=1000,
        error_messages={"required": gettext_lazy("Please write a title for your question.")},
    )
    body = forms.CharField(
        label=gettext_lazy("More information for the question:"),
        required=False,
        max_length=100_000,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    category = forms.ChoiceField(label=gettext_lazy("Category:"), choices=())
    content_warning = content_warning_field()
    tags = forms.CharField(
        label=gettext_lazy("Tags (separate with spaces, e.g. anxiety sleep):"),
        required=False,
        max_length=1000,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = category_choices()  # type: ignore[attr-defined]
        self.fields["category"].error_messages["invalid_choice"] = (
            "That category does not exist (it may have been removed); please choose another."
        )
        self.fields["category"].error_messages["required"] = "Please choose a category."
        self.fields["notify"].label = "Email me when my question is answered or commented on"
        self.order_fields(["title", "body", "category", "tags"])


class AnswerForm(PostFormBase):
    body = forms.CharField(
        label=gettext_lazy("Your answer"),
        max_length=100_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": gettext_lazy("Please write your answer before posting.")},
    )
    content_warning = content_warning_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["notify"].label = "Email me if my answer is selected or commented on"
        self.order_fields(["body"])


class CommentForm(PostFormBase):
    body = forms.CharField(
        label=gettext_lazy("Your comment"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("Please write your comment before posting.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["notify"].label = "Email me if my comment gets a reply"
        self.order_fields(["body"])


class EditForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=1000, required=False)
    body = forms.CharField(
        label=gettext_lazy("Text"),
        required=False,
        max_length=100_000,
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    category = forms.ChoiceField(label=gettext_lazy("Category"), choices=(), required=False)
    tags = forms.CharField(
        label=gettext_lazy("Tags (separate with spaces)"), required=False, max_length=1000
    )
    content_warning = content_warning_field()
    reason = forms.CharField(
        label=gettext_lazy("Reason for the edit (optional)"), required=False, max_length=200
    )

    def __init__(self, *args: Any, is_question: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if is_question:
            self.fields["category"].choices = category_choices()  # type: ignore[attr-defined]
        else:
            for name in ("title", "category", "tags"):
                del self.fields[name]
