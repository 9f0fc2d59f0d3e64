"""The email templates, and an administrator's overrides of them.

Each email has three parts, each a template under templates/notifications/email/:
`<name>.subject.txt`, `<name>.txt` (the plain-text part) and `<name>.html`; notifications
share `notification.*` unless `events/<event type>.*` exists. An
`EmailTemplateOverride` row for the name replaces any of the three with its own text, in
the same template language (it may `{% extends %}` or `{% include %}` the file templates).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from django.template import Context, Engine, engines
from django.utils.translation import gettext_lazy

from mindwell.notifications.models import EventType

DIGEST = "digest"
MAILING = "mailing"

TEMPLATE_NAMES: dict[str, Any] = {
    **{
        str(event): f"Notification: {event.label}"
        for event in EventType
        # Announcements are mass mailings (MAILING), not notifications.
        if str(event) != "announcements"
    },
    DIGEST: gettext_lazy("Daily and weekly digest"),
    MAILING: gettext_lazy("Mass mailing (announcement)"),
}

_FOLDER = "notifications/email"
_PARTS = {"subject": "subject.txt", "text": "txt", "html": "html"}


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def file_template_names(name: str, part: str) -> list[str]:
    """Where the file template for a part is: an event's own file when it has one, else
    the one every notification shares."""
    if name in {DIGEST, MAILING}:
        return [f"{_FOLDER}/{name}.{_PARTS[part]}"]
    return [f"{_FOLDER}/events/{name}.{_PARTS[part]}", f"{_FOLDER}/notification.{_PARTS[part]}"]


def load_overrides() -> dict[str, Any]:
    """Every override, by name (one query; the worker loads them once per batch)."""
    from mindwell.notifications.models_email import EmailTemplateOverride

    return {row.name: row for row in EmailTemplateOverride.objects.all()}


def render(name: str, context: dict[str, Any], overrides: dict[str, Any] | None = None) -> Rendered:
    """Render the three parts of email `name`; `overrides` from `load_overrides()`."""
    if name not in TEMPLATE_NAMES:
        raise ValueError(f"No email template is called {name!r}")
    override = (overrides if overrides is not None else load_overrides()).get(name)
    parts = {}
    for part in _PARTS:
        # The subject and the plain-text part are not HTML: nothing in them is escaped.
        engine = _site_engine() if part == "html" else text_engine()
        source = getattr(override, part, "") if override is not None else ""
        if source:
            template = engine.from_string(source)
        else:
            template = engine.select_template(file_template_names(name, part))
        parts[part] = template.render(Context(context, autoescape=engine.autoescape))
    return Rendered(
        subject=clean_subject(parts["subject"]),
        text=parts["text"].strip() + "\n",
        html=parts["html"],
    )


def _site_engine() -> Engine:
    engine: Engine = engines["django"].engine  # type: ignore[attr-defined]
    return engine


@functools.cache
def text_engine() -> Engine:
    """The site's template engine (same folders, same built-in tags), without
    autoescaping, for parts that are plain text."""
    site = _site_engine()
    return Engine(
        dirs=site.dirs,
        app_dirs=site.app_dirs,
        libraries=site.libraries,
        builtins=[name for name in site.builtins if name not in Engine.default_builtins],
        autoescape=False,
    )


def clean_subject(subject: str) -> str:
    """One line, whatever the template produced: a line break in a header would end it."""
    return re.sub(r"\s+", " ", subject).strip()[:200]
