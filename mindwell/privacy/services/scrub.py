"""Finding and removing what identifies a member, for account deletion.

`Identity.of(member)` gathers what can name them: the username, every email address and
every IP address found in rows that are theirs (through mindwell.privacy.selectors
.user_relations, so later features are covered). The functions below then remove those
values: exact values anywhere in the database (email and IP fields of every model, and the
email address inside any text), and the username inside the free text of rows tied to the
member (a username can be an ordinary word, so it is not replaced everywhere).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q
from django.utils import timezone

from mindwell.privacy.records import OWNER_FIELDS
from mindwell.privacy.selectors import posts_of, user_relations

REPLACEMENT = "[deleted member]"
DB_SESSION_ENGINES = {
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.backends.cached_db",
}


@dataclass
class Identity:
    user_id: int
    username: str
    emails: set[str] = field(default_factory=set)
    ips: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, user: Any) -> Identity:
        identity = cls(user_id=user.pk, username=user.username)
        if user.email:
            identity.emails.add(user.email.lower())
        for relation in user_relations():
            if relation.name not in OWNER_FIELDS:
                continue
            wanted = [
                f
                for f in relation.model._meta.concrete_fields
                if isinstance(f, models.EmailField | models.GenericIPAddressField)
            ]
            if not wanted:
                continue
            rows = relation.model._base_manager.filter(**{relation.field.attname: user.pk})
            for values in rows.values_list(*[f.attname for f in wanted]).iterator():
                for model_field, value in zip(wanted, values, strict=True):
                    if value:
                        target = (
                            identity.emails
                            if isinstance(model_field, models.EmailField)
                            else identity.ips
                        )
                        target.add(str(value).lower())
        # Anonymous posts hold no user key; their addresses are the member's too.
        for ip in posts_of(user=user).exclude(author_ip=None).values_list("author_ip", flat=True):
            identity.ips.add(str(ip).lower())
        return identity

    def pattern(self, *, with_username: bool) -> re.Pattern[str] | None:
        needles = sorted(self.emails, key=len, reverse=True)
        if with_username and self.username:
            # Whole word only: "anna" must not eat "annabel".
            needles.append(rf"(?<![\w.@-]){re.escape(self.username)}(?![\w-])")
        parts = [re.escape(n) if "(?" not in n else n for n in needles]
        return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def scrub_text(value: Any, pattern: re.Pattern[str] | None) -> Any:
    """`value` (a string, or JSON data) with every match replaced."""
    if pattern is None:
        return value
    if isinstance(value, str):
        return pattern.sub(REPLACEMENT, value)
    if isinstance(value, list):
        return [scrub_text(item, pattern) for item in value]
    if isinstance(value, dict):
        return {scrub_text(k, pattern): scrub_text(v, pattern) for k, v in value.items()}
    return value


def scrub_rows(
    queryset: models.QuerySet, fields: list[str], pattern: re.Pattern[str] | None
) -> int:
    """Rewrite the text `fields` of every row in `queryset`; return how many changed."""
    if pattern is None:
        return 0
    changed = 0
    for row in queryset.only("pk", *fields).iterator(chunk_size=500):
        updates = {}
        for name in fields:
            old = getattr(row, name)
            new = scrub_text(old, pattern)
            if new != old:
                updates[name] = new
        if updates:
            type(row)._base_manager.filter(pk=row.pk).update(**updates)
            changed += 1
    return changed


def _text_fields(model: type[models.Model]) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField | models.JSONField)
        and not f.choices
        and not f.unique
        and not isinstance(f, models.EmailField)
    ]


def erase_values_everywhere(identity: Identity) -> None:
    """After the account row is gone: empty every email or IP field holding one of the
    member's values, in every model, and cut their email addresses out of any text."""
    user_model = get_user_model()
    pattern = identity.pattern(with_username=False)
    for model in apps.get_models(include_auto_created=True):
        if model is user_model or not model._meta.managed:
            continue
        manager = model._base_manager
        for f in model._meta.concrete_fields:
            if isinstance(f, models.EmailField) and identity.emails:
                match = Q()
                for email in identity.emails:
                    match |= Q(**{f"{f.attname}__iexact": email})
                manager.filter(match).update(**{f.attname: None if f.null else ""})
            elif isinstance(f, models.GenericIPAddressField) and identity.ips:
                empty = None if f.null else "0.0.0.0"  # noqa: S104 (a placeholder, not a bind)
                manager.filter(**{f"{f.attname}__in": sorted(identity.ips)}).update(
                    **{f.attname: empty}
                )
        texts = _text_fields(model)
        for email in identity.emails:
            for f in texts:
                rows = manager.filter(**{f"{f.attname}__icontains": email})
                scrub_rows(rows, [f.attname], pattern)


def end_sessions(identity: Identity) -> int:
    """Log the member out everywhere: the sessions allauth noted for them, and (with a
    database session store) any live session that names them."""
    keys: set[str] = set()
    if apps.is_installed("allauth.usersessions"):
        from allauth.usersessions.models import UserSession

        keys.update(
            UserSession.objects.filter(user_id=identity.user_id).values_list(
                "session_key", flat=True
            )
        )
    if settings.SESSION_ENGINE in DB_SESSION_ENGINES:
        from django.contrib.sessions.models import Session

        live = Session.objects.filter(expire_date__gt=timezone.now())
        for session in live.iterator(chunk_size=1000):
            if str(session.get_decoded().get("_auth_user_id")) == str(identity.user_id):
                keys.add(session.session_key)
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for key in keys:
        store(session_key=key).delete()
    return len(keys)


def owned_files(user: Any) -> list[tuple[Any, str]]:
    """Files of the member's own rows that the deletion removes (licence documents, an
    avatar), as (storage, name) pairs to delete once the deletion is committed."""
    files: list[tuple[Any, str]] = []
    sources: list[models.QuerySet] = [type(user)._base_manager.filter(pk=user.pk)]
    for relation in user_relations():
        if relation.field.remote_field.on_delete is models.CASCADE:
            sources.append(relation.model._base_manager.filter(**{relation.field.attname: user.pk}))
    for rows in sources:
        file_fields = [
            f for f in rows.model._meta.concrete_fields if isinstance(f, models.FileField)
        ]
        if not file_fields:
            continue
        for row in rows.iterator():
            for f in file_fields:
                value = getattr(row, f.attname)
                if value:
                    files.append((value.storage, value.name))
    return files
