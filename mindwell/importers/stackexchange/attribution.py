"""Who wrote an imported post, as Stack Exchange showed it, and the attribution row that
CC BY-SA asks for: the author's name, a link to the original and the licence."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth import get_user_model

from mindwell.importers.models import ImportedAttribution
from mindwell.importers.stackexchange.batches import ImportContext
from mindwell.importers.stackexchange.dump import LICENCES, clean, licence_for

COMMUNITY_ID = "-1"


def author_names(
    ctx: ImportContext, rows: list[dict[str, str]], *, id_attr: str, name_attr: str
) -> dict[str, str]:
    """Each row's author: an imported member's display name, the name dumps keep on posts of
    deleted accounts, or "user<id>" as the site itself writes it. Keyed by the row's Id."""
    owners = {row.get(id_attr, "") for row in rows} - {""}
    local = {ext: ctx.ledger.local_id("user", ext) for ext in owners}
    users = get_user_model().objects.filter(pk__in=[pk for pk in local.values() if pk])
    display = {
        pk: first or username
        for pk, first, username in users.values_list("pk", "first_name", "username")
    }
    names = {}
    for row in rows:
        owner = row.get(id_attr, "")
        name = display.get(local.get(owner) or 0) or clean(row.get(name_attr))
        if not name:
            name = "Community" if owner == COMMUNITY_ID else (f"user{owner}" if owner else "")
        names[row["Id"]] = name or "anonymous"
    return names


def attribution(
    ctx: ImportContext,
    *,
    post_id: int,
    url: str,
    author_name: str,
    owner: str,
    created_at: datetime | None,
    licence: str | None,
) -> ImportedAttribution:
    """`licence`: what the dump says (newer dumps have a ContentLicense on each row);
    otherwise the date decides."""
    name = licence if licence in LICENCES else licence_for(created_at)
    return ImportedAttribution(
        post_id=post_id,
        source_url=url,
        author_name=author_name[:150],
        author_url=ctx.dump.user_url(owner) if owner and owner != COMMUNITY_ID else "",
        licence=name,
        licence_url=LICENCES[name],
    )
