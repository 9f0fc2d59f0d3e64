"""Text as the index sees it, and snippets as a page shows them.

Posts are Markdown; the index holds the plain text of the rendered HTML (already sanitised by
nh3), so link targets, tags and Markdown punctuation are not searchable and never appear in a
snippet. Snippets come back from the database with two private-use characters around each
match; they are removed from indexed text, so after escaping everything they can only be the
database's markers and are turned into <mark> elements.
"""

from __future__ import annotations

import html
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MARK_START = "\ue000"
MARK_END = "\ue001"

# Block elements separate words; inline ones (emphasis, links, code) sit inside them.
BLOCK_TAGS = "p|br|li|ul|ol|dl|dt|dd|h[1-6]|div|blockquote|pre|hr|table|tr|td|th|details|summary"
_BLOCK_TAG = re.compile(f"<(?:/?)(?:{BLOCK_TAGS})\\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
# Control characters (tabs and newlines become spaces) and our own markers.
_UNWANTED = re.compile(f"[\\x00-\\x1f\\x7f{MARK_START}{MARK_END}]")
_SPACES = re.compile(r"\s+")
WORD = re.compile(r"\w+", re.UNICODE)


def clean_plain(text: str) -> str:
    """Text safe to index: no control characters, no snippet markers, single spaces."""
    return _SPACES.sub(" ", _UNWANTED.sub(" ", text or "")).strip()


def html_to_plain(body_html: str) -> str:
    """The words of rendered, sanitised post HTML."""
    spaced = _BLOCK_TAG.sub(" ", body_html or "")
    return clean_plain(html.unescape(_TAG.sub("", spaced)))


def post_plain_body(body_html: str | None, body: str | None) -> str:
    """What is indexed for a post's body: its rendered text, or the source when a post was
    stored without rendering (bulk-loaded data)."""
    if body_html:
        return html_to_plain(body_html)
    return clean_plain(body or "")


def marked(fragment: str) -> SafeString:
    """Escape a snippet from the database, then turn its markers into <mark> elements. An
    unclosed mark (a fragment cut inside a match) is closed at the end."""
    out: list[str] = []
    is_open = False
    for piece in re.split(f"([{MARK_START}{MARK_END}])", fragment or ""):
        if piece == MARK_START:
            if not is_open:
                out.append("<mark>")
                is_open = True
        elif piece == MARK_END:
            if is_open:
                out.append("</mark>")
                is_open = False
        else:
            out.append(str(escape(piece)))
    if is_open:
        out.append("</mark>")
    return mark_safe("".join(out))  # noqa: S308 - every piece of text was escaped above


def excerpt(text: str, length: int = 220) -> str:
    """The beginning of a text, cut at a word boundary."""
    text = clean_plain(text)
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0]
    return cut + " …"
