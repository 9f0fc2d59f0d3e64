"""Similar questions: what someone asking may find already answered, and the "Related
questions" of a question page.

The question's significant words (stop words and question-asking words removed) are looked
up as an OR query over questions only, so a question sharing more and rarer words ranks
higher, and a shared title word counts far more than a body word. The same function serves
both backends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.cache import cache
from django.urls import reverse
from django.utils.text import slugify

from mindwell.core.templatetags.mindwell import plural
from mindwell.qa.models import Post
from mindwell.search.backends import get_backend
from mindwell.search.stopwords import QUESTION_WORDS, STOP_WORDS

SIMILAR_LIMIT = 5
MAX_TITLE_WORDS = 12
MAX_BODY_WORDS = 8
RELATED_CACHE_SECONDS = 10 * 60
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?", re.UNICODE)
_IGNORED = STOP_WORDS | QUESTION_WORDS


@dataclass(frozen=True)
class SimilarQuestion:
    id: int
    title: str
    answer_count: int
    has_best: bool

    @property
    def url(self) -> str:
        slug = slugify(self.title)[:80].strip("-") or "question"
        return reverse("question-detail", args=[self.id, slug])

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "answers": self.answer_count,
            # Worded here, where the plural rules of the reader's language are known.
            "answers_label": plural(self.answer_count, "answer,answers"),
            "has_best": self.has_best,
        }


def significant_words(text: str, *, limit: int) -> list[str]:
    """The words of `text` that say what it is about, each once, in order."""
    words: list[str] = []
    for match in _WORD.finditer((text or "").lower()):
        word = match.group().replace("'", "")
        if len(word) > 1 and word not in _IGNORED and word not in words and len(word) <= 40:
            words.append(word)
            if len(words) == limit:
                break
    return words


def similar_questions(
    title: str, body: str = "", exclude_id: int | None = None, limit: int = SIMILAR_LIMIT
) -> list[SimilarQuestion]:
    """Up to `limit` readable questions that may already answer this one, best first. Never
    a question where someone may be in crisis: a suggestion is a kind of promotion."""
    words = significant_words(title, limit=MAX_TITLE_WORDS)
    for word in significant_words(body, limit=MAX_BODY_WORDS + len(words)):
        if word not in words and len(words) < MAX_TITLE_WORDS + MAX_BODY_WORDS:
            words.append(word)
    if not words:
        return []
    rows = get_backend().similar(words, exclude_id=exclude_id, limit=max(1, min(limit, 20)))
    return [SimilarQuestion(r.post_id, r.title, r.answer_count, r.has_best) for r in rows]


def related_questions(question: Post) -> list[SimilarQuestion]:
    """A question page's related questions, cached for some minutes per question (and per
    edit), so the page costs one query for them at most and usually none."""
    edited = int(question.edited_at.timestamp()) if question.edited_at else 0
    key = f"search:related:{question.pk}:{edited}"
    related: list[SimilarQuestion] | None = cache.get(key)
    if related is None:
        related = similar_questions(question.title, question.body, exclude_id=question.pk)
        cache.set(key, related, RELATED_CACHE_SECONDS)
    return related
