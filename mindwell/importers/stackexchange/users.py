"""Users.xml -> members. Dumps hold no email addresses, so imported members get an unusable
password: they cannot log in until an email is attached to their account (by an
administrator, once they have shown who they are) and they reset their password."""

from __future__ import annotations

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models.functions import Lower

from mindwell.importers.html_to_markdown import html_to_markdown
from mindwell.importers.stackexchange.batches import ImportContext, in_batches
from mindwell.importers.stackexchange.dump import clean, parse_date

KIND = "user"
# Stack Exchange's "Community" account owns wiki posts and automatic edits; it is nobody.
COMMUNITY_ID = "-1"
_NOT_IN_USERNAMES = re.compile(r"[^\w.@+-]+")
_url = URLValidator(schemes=["http", "https"])


def import_users(ctx: ImportContext) -> None:
    if not ctx.dump.has("Users.xml"):
        return
    in_batches(ctx, "users", ctx.dump.rows("Users.xml"), lambda rows: _batch(ctx, rows))


def _batch(ctx: ImportContext, rows: list[dict[str, str]]) -> None:
    User = get_user_model()
    ledger = ctx.ledger
    fresh: list[dict[str, str]] = []
    for row in rows:
        external_id = row.get("Id", "")
        if external_id == COMMUNITY_ID:
            ledger.skip(KIND, external_id, "Stack Exchange's Community account, not a person")
        elif not external_id:
            ledger.skip(KIND, "?", "a row without an Id")
        elif ledger.local_id(KIND, external_id) is not None:
            ledger.count(KIND, "already")
        else:
            fresh.append(row)
    if not fresh:
        return
    names = _usernames(fresh)
    users = []
    for row, username in zip(fresh, names, strict=True):
        user = User(
            username=username,
            # The exact display name, for attribution: usernames here cannot hold spaces.
            first_name=clean(row.get("DisplayName"))[:150],
            email="",
            about=html_to_markdown(clean(row.get("AboutMe")))[:2000],
            location=clean(row.get("Location"))[:100],
            website=_website(row.get("WebsiteUrl")),
        )
        joined = parse_date(row.get("CreationDate"))
        if joined is not None:
            user.date_joined = joined
        user.set_unusable_password()
        user.sync_roles()  # what save() does, which bulk_create skips
        users.append(user)
    User.objects.bulk_create(users)
    ledger.remember_many(
        KIND, [(row["Id"], user.pk) for row, user in zip(fresh, users, strict=True)]
    )
    ledger.count(KIND, "imported", len(users))


def _usernames(rows: list[dict[str, str]]) -> list[str]:
    """The display name as a username (spaces become underscores); when a member here already
    has it, or another imported user in this batch does, the Stack Exchange id is added."""
    User = get_user_model()
    wanted = []
    for row in rows:
        base = _NOT_IN_USERNAMES.sub("_", clean(row.get("DisplayName"))).strip("_")[:120]
        wanted.append(base or f"user{row['Id']}")
    lowered = {name.lower() for name in wanted}
    taken = set(
        User.objects.annotate(lowered=Lower("username"))
        .filter(lowered__in=lowered)
        .values_list("lowered", flat=True)
    )
    # Names nobody may register ("admin", "moderator"...) are not given to imports either.
    taken |= {name.lower() for name in getattr(settings, "ACCOUNT_USERNAME_BLACKLIST", [])}
    names = []
    for row, name in zip(rows, wanted, strict=True):
        if name.lower() in taken:
            name = f"{name}_{row['Id']}"
            # A member might even be called that already: then the id with a prefix.
            if User.objects.filter(username__iexact=name).exists() or name.lower() in taken:
                name = f"se_{row['Id']}_{name}"[:150]
        taken.add(name.lower())
        names.append(name)
    return names


def _website(value: str | None) -> str:
    url = clean(value)
    if not url or len(url) > 200:
        return ""
    try:
        _url(url)
    except ValidationError:
        return ""
    return url
