from __future__ import annotations

from django.db.models import F

from mindwell.taxonomy.models import Category, Tag


def category_count_add(*, category: Category | None, delta: int) -> None:
    """A category's count includes the questions in its sub-categories."""
    if category is None or delta == 0:
        return
    ids = [category.pk, *(node.pk for node in category.ancestors())]
    Category.objects.filter(pk__in=ids).update(question_count=F("question_count") + delta)


def tags_attach(*, question, names: list[str], count: bool = True) -> None:  # type: ignore[no-untyped-def]
    """Give a question exactly these tags, keeping each tag's question count right. A tag
    counts published questions only, so `count` is false for any other question."""
    current = {tag.name: tag for tag in question.tags.all()}
    wanted = list(dict.fromkeys(names))
    removed = [tag for name, tag in current.items() if name not in wanted]
    added_names = [name for name in wanted if name not in current]
    if removed:
        question.tags.remove(*removed)
    if removed and count:
        Tag.objects.filter(pk__in=[t.pk for t in removed]).update(
            question_count=F("question_count") - 1
        )
    if added_names:
        existing = {t.name: t for t in Tag.objects.filter(name__in=added_names)}
        missing = [Tag(name=name) for name in added_names if name not in existing]
        if missing:
            Tag.objects.bulk_create(missing, ignore_conflicts=True)
            existing = {t.name: t for t in Tag.objects.filter(name__in=added_names)}
        question.tags.add(*existing.values())
    if added_names and count:
        Tag.objects.filter(pk__in=[t.pk for t in existing.values()]).update(
            question_count=F("question_count") + 1
        )
