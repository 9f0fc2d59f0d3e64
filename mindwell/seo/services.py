from __future__ import annotations

from mindwell.qa.models import Post
from mindwell.seo.models import OldSlug
from mindwell.seo.slugs import question_slug


def old_slug_record(*, question: Post, old_title: str, new_title: str) -> OldSlug | None:
    """Remember the slug `old_title` gave `question` when a title edit changes it. Call it in
    the edit's transaction. A title edited back to an earlier one makes that slug current
    again, so it stops being an old one."""
    old, new = question_slug(old_title), question_slug(new_title)
    if old == new:
        return None
    OldSlug.objects.filter(question=question, slug=new).delete()
    record, _ = OldSlug.objects.get_or_create(question=question, slug=old)
    return record
