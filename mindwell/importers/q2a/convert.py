"""Question2Answer post content -> the Markdown every Mindwell post is stored as.

Question2Answer keeps content as plain text (format '') or as sanitised HTML (format
'html', from its WYSIWYG editor). Plain text becomes Markdown that shows exactly the same
characters and line breaks: whatever Markdown would read as syntax is escaped, so "<script>"
or "*not emphasis*" appear as typed. HTML goes through the importers' shared converter; if
the Markdown would not show the same words as the HTML (something the converter cannot
express), the post keeps its HTML instead, sanitised, which our Markdown pipeline renders
as it is. Either way the body is rendered by ``mindwell.core.markdown.render_markdown``.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from mindwell.core.markdown import render_markdown, sanitize_html
from mindwell.importers.html_to_markdown import html_to_markdown

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>~|])")
_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|=+\s*$|-+\s*$|(\d{1,9})([.)])(?=\s|$))")
_SPACES = re.compile(r"\s+")


def plain_to_markdown(text: str) -> str:
    """Plain text as Markdown that renders to the same text and line breaks."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = re.split(r"\n\s*\n", text.strip("\n"))
    return "\n\n".join(_plain_paragraph(p) for p in paragraphs if p.strip())


def _plain_paragraph(paragraph: str) -> str:
    lines = [_plain_line(line) for line in paragraph.split("\n")]
    # A backslash at the end of a line is CommonMark's hard line break.
    return "\\\n".join(lines)


def _plain_line(line: str) -> str:
    line = line.rstrip()
    stripped = line.lstrip(" \t")
    indent = len(line) - len(stripped)
    line = _ENTITY_LIKE.sub("&amp;", stripped)
    line = _INLINE_SPECIAL.sub(r"\\\1", line)
    match = _LINE_START.match(line)
    if match:
        # "1." -> "1\." and "#", "-", ">" -> "\#"...: the line is text, not a heading or list.
        number = match.group(2)
        line = number + "\\" + line[len(number) :] if number else "\\" + line
    # Leading spaces would make a code block; Question2Answer showed them as spaces.
    return "&nbsp;" * min(indent, 8) + line


def html_body(html: str) -> tuple[str, bool]:
    """(body, converted): Markdown when it says what the HTML says, else sanitised HTML."""
    body, converted, _rendered = _html_body(html)
    return body, converted


def _html_body(html: str) -> tuple[str, bool, str | None]:
    """html_body, with the Markdown's rendering when it was kept (it is the post's HTML)."""
    markdown = html_to_markdown(html)
    rendered = render_markdown(markdown)
    sanitized = sanitize_html(html)
    if visible_text(rendered) == visible_text(sanitized):
        return markdown, True, rendered
    # Kept as HTML: one block with no blank line inside, so Markdown passes it through.
    kept = re.sub(r"\n\s*\n", "\n", sanitized).strip()
    return kept, False, None


def to_markdown(content: str | None, fmt: str | None) -> tuple[str, bool]:
    """A post body from Question2Answer's content and format; the flag is False when HTML
    was kept as HTML."""
    if (fmt or "") == "html":
        return html_body(content or "")
    return plain_to_markdown(content or ""), True


def to_post(content: str | None, fmt: str | None) -> tuple[str, str]:
    """(body, body_html) of a post: to_markdown and its rendering, rendering only once (the
    check of converted HTML has rendered the Markdown already)."""
    if (fmt or "") == "html":
        body, _converted, rendered = _html_body(content or "")
    else:
        body, rendered = plain_to_markdown(content or ""), None
    return body, rendered if rendered is not None else render_markdown(body)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(" ")


def visible_text(html: str) -> str:
    """The words a reader sees, with whitespace evened out."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return _SPACES.sub(" ", unescape("".join(parser.parts)).replace("\xa0", " ")).strip()
