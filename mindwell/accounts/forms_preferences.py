"""The safety preferences form: which content warnings to keep hidden, and whose crisis
lines to show. It only parses input; mindwell.safety.warnings decides what is acceptable."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from mindwell.qa.models import ContentWarning
from mindwell.safety.warnings import crisis_countries


class SafetyPreferencesForm(forms.Form):
    hidden_warnings = forms.MultipleChoiceField(
        label=gettext_lazy("Keep posts with these content warnings hidden"),
        help_text=(
            gettext_lazy(
                "Questions with these warnings are left out of question lists, and answers and "
                "comments with them stay folded away on question pages until you open them."
            )
        ),
        choices=ContentWarning.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": gettext_lazy("Please choose content warnings from the list.")
        },
    )
    crisis_country = forms.ChoiceField(
        label=gettext_lazy("Show crisis lines for"),
        help_text=gettext_lazy(
            "The country whose crisis lines and emergency numbers the site shows you."
        ),
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Please choose a country from the list.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["crisis_country"].choices = [  # type: ignore[attr-defined]
            ("", "Let the site choose"),
            *crisis_countries(),
        ]
