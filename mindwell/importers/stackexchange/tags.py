"""Tags.xml -> tags, and the tags of imported questions.

Mindwell's tags have a name and a count only, so a tag's excerpt and wiki are reported as
skipped (their text stays in the dump's Posts.xml as post types 4 and 5).
"""

from __future__ import annotations

from collections.abc import Iterable

from mindwell.importers.stackexchange.batches import ImportContext, in_batches
from mindwell.qa.validation import TAG_MAX_LENGTH, TAG_PATTERN
from mindwell.taxonomy.models import Tag

KIND = "tag"


def import_tags(ctx: ImportContext) -> None:
    if not ctx.dump.has("Tags.xml"):
        return
    in_batches(ctx, "tags", ctx.dump.rows("Tags.xml"), lambda rows: _batch(ctx, rows))


def _batch(ctx: ImportContext, rows: list[dict[str, str]]) -> None:
    ledger = ctx.ledger
    fresh: dict[str, str] = {}  # external id -> name
    for row in rows:
        external_id = row.get("Id", "")
        name = (row.get("TagName") or "").strip().lower()
        if ledger.local_id(KIND, external_id) is not None:
            ledger.count(KIND, "already")
            continue
        problem = tag_name_problem(name)
        if problem:
            ledger.skip(KIND, external_id, problem)
            continue
        fresh[external_id] = name
        if row.get("ExcerptPostId") or row.get("WikiPostId"):
            ledger.skip("tag wiki", external_id, "Mindwell tags have no excerpt or wiki")
    if not fresh:
        return
    ids = tag_ids(fresh.values())
    ledger.remember_many(KIND, [(ext, ids[name]) for ext, name in fresh.items()])
    ledger.count(KIND, "imported", len(fresh))


def tag_name_problem(name: str) -> str:
    if not name:
        return "no tag name"
    if len(name) > TAG_MAX_LENGTH:
        return f"tag name longer than {TAG_MAX_LENGTH} characters"
    if not TAG_PATTERN.match(name):
        return "tag name with characters Mindwell does not allow"
    return ""


def tag_ids(names: Iterable[str]) -> dict[str, int]:
    """The ids of these tags, creating those that do not exist yet (with no questions: the
    counts are set once the questions are in, see finish.py)."""
    wanted = set(names)
    if not wanted:
        return {}
    existing = dict(Tag.objects.filter(name__in=wanted).values_list("name", "pk"))
    missing = [Tag(name=name) for name in wanted if name not in existing]
    if missing:
        Tag.objects.bulk_create(missing, ignore_conflicts=True)
        existing = dict(Tag.objects.filter(name__in=wanted).values_list("name", "pk"))
    return existing
