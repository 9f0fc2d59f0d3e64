"""Safety writes: assessing a post's risk and opening or raising its safety case."""

from __future__ import annotations

from mindwell.qa.models import Post
from mindwell.safety.risk import assess


def post_assess(*, post: Post) -> str:
    """Assess a post's title and body, store the level on the post, and return it."""
    assessment = assess(post.body, title=post.title)
    level = assessment.level.value
    if post.risk_level != level:
        post.risk_level = level
        Post.objects.filter(pk=post.pk).update(risk_level=level)
    return level
