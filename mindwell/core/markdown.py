"""Markdown to safe HTML, done once when a post is written.

CommonMark via markdown-it-py, then nh3 removes anything that could run script. Images are
turned into plain links: an <img> pointing at another host would make every reader's browser
contact it, and no Mindwell page may do that.
"""

from __future__ import annotations

import re
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "kbd", "li", "ol", "p", "pre", "q",
    "s", "samp", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
    "code": {"class"},
}
URL_SCHEMES = {"http", "https", "mailto"}
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
_LANGUAGE_CLASS = re.compile(r"language-[\w+#.-]{1,40}")


def _image_as_link(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    src = token.attrGet("src") or ""
    alt = token.content or src
    href = _escape(str(src))
    return f'<a href="{href}">{_escape(str(alt))}</a>'


def _table_cell(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    # markdown-it writes column alignment as a style attribute, which sanitising removes;
    # the align attribute says the same without allowing any style.
    token = tokens[idx]
    style = str(token.attrGet("style") or "")
    if style.startswith("text-align:"):
        del token.attrs["style"]
        token.attrSet("align", style.removeprefix("text-align:"))
    return str(self.renderToken(tokens, idx, options, env))


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def commonmark_parser() -> MarkdownIt:
    """The CommonMark parser with no Mindwell changes: what the spec tests run against."""
    return MarkdownIt("commonmark")


def _site_parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    parser.add_render_rule("image", _image_as_link)
    parser.add_render_rule("th_open", _table_cell)
    parser.add_render_rule("td_open", _table_cell)
    return parser


_PARSER = _site_parser()


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    # No real address contains control characters, and some browsers skipped them, which
    # made "java&#1;script:" a javascript: link. Such an href is dropped.
    if attribute == "href" and _CONTROL_CHARACTERS.search(value):
        return None
    # A code block's language is the only class a post may carry; any other class could
    # borrow the site's own styles ("best-badge", "message") to imitate the interface.
    if attribute == "class" and not _LANGUAGE_CLASS.fullmatch(value):
        return None
    return value


def sanitize_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_filter_attribute,
        link_rel="nofollow ugc",
        strip_comments=True,
    )


def render_markdown(source: str) -> str:
    """Render a post body: CommonMark, images as links, then sanitised."""
    return sanitize_html(_PARSER.render(source or ""))
