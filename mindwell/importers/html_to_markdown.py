"""HTML from another Q&A site -> Mindwell's Markdown (CommonMark), shared by the importers.

Imported posts are stored as Markdown like every other post, so they can be edited and are
rendered (and sanitised) by the same code as posts written here. The converter keeps what
the text means: paragraphs, emphasis, code (inline and blocks, with their language), links,
lists (nested, numbered from their start), block quotes, headings, rules, tables and line
breaks. Images become links, because no Mindwell page loads anything from another host.
Anything else (spans, unknown tags) keeps its text. Script and style contents are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

BLOCK_TAGS = {
    "p", "div", "pre", "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "table", "thead", "tbody", "tfoot", "tr", "dl", "dt", "dd", "details", "summary",
}  # fmt: skip
VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "wbr", "area", "col", "source"}
DROPPED_TAGS = {"script", "style", "head", "title", "iframe", "object", "embed"}
RAW_INLINE_TAGS = {"kbd", "sup", "sub", "abbr"}
_BREAK = "\x00"

_SPACES = re.compile(r"\s+")
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
_BLOCK_START = re.compile(r"^(\s*)(#{1,6}(?:\s|$)|>|[-+*](?:\s|$)|=+\s*$|(\d{1,9})([.)])(?:\s|$))")
_LANGUAGE = re.compile(r"(?:^|\s)(?:lang|language)-([\w+#.-]{1,40})")


@dataclass
class Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    """A forgiving parser: unclosed tags close with their parent, stray end tags are ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("root")
        self.stack = [self.root]
        self.dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROPPED_TAGS:
            self.dropping += 1
            return
        if self.dropping:
            return
        if tag in ("li", "p") and any(el.tag == tag for el in self.stack[1:]):
            # "<li>one<li>two": a new item or paragraph closes the open one.
            self._close_to(tag, stop_at={"ul", "ol", "blockquote"})
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID_TAGS:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS and not self.dropping and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED_TAGS:
            self.dropping = max(0, self.dropping - 1)
            return
        if not self.dropping:
            self._close_to(tag)

    def _close_to(self, tag: str, stop_at: set[str] | None = None) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            open_tag = self.stack[depth].tag
            if open_tag == tag:
                del self.stack[depth:]
                return
            if stop_at and open_tag in stop_at:
                return

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.stack[-1].children.append(data)


def html_to_markdown(html: str) -> str:
    """Convert one post's HTML; the result ends without trailing blank lines."""
    builder = _TreeBuilder()
    builder.feed(html or "")
    builder.close()
    return "\n\n".join(_blocks(builder.root.children)).strip("\n")


# -- blocks ------------------------------------------------------------------------------
def _blocks(nodes: list[Element | str]) -> list[str]:
    blocks: list[str] = []
    run: list[Element | str] = []

    def flush() -> None:
        text = _paragraph(run)
        if text:
            blocks.append(text)
        run.clear()

    for node in nodes:
        if isinstance(node, Element) and node.tag in BLOCK_TAGS:
            flush()
            blocks.extend(_block(node))
        else:
            run.append(node)
    flush()
    return blocks


def _block(element: Element) -> list[str]:
    tag = element.tag
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        text = _inline_text(element.children)
        return [f"{'#' * int(tag[1])} {text}"] if text else []
    if tag == "hr":
        return ["* * *"]
    if tag == "pre":
        return [_code_block(element)]
    if tag == "blockquote":
        inner = "\n\n".join(_blocks(element.children))
        return [_prefix_lines(inner, "> ", ">")] if inner else []
    if tag in ("ul", "ol"):
        return [_list(element)] if element.children else []
    if tag == "table":
        return [_table(element)]
    if tag == "dt":
        text = _inline_text(element.children)
        return [f"**{text}**"] if text else []
    # p, div, li outside a list, dl, dd, details, summary, table parts out of place.
    return _blocks(element.children)


def _paragraph(nodes: list[Element | str]) -> str:
    text = _inline_text(nodes)
    return "\n".join(_escape_block_start(line) for line in text.split("\n"))


def _escape_block_start(line: str) -> str:
    match = _BLOCK_START.match(line)
    if match is None:
        return line
    indent = match.group(1)
    if match.group(3):  # "1. " would start a numbered list: "1\. "
        return f"{indent}{match.group(3)}\\{line[len(indent) + len(match.group(3)) :]}"
    return f"{indent}\\{line[len(indent) :]}"


def _code_block(pre: Element) -> str:
    code = _raw_text(pre).strip("\n")
    classes = pre.attrs.get("class", "")
    codes = [child for child in pre.children if isinstance(child, Element) and child.tag == "code"]
    if codes:
        classes += " " + codes[0].attrs.get("class", "")
    language = _LANGUAGE.search(classes)
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language.group(1) if language else ''}\n{code}\n{fence}"


def _list(element: Element) -> str:
    ordered = element.tag == "ol"
    try:
        number = int(element.attrs.get("start", "1"))
    except ValueError:
        number = 1
    items: list[list[str]] = []
    for child in element.children:
        if isinstance(child, Element) and child.tag == "li":
            items.append(_blocks(child.children))
        elif isinstance(child, Element) and child.tag in ("ul", "ol") and items:
            items[-1].append(_list(child))  # a nested list written outside its <li>
        elif isinstance(child, Element) or child.strip():
            items.append(_blocks([child]))
    loose = any(len(blocks) > 1 for blocks in items)
    rendered: list[str] = []
    for blocks in items:
        marker = f"{number}. " if ordered else "- "
        number += 1
        body = "\n\n".join(blocks)
        rendered.append(marker + _prefix_lines(body, " " * len(marker), "", first=False))
    return ("\n\n" if loose else "\n").join(rendered)


def _table(table: Element) -> str:
    rows: list[list[str]] = []

    def collect(node: Element) -> None:
        for child in node.children:
            if not isinstance(child, Element):
                continue
            if child.tag == "tr":
                cells = [
                    c for c in child.children if isinstance(c, Element) and c.tag in ("td", "th")
                ]
                rows.append([_inline_text(c.children).replace("\\\n", " ") for c in cells])
            else:
                collect(child)

    collect(table)
    if not rows:
        return ""
    width = max(len(row) for row in rows) or 1
    lines = []
    for index, row in enumerate(rows):
        row = row + [""] * (width - len(row))
        lines.append("| " + " | ".join(row) + " |")
        if index == 0:
            lines.append("|" + " --- |" * width)
    return "\n".join(lines)


def _prefix_lines(text: str, prefix: str, empty_prefix: str, first: bool = True) -> str:
    lines = text.split("\n")
    out = []
    for index, line in enumerate(lines):
        if index == 0 and not first:
            out.append(line)
        else:
            out.append(prefix + line if line else empty_prefix)
    return "\n".join(out)


# -- inline ------------------------------------------------------------------------------
def _inline_text(nodes: list[Element | str]) -> str:
    text = "".join(_inline(node) for node in nodes)
    # Line breaks are marked with NUL (never in text: the importers remove it) until the
    # paragraph is whole, so spaces around them and breaks at either end can be dropped.
    lines = [line.strip() for line in text.split(_BREAK)]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\\\n".join(lines)


def _inline(node: Element | str) -> str:
    if isinstance(node, str):
        return _escape(_SPACES.sub(" ", node.replace(_BREAK, "")))
    tag = node.tag
    if tag == "br":
        return _BREAK
    if tag == "img":
        src = node.attrs.get("src", "")
        alt = _escape(_SPACES.sub(" ", node.attrs.get("alt", "")).strip()) or "image"
        return f"[{alt}]({_destination(src)})" if src else alt
    if tag == "a":
        return _link(node)
    if tag == "code":
        return _code_span(_raw_text(node))
    if tag in ("strong", "b"):
        return _wrap("**", "".join(_inline(child) for child in node.children))
    if tag in ("em", "i"):
        return _wrap("*", "".join(_inline(child) for child in node.children))
    if tag in ("del", "s", "strike"):
        return _wrap("~~", "".join(_inline(child) for child in node.children))
    inner = "".join(_inline(child) for child in node.children)
    if tag in RAW_INLINE_TAGS and inner.strip():
        return f"<{tag}>{inner}</{tag}>"
    if tag in BLOCK_TAGS:  # a block inside inline content (e.g. a <p> in a table cell)
        return f" {inner.strip()} "
    return inner


def _wrap(marker: str, inner: str) -> str:
    """Markers hug the text: "** bold **" is not emphasis in CommonMark."""
    core = inner.strip()
    if not core:
        return inner
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()) :]
    return f"{lead}{marker}{core}{marker}{trail}"


def _link(node: Element) -> str:
    href = node.attrs.get("href", "").strip()
    # Images inside a link show as their description: a link cannot hold another link.
    parts = []
    for child in node.children:
        if isinstance(child, Element) and child.tag == "img":
            parts.append(_escape(child.attrs.get("alt", "").strip()) or "image")
        else:
            parts.append(_inline(child))
    text = "".join(parts).strip()
    if not href:
        return text
    if not text:
        text = _escape(href)
    title = node.attrs.get("title", "").strip()
    title_part = ' "' + title.replace('"', '\\"') + '"' if title else ""
    return f"[{text}]({_destination(href)}{title_part})"


def _destination(url: str) -> str:
    url = url.strip().replace("\n", "")
    if re.search(r"[\s()<>]", url):
        return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
    return url


def _code_span(code: str) -> str:
    code = code.replace("\n", " ")
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if code.startswith("`") or code.endswith("`") or not code.strip() else ""
    return f"{ticks}{pad}{code}{pad}{ticks}"


def _raw_text(node: Element | str) -> str:
    if isinstance(node, str):
        return node
    if node.tag == "br":
        return "\n"
    return "".join(_raw_text(child) for child in node.children)


def _escape(text: str) -> str:
    return _ENTITY_LIKE.sub("\\&", _SPECIAL.sub(r"\\\1", text))
