"""The forms of the member level page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext, gettext_lazy

from mindwell.reputation.levels import CATEGORY_LEVELS, Level
from mindwell.taxonomy.models import Category

REASON_HELP = gettext_lazy("Kept in the audit log with the change.")


class SiteLevelForm(forms.Form):
    level = forms.TypedChoiceField(
        label=gettext_lazy("Level across the site"), coerce=int, choices=()
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason (optional)"),
        required=False,
        max_length=500,
        help_text=REASON_HELP,
    )

    def __init__(self, *args: Any, grantable: list[int], **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "site")
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = [  # type: ignore[attr-defined]
            (level.value, level.label) for level in Level if level.value in grantable
        ]


class CategoryLevelForm(forms.Form):
    category = forms.ModelChoiceField(
        label=gettext_lazy("Category"),
        queryset=Category.objects.select_related("parent").order_by("parent_id", "position"),
        empty_label=gettext_lazy("Choose a category"),
        help_text=gettext_lazy("The level counts in this category and every category under it."),
    )
    level = forms.TypedChoiceField(
        label=gettext_lazy("Level in that category"), coerce=int, choices=()
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason (optional)"),
        required=False,
        max_length=500,
        help_text=REASON_HELP,
    )

    def __init__(self, *args: Any, grantable: list[int], **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "category")
        super().__init__(*args, **kwargs)
        choices: list[tuple[int, Any]] = [
            (int(Level.REGISTERED), gettext("None (remove the category level)"))
        ]
        choices += [(level.value, level.label) for level in CATEGORY_LEVELS if level in grantable]
        self.fields["level"].choices = choices  # type: ignore[attr-defined]
        self.fields["category"].label_from_instance = (  # type: ignore[attr-defined]
            lambda c: f"{c.parent.name} › {c.name}" if c.parent_id else c.name
        )
