"""Categories (a tree, with slugs, descriptions and order) and tags.

A new Mindwell site starts with a seeded category tree, and Question2Answer sites often use
the same slugs ("anxiety", "relationships"). A seeded category that nothing uses yet is taken
over by the Question2Answer category with its slug (name, description, place in the tree);
one already in use is left alone and the imported category gets a slug of its own.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.text import slugify

from mindwell.importers.q2a.context import Context
from mindwell.importers.q2a.source import Row
from mindwell.qa.models import Post
from mindwell.taxonomy.models import Category, Tag

TAG_MAX = Tag._meta.get_field("name").max_length or 40


def import_categories(ctx: Context) -> None:
    known = ctx.ledger.known("category")
    sql = f"SELECT * FROM {ctx.t('categories')} ORDER BY categoryid"  # noqa: S608
    rows = ctx.source.all(sql)
    by_id = {int(row["categoryid"]): row for row in rows}
    with transaction.atomic():
        for row in sorted(rows, key=lambda r: _depth(r, by_id)):
            if str(row["categoryid"]) in known:
                ctx.ledger.count("categories", "already imported")
                continue
            parent_id = None
            if row["parentid"] is not None:
                parent_id = known.get(str(row["parentid"]))
                if parent_id is None:
                    ctx.ledger.skip("category", row["categoryid"], "its parent was not imported")
                    continue
            category = _place(row, parent_id, taken=set(known.values()))
            ctx.ledger.remember("category", row["categoryid"], category.pk)
            ctx.ledger.count("categories")
        ctx.ledger.checkpoint()


def _depth(row: Row, by_id: dict[int, Row]) -> int:
    depth, node = 0, row
    while node["parentid"] is not None and depth < 10:
        parent = by_id.get(int(node["parentid"]))
        if parent is None:
            break
        depth, node = depth + 1, parent
    return depth


def _place(row: Row, parent_id: int | None, *, taken: set[int]) -> Category:
    slug = slugify(str(row["tags"]), allow_unicode=True)[:80] or f"category-{row['categoryid']}"
    name = str(row["title"])[:80]
    fields = {
        "name": name,
        "parent_id": parent_id,
        "description": str(row["content"] or "")[:1000],
        "position": int(row["position"] or 0),
    }
    unused = Category.objects.filter(
        ~Exists(Post.objects.filter(category=OuterRef("pk"))), question_count=0
    ).exclude(pk__in=taken)
    # A seeded category with the slug, or with the name in the same place, is this one.
    seeded = (
        unused.filter(slug=slug).first() or unused.filter(parent_id=parent_id, name=name).first()
    )
    if seeded is not None and not _name_taken(name, parent_id, exclude=seeded.pk):
        for field, value in fields.items():
            setattr(seeded, field, value)
        if not Category.objects.filter(slug=slug).exclude(pk=seeded.pk).exists():
            seeded.slug = slug
        seeded.save()
        return seeded
    unique, n = slug, 2
    while Category.objects.filter(slug=unique).exists():
        unique, n = f"{slug[:75]}-{n}", n + 1
    if _name_taken(name, parent_id):
        fields["name"] = f"{name[:60]} (imported)"
    return Category.objects.create(slug=unique, **fields)


def _name_taken(name: str, parent_id: int | None, exclude: int | None = None) -> bool:
    siblings = Category.objects.filter(parent_id=parent_id, name=name)
    if exclude is not None:
        siblings = siblings.exclude(pk=exclude)
    return siblings.exists()


def tag_names(text: str | None) -> list[str]:
    """A question's tags as Question2Answer stores them: comma-separated words."""
    names = []
    for word in (text or "").split(","):
        word = word.strip()[:TAG_MAX]
        if word and word not in names:
            names.append(word)
    return names


def tag_ids(names: set[str]) -> dict[str, int]:
    """Local tag ids by name, creating the missing tags (counts are set at the end)."""
    if not names:
        return {}
    Tag.objects.bulk_create([Tag(name=name) for name in names], ignore_conflicts=True)
    return dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))
