from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext, gettext_lazy


class CountryForm(forms.Form):
    country = forms.ChoiceField(label=gettext_lazy("Show crisis lines for"), required=False)

    def __init__(self, *args: Any, countries: dict[str, str], default_name: str, **kwargs: Any):
        super().__init__(*args, **kwargs)
        choices = [
            ("", gettext("The site’s default (%(default_name)s)") % {"default_name": default_name}),
            *countries.items(),
        ]
        cast(forms.ChoiceField, self.fields["country"]).choices = choices


class CaseActionForm(forms.Form):
    ACTIONS = [
        ("take", "I’m handling this"),
        ("take-over", "Take over"),
        ("check-in", "Check-in sent"),
        ("resolve", "Resolve"),
        ("reopen", "Reopen"),
    ]

    action = forms.ChoiceField(choices=ACTIONS)
    note = forms.CharField(
        label=gettext_lazy("Note (what was done; required to resolve)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
