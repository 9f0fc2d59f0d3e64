from mindwell.core.markdown import render_markdown


def test_code_blocks_keep_their_language_class():
    assert 'class="language-python"' in render_markdown("```python\nx = 1\n```")


def test_posts_cannot_borrow_the_sites_own_classes():
    html = render_markdown('<code class="best-badge message">Best answer</code>')
    assert "class=" not in html
    assert "Best answer" in html
