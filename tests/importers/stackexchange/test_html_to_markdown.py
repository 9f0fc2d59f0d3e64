"""The shared HTML -> Markdown converter: each construct, and the round trip through the
site's own Markdown renderer (what readers of an imported post will see)."""

import re

import pytest

from mindwell.core.markdown import render_markdown
from mindwell.importers.html_to_markdown import html_to_markdown


def rendered(html: str) -> str:
    return re.sub(r"\s+", " ", render_markdown(html_to_markdown(html))).strip()


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ("<p>a <strong>b</strong> <em>c</em></p>", "a **b** *c*"),
        ("<p><b>bold </b>text</p>", "**bold** text"),
        ("<p>use <code>x = `y`</code></p>", "use `` x = `y` ``"),
        ('<p><a href="https://e.org/x" title="T">link</a></p>', '[link](https://e.org/x "T")'),
        ('<p><a href="https://e.org/a_(b)">p</a></p>', "[p](<https://e.org/a_(b)>)"),
        ("<h2>Title</h2>", "## Title"),
        ("<hr>", "* * *"),
        ("<p>line<br>next</p>", "line\\\nnext"),
        ("<p>snake_case [x] *y* &lt;b&gt;</p>", "snake\\_case \\[x\\] \\*y\\* \\<b\\>"),
        ("<p>1. not a list</p><p># not a heading</p>", "1\\. not a list\n\n\\# not a heading"),
        ("<p><del>gone</del></p>", "~~gone~~"),
        ("<p>press <kbd>Ctrl</kbd></p>", "press <kbd>Ctrl</kbd>"),
        ("<p>text</p><script>alert(1)</script>", "text"),
    ],
)
def test_inline_and_simple_blocks(html, markdown):
    assert html_to_markdown(html) == markdown


def test_code_block_keeps_its_language_text_and_a_long_enough_fence():
    html = (
        '<pre class="lang-py prettyprint-override"><code>a = "```"\nif a:\n    b()\n</code></pre>'
    )
    markdown = html_to_markdown(html)
    assert markdown == '````py\na = "```"\nif a:\n    b()\n````'
    assert 'class="language-py"' in render_markdown(markdown)
    assert "    b()" in render_markdown(markdown)


def test_lists_nested_numbered_and_loose():
    html = '<ol start="3"><li><p>One</p></li><li><p>Two</p><ul><li>inner</li></ul></li></ol>'
    assert html_to_markdown(html) == "3. One\n\n4. Two\n\n   - inner"
    assert rendered(html) == (
        '<ol start="3"> <li> <p>One</p> </li> <li> <p>Two</p> <ul> <li>inner</li> </ul> </li> </ol>'
    )
    assert html_to_markdown("<ul><li>a</li><li>b</li></ul>") == "- a\n- b"


def test_blockquote_with_paragraphs_and_a_list():
    html = "<blockquote><p>Quote<br>two</p><ul><li>a</li></ul></blockquote>"
    assert html_to_markdown(html) == "> Quote\\\n> two\n>\n> - a"
    assert rendered(html) == (
        "<blockquote> <p>Quote<br> two</p> <ul> <li>a</li> </ul> </blockquote>"
    )


def test_images_become_links_and_never_load():
    html = '<p><img src="https://i.example/cat.png" alt="a cat"></p>'
    assert html_to_markdown(html) == "[a cat](https://i.example/cat.png)"
    assert "<img" not in rendered(html)
    linked = '<p><a href="https://i.example/big.png"><img src="small.png" alt="chart"></a></p>'
    assert html_to_markdown(linked) == "[chart](https://i.example/big.png)"


def test_tables_become_pipe_tables():
    html = "<table><tr><th>a</th><th>b|c</th></tr><tr><td>1</td><td>2</td></tr></table>"
    assert html_to_markdown(html) == "| a | b\\|c |\n| --- | --- |\n| 1 | 2 |"
    assert "<th>b|c</th>" in rendered(html)


def test_unclosed_tags_and_entities_that_look_like_markup():
    assert html_to_markdown("<ul><li>one<li>two</ul>") == "- one\n- two"
    assert html_to_markdown("<p>&amp;copy; stays") == "\\&copy; stays"
    assert rendered("<p>&amp;copy; stays") == "<p>&amp;copy; stays</p>"
    assert html_to_markdown("") == ""
