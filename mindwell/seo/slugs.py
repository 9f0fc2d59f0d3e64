"""Readable URL slugs for question titles, in any script."""

from __future__ import annotations

import unicodedata

from django.utils.text import slugify

SLUG_MAX_LENGTH = 80
FALLBACK_SLUG = "question"


def _latin_only(title: str) -> bool:
    """Whether every letter of `title` is an ASCII letter once accents are taken off."""
    decomposed = unicodedata.normalize("NFKD", title)
    return all(
        char.isascii() for char in decomposed if char.isalpha() and not unicodedata.combining(char)
    )


def question_slug(title: str) -> str:
    """ "Café au lait?" -> "cafe-au-lait"; "Почему я тревожусь?" -> "почему-я-тревожусь".

    Latin titles lose their accents so the slug is plain ASCII. Other scripts keep their
    letters (browsers show them readably, and the URL is percent-encoded on the wire):
    transliterating them would need a table per language, and dropping them would leave
    nothing. A title with no letters or digits at all gets "question"."""
    slug = slugify(title, allow_unicode=not _latin_only(title))
    return slug[:SLUG_MAX_LENGTH].strip("-") or FALLBACK_SLUG
