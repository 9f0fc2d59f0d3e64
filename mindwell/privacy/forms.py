"""Forms only parse and re-display input; the services decide what is acceptable."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from mindwell.privacy.models import DeletionMode


class DeletionForm(forms.Form):
    mode = forms.ChoiceField(
        label=gettext_lazy("What should happen to your posts?"),
        choices=[
            (
                DeletionMode.ANONYMISE,
                "Keep my posts, anonymised: they stay for others to read, shown as written by "
                "“deleted member”, with nothing linking them to me.",
            ),
            (
                DeletionMode.DELETE_POSTS,
                "Delete my posts: my questions, answers and comments are removed for good "
                "(answers others wrote to my questions stay).",
            ),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Please choose what happens to your posts.")},
    )
    password = forms.CharField(
        label=gettext_lazy("Your password, to confirm it is you"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": gettext_lazy("Please type your password to confirm.")},
    )
