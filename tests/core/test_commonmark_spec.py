"""CommonMark conformance of the parser, and what the site renderer adds and removes.

Every example of the CommonMark spec (the corpus in ../shared/corpora/commonmark, spec 0.31.2)
is rendered with the unmodified CommonMark parser, before any sanitising, and compared byte for
byte with the spec's HTML. The few known differences are listed in DEVIATIONS with the reason;
they are strict xfails, so the list fails as soon as it stops being true.
"""

from __future__ import annotations

import json
import re

import pytest

from mindwell.core.markdown import commonmark_parser, render_markdown
from tests.shared import CORPORA

SPEC_PATH = CORPORA / "commonmark" / "spec.json"
EXAMPLES = json.loads(SPEC_PATH.read_text(encoding="utf-8"))

_EMPTY_BLOCKQUOTE = (
    "markdown-it-py renders an empty block quote as '<blockquote></blockquote>' (no newline "
    "between the tags); the spec's reference output has '<blockquote>\\n</blockquote>'. "
    "Whitespace only: the spec's own runner (spec_tests.py) normalises it away."
)
DEVIATIONS: dict[int, str] = {
    218: _EMPTY_BLOCKQUOTE + " (here: a block quote holding only a link reference definition)",
    239: _EMPTY_BLOCKQUOTE,
    240: _EMPTY_BLOCKQUOTE,
}

_PARSER = commonmark_parser()


def _cases() -> list:
    cases = []
    for example in EXAMPLES:
        number = example["example"]
        marks = ()
        if number in DEVIATIONS:
            marks = (pytest.mark.xfail(strict=True, reason=DEVIATIONS[number]),)
        cases.append(pytest.param(example, id=f"{number}-{example['section']}", marks=marks))
    return cases


def test_corpus_is_the_whole_spec():
    numbers = [example["example"] for example in EXAMPLES]
    assert len(numbers) == 652
    assert numbers == list(range(1, len(numbers) + 1))
    assert set(DEVIATIONS) <= set(numbers)


@pytest.mark.parametrize("example", _cases())
def test_commonmark_spec_example(example):
    assert _PARSER.render(example["markdown"]) == example["html"]


# --- the site renderer: CommonMark + tables + strikethrough, images as links, sanitised ---


def test_links_get_nofollow_ugc():
    html = render_markdown("[help](https://example.org/page)")
    assert html == '<p><a href="https://example.org/page" rel="nofollow ugc">help</a></p>\n'


def test_autolinks_and_mailto_get_nofollow_ugc():
    html = render_markdown("<https://example.org> and <mailto:someone@example.org>")
    assert html.count('rel="nofollow ugc"') == 2
    assert 'href="mailto:someone@example.org"' in html


def test_author_cannot_set_their_own_rel_or_target():
    html = render_markdown('<a href="https://example.org" rel="me" target="_top">x</a>')
    assert 'rel="nofollow ugc"' in html
    assert 'rel="me"' not in html
    assert "target" not in html


def test_images_become_plain_links():
    html = render_markdown('![a calm lake](https://example.org/lake.png "Lake")')
    assert "<img" not in html
    assert html == (
        '<p><a href="https://example.org/lake.png" rel="nofollow ugc">a calm lake</a></p>\n'
    )


def test_reference_images_and_raw_img_tags_load_nothing():
    source = (
        '![ref][pic] and <img src="https://tracker.example/p.gif" srcset="https://t.example/a 1x">'
        "\n\n[pic]: https://example.org/pic.png\n"
    )
    html = render_markdown(source)
    assert "<img" not in html
    assert "tracker.example" not in html
    assert "srcset" not in html
    assert '<a href="https://example.org/pic.png" rel="nofollow ugc">ref</a>' in html


def test_image_without_alt_shows_its_address():
    html = render_markdown("![](https://example.org/x.png)")
    assert "<img" not in html
    address = "https://example.org/x.png"
    assert f'<a href="{address}" rel="nofollow ugc">{address}</a>' in html


def test_image_alt_text_cannot_inject_markup():
    html = render_markdown('![<b onclick="x()">"quoted"</b>](https://example.org/x.png)')
    assert "<img" not in html
    assert "<b" not in html
    assert "&lt;b onclick=" in html  # shown as text, not markup


def test_data_image_is_not_kept_as_a_link():
    html = render_markdown("![x](data:image/png;base64,iVBORw0KGgo=)")
    assert "<img" not in html
    assert "data:" not in html


@pytest.mark.parametrize(
    "source",
    [
        "[click](javascript:alert(1))",
        "[click](JAVASCRIPT:alert(1))",
        "[click](javascript&#58;alert(1))",
        "[click](&#x6A;avascript:alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<javascript:alert(1)>",
        '<a href="javascript:alert(1)">click</a>',
        '<a href=" javascript:alert(1)">click</a>',
        '<a href="jav&#x09;ascript:alert(1)">click</a>',
        "<a href=java&#1&#2&#11&#12script:alert(1)>click</a>",
        "[click][r]\n\n[r]: javascript:alert(1)\n",
    ],
)
def test_javascript_links_are_not_links(source):
    html = render_markdown(source)
    assert "href" not in html  # shown as text, or an <a> without an address


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("<script>alert(1)</script>", ("<script", "alert(1)")),
        ("text\n\n<script src=https://evil.example/x.js></script>", ("<script", "evil.example")),
        ('<iframe src="https://evil.example"></iframe>', ("<iframe", "evil.example")),
        ("<style>body{display:none}</style>", ("<style", "display:none")),
        ('<p onclick="alert(1)">hi</p>', ("onclick", "alert")),
        ("<b onmouseover=alert(1)>hi</b>", ("onmouseover", "alert")),
        ('<p style="position:fixed;top:0">hi</p>', ("style", "position")),
        ('<svg onload="alert(1)"><circle/></svg>', ("<svg", "onload")),
        ('<object data="https://evil.example/x.swf"></object>', ("<object", "evil.example")),
        ('<form action="https://evil.example"><input></form>', ("<form", "<input")),
        ("<!-- hidden --><p>x</p>", ("<!--", "hidden")),
    ],
)
def test_dangerous_raw_html_is_removed(source, forbidden):
    html = render_markdown(source)
    for piece in forbidden:
        assert piece not in html


def test_harmless_raw_html_is_kept():
    html = render_markdown("<kbd>Ctrl</kbd> and <details><summary>More</summary>text</details>")
    assert "<kbd>Ctrl</kbd>" in html
    assert "<details><summary>More</summary>text</details>" in html


def test_tables():
    html = render_markdown("| Feeling | Often |\n|:--|--:|\n| calm | *yes* |\n")
    assert re.sub(r"\s+", "", html) == (
        '<table><thead><tr><thalign="left">Feeling</th><thalign="right">Often</th></tr>'
        '</thead><tbody><tr><tdalign="left">calm</td><tdalign="right"><em>yes</em></td></tr>'
        "</tbody></table>"
    )


def test_strikethrough():
    assert render_markdown("I ~~can't~~ can cope.") == "<p>I <s>can't</s> can cope.</p>\n"


def test_fenced_code_keeps_language_class_and_escapes():
    html = render_markdown("```python\nprint('<b>')\n```\n")
    assert html == ("<pre><code class=\"language-python\">print('&lt;b&gt;')\n</code></pre>\n")


def test_empty_and_none_render_to_nothing():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""  # type: ignore[arg-type]
