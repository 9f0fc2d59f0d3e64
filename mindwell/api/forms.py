from __future__ import annotations

from django import forms

from mindwell.api.models import TokenScope


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=80,
        help_text="What the token is for, so you can tell it apart (“my reader app”).",
    )
    scope = forms.ChoiceField(
        choices=[
            (TokenScope.READ, "Read only: see what you can see on the site"),
            (TokenScope.READ_WRITE, "Read and write: also post, vote, flag and follow as you"),
        ],
        initial=TokenScope.READ,
        widget=forms.RadioSelect,
        label="What it may do",
    )
