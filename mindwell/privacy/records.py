"""Turning rows that point at a member into plain data for their export.

Every model with a foreign key to the member is found by mindwell.privacy.selectors
.user_relations, so data added by later features is exported without changing this file.
Two rules keep other people's data and the site's secrets out:

- Secrets are never exported: the fields in EXCLUDED_FIELDS, and any field whose name says
  it is one (SECRET_NAME_PARTS).
- A row is the member's own when it reaches them through an owner-like field (OWNER_FIELDS:
  their vote, their flag, a moderation decision about them); it is then exported in full,
  with every *other* member it names replaced by null. A row that only mentions them (a
  post they closed as a moderator, a flag they resolved) is listed by id and dates only,
  since the rest of it is somebody else's.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import models

from mindwell.privacy.selectors import UserRelation

# (model label, field name): never exported.
EXCLUDED_FIELDS: frozenset[tuple[str, str]] = frozenset(
    {
        ("accounts.user", "password"),
        ("qa.post", "submit_token"),  # the once-only form token
        ("mfa.authenticator", "data"),  # TOTP secrets and recovery codes
        ("usersessions.usersession", "session_key"),
        ("account.emailconfirmation", "key"),
        ("socialaccount.socialtoken", "token"),
        ("socialaccount.socialtoken", "token_secret"),
        ("socialaccount.socialapp", "secret"),
        ("socialaccount.socialapp", "client_id"),
        ("socialaccount.socialapp", "key"),
        ("sessions.session", "session_key"),
        ("sessions.session", "session_data"),
    }
)
# Any field named like this is a secret, whatever model it is on.
SECRET_NAME_PARTS = ("password", "secret", "token", "session_key", "otp", "recovery")

# Relations that make a row the member's own.
OWNER_FIELDS = frozenset(
    {"user", "author", "owner", "member", "applicant", "target_user", "editor", "sender"}
)


def is_secret(label: str, field: models.Field) -> bool:
    name = field.name.lower()
    return (label, field.name) in EXCLUDED_FIELDS or any(p in name for p in SECRET_NAME_PARTS)


def row_data(row: models.Model, *, member_id: int) -> dict[str, Any]:
    """Every non-secret field of a row the member owns. Files are given by name."""
    label = row._meta.label_lower
    user_model = get_user_model()
    data: dict[str, Any] = {}
    for field in row._meta.concrete_fields:
        if is_secret(label, field):
            continue
        value = field.value_from_object(row)
        if isinstance(field, models.ForeignKey) and field.related_model is user_model:
            value = value if value == member_id else None
        elif isinstance(field, models.FileField):
            value = value.name if value else ""
        data[field.attname if isinstance(field, models.ForeignKey) else field.name] = value
    return data


def mention_data(row: models.Model, *, relation: str) -> dict[str, Any]:
    """A row that only mentions the member: what it is and when, nothing of anyone else's."""
    data: dict[str, Any] = {"id": row.pk, "relation": relation}
    for field in row._meta.concrete_fields:
        if isinstance(field, models.DateField):
            data[field.name] = field.value_from_object(row)
    return data


def relation_records(relation: UserRelation, *, member_id: int) -> list[dict[str, Any]]:
    rows = relation.model._base_manager.filter(**{relation.field.attname: member_id})
    if relation.name in OWNER_FIELDS:
        return [row_data(row, member_id=member_id) for row in rows.order_by("pk").iterator()]
    return [mention_data(row, relation=relation.name) for row in rows.order_by("pk").iterator()]
