"""Content warnings and a member's safety preferences.

A writer may put a warning on a post (Post.content_warning); readers then see the post
behind a click. A member may choose warnings to keep out of question lists and collapsed on
question pages (User.hidden_warnings), and the country whose crisis lines they are shown
(User.crisis_country).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext, gettext_lazy

from mindwell.core.errors import ServiceError
from mindwell.qa.models import ContentWarning, Post
from mindwell.safety.models import OUTSIDE, CrisisResource

NO_WARNING = gettext_lazy("No content warning")
FIELD_LABEL = gettext_lazy("Content warning (optional)")
FIELD_HELP = gettext_lazy(
    "If your post talks about something some readers may find hard to read, choose a "
    "warning: readers will see the post only after they choose to open it."
)


def warning_choices() -> list[tuple[str, Any]]:
    return [("", NO_WARNING), *ContentWarning.choices]


def content_warning_field() -> forms.ChoiceField:
    """The optional warning select the ask, answer and edit forms share."""
    return forms.ChoiceField(
        label=FIELD_LABEL,
        help_text=FIELD_HELP,
        choices=warning_choices,
        required=False,
        error_messages={
            "invalid_choice": gettext("Please choose a content warning from the list.")
        },
    )


def clean_warnings(values: Iterable[Any]) -> list[str]:
    """Known warnings only, each once, in the order of ContentWarning."""
    chosen = {str(value) for value in values}
    return [value for value in ContentWarning.values if value in chosen]


def hidden_warnings_for(user: Any) -> list[str]:
    """The warnings `user` keeps hidden; none for visitors. Needs no query."""
    if user is None or not user.is_authenticated:
        return []
    stored = user.hidden_warnings
    return clean_warnings(stored) if isinstance(stored, list) else []


def without_warnings(posts: QuerySet[Post], warnings: Iterable[str]) -> QuerySet[Post]:
    """Leave out posts carrying any of `warnings` (for question lists)."""
    hidden = clean_warnings(warnings)
    if not hidden:
        return posts
    return posts.exclude(content_warning__in=hidden)


def crisis_countries() -> list[tuple[str, str]]:
    """(code, name) of every country with an active crisis resource, by name, with "outside
    these countries" last."""
    pairs = dict(
        CrisisResource.objects.filter(is_active=True)
        .order_by("country_name")
        .values_list("country", "country_name")
        .distinct()
    )
    return sorted(pairs.items(), key=lambda pair: (pair[0] == OUTSIDE, pair[1]))


def safety_preferences_update(
    *, user: Any, hidden_warnings: Iterable[str], crisis_country: str
) -> Any:
    """Store which warnings `user` keeps hidden and whose crisis lines they see ("" means
    the site's choice)."""
    if user is None or not user.is_authenticated:
        raise ServiceError(gettext("Please log in to save safety preferences."))
    warnings = list(hidden_warnings)
    unknown = set(warnings) - set(ContentWarning.values)
    if unknown:
        raise ServiceError(
            gettext("Please choose content warnings from the list."), field="hidden_warnings"
        )
    country = (crisis_country or "").strip().upper()
    if country and country not in dict(crisis_countries()):
        raise ServiceError(
            gettext("We have no crisis lines for that country; please choose one from the list."),
            field="crisis_country",
        )
    with transaction.atomic():
        user.hidden_warnings = clean_warnings(warnings)
        user.crisis_country = country
        user.save(update_fields=["hidden_warnings", "crisis_country"])
    return user
