"""The anonymous full-page cache, shared by every app server through Django's default cache
(local memory by default, Redis with REDIS_URL).

Only anonymous GET/HEAD requests without a session or pending messages, for pages listed in
`keys.CACHEABLE` and with known query parameters, are served from it; everything else goes
straight to the view. A page is stored with the generation of everything it shows
(`generations`): the site (settings, categories, crisis lines...), the question and each
member named on it, or the "lists" generation for list pages. Writes move those
generations after they commit (`signals`), so the next reader gets a fresh page. Values that
must differ per visitor (CSRF tokens, once-only form tokens, check questions) are stored as
holes and filled for each request (`holes`).

`MINDWELL_PAGE_CACHE` turns it on (production and local) or off (tests, unless a test turns
it on). Responses say `X-Cache: hit` or `X-Cache: miss`.
"""

from mindwell.core.pagecache.generations import (
    invalidate_lists,
    invalidate_question,
    invalidate_site,
    invalidate_user,
)
from mindwell.core.pagecache.question_pages import note_question

__all__ = [
    "invalidate_lists",
    "invalidate_question",
    "invalidate_site",
    "invalidate_user",
    "note_question",
]
