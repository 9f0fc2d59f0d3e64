"""Reading imported posts' attributions for pages that republish posts outside the question
page (the API, feeds): CC BY-SA asks for the author, the original and the licence wherever
the text goes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mindwell.importers.models import ImportedAttribution
from mindwell.qa.models import Post

Attributions = dict[int, ImportedAttribution]


def attributions_for(posts: Iterable[Post | None]) -> Attributions:
    """The attributions of `posts`, by post id, in one query (none for no posts); posts
    written here are simply absent."""
    ids = {post.pk for post in posts if post is not None}
    if not ids:
        return {}
    return {a.post_id: a for a in ImportedAttribution.objects.filter(post_id__in=ids)}


def joined_attribution(post: Post) -> ImportedAttribution | None:
    """The attribution of a post read with ``select_related("imported_attribution")`` (no
    query: the join already said whether there is one)."""
    try:
        return post.imported_attribution  # type: ignore[no-any-return]
    except ImportedAttribution.DoesNotExist:
        return None


def by_post(posts: Iterable[Post]) -> Attributions:
    """The attributions joined onto `posts` (see `joined_attribution`), by post id."""
    found = ((post.pk, joined_attribution(post)) for post in posts)
    return {pk: attribution for pk, attribution in found if attribution is not None}


def attribution_out(attribution: ImportedAttribution | None) -> dict[str, Any] | None:
    """An attribution as plain values (the API's `attribution` field)."""
    if attribution is None:
        return None
    return {
        "author_name": attribution.author_name,
        "source_url": attribution.source_url,
        "licence": attribution.licence,
        "licence_url": attribution.licence_url,
    }
