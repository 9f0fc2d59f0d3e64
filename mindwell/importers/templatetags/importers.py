"""The attribution line under imported posts (CC BY-SA: author, original link, licence)."""

from __future__ import annotations

from typing import Any

from django import template
from django.core.cache import cache

from mindwell.importers.models import ImportedAttribution

register = template.Library()

# Whether any attribution exists: sites that never imported anything pay no query for it.
# Importers delete the key when they finish; 5 minutes bounds a stale "no" elsewhere.
ATTRIBUTIONS_CACHE_KEY = "importers:attributions-exist"
ATTRIBUTIONS_CACHE_SECONDS = 300


@register.inclusion_tag("importers/_attribution.html", takes_context=True)
def imported_attribution(context: template.Context, post: Any) -> dict[str, Any]:
    return {"attribution": _attribution(context, post)}


def _attribution(context: template.Context, post: Any) -> ImportedAttribution | None:
    if post is None:
        return None
    thread = context.get("thread")
    # Asked once per question page, not per post: the check is a cache round trip.
    found = getattr(thread, "imported_attributions", None)
    if found is not None:
        return found.get(post.pk)  # type: ignore[no-any-return]
    if not cache.get_or_set(
        ATTRIBUTIONS_CACHE_KEY, ImportedAttribution.objects.exists, ATTRIBUTIONS_CACHE_SECONDS
    ):
        if thread is not None:
            thread.imported_attributions = {}
        return None
    if thread is None:
        return ImportedAttribution.objects.filter(post_id=post.pk).first()
    # One query for the whole question page, kept on the page's thread.
    ids = [thread.question.pk, *(a.pk for a in thread.answers)]
    ids += [c.pk for comments in thread.comments.values() for c in comments]
    found = {a.post_id: a for a in ImportedAttribution.objects.filter(post_id__in=ids)}
    thread.imported_attributions = found
    return found.get(post.pk)  # type: ignore[no-any-return]
