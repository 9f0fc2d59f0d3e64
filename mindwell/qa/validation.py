"""Checks shared by the post services. Each failure is a ServiceError naming the field, with
a message that tells the person what to change."""

from __future__ import annotations

import re

from mindwell.core.errors import ServiceError
from mindwell.siteconfig.models import SiteSettings

TAG_PATTERN = re.compile(r"^[\w][\w.+#-]*$")
TAG_MAX_LENGTH = 40
NAME_MAX_LENGTH = 40


def clean_text(value: str) -> str:
    # NUL bytes cannot be stored in PostgreSQL text and never mean anything in a post.
    return (value or "").replace("\x00", "").replace("\r\n", "\n").strip()


def check_length(value: str, *, field: str, label: str, minimum: int, maximum: int) -> str:
    text = clean_text(value)
    if not text:
        raise ServiceError(f"Please write a {label}.", field=field)
    if len(text) < minimum:
        raise ServiceError(
            f"The {label} is too short: please use at least {minimum} characters.", field=field
        )
    if len(text) > maximum:
        raise ServiceError(
            f"The {label} is too long: {len(text):,} characters, the most is {maximum:,}.",
            field=field,
        )
    return text


def parse_tags(raw: str | list[str], *, site: SiteSettings) -> list[str]:
    """'Anxiety, sleep  panic attacks' style input -> ['anxiety', 'sleep', ...]: lower case,
    unique, in the order given. Spaces and commas separate tags."""
    items = raw if isinstance(raw, list) else re.split(r"[\s,]+", clean_text(raw))
    tags: list[str] = []
    for item in items:
        tag = clean_text(item).lower().lstrip("#")
        if not tag or tag in tags:
            continue
        if len(tag) > TAG_MAX_LENGTH:
            raise ServiceError(
                f"The tag “{tag[:50]}” is too long: at most {TAG_MAX_LENGTH} characters.",
                field="tags",
            )
        if not TAG_PATTERN.match(tag):
            raise ServiceError(
                f"The tag “{tag[:50]}” can use only letters, digits and . + # -",
                field="tags",
            )
        tags.append(tag)
    if len(tags) > site.max_tags:
        raise ServiceError(
            f"Please use at most {site.max_tags} tags (you gave {len(tags)}).", field="tags"
        )
    return tags


def clean_anonymous_name(value: str) -> str:
    name = " ".join(clean_text(value).split())
    if len(name) > NAME_MAX_LENGTH:
        raise ServiceError(
            f"The name to display is too long: at most {NAME_MAX_LENGTH} characters.",
            field="anon_name",
        )
    return name
