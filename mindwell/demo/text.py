"""Text for generated posts: titles, and bodies of varied length with some Markdown
(emphasis, lists, quotes). Each body is returned with its HTML, built from the same pieces:
rendering Markdown costs about half a millisecond a post, which alone would take minutes at
a million posts. A test checks the HTML is what `render_markdown` gives."""

from __future__ import annotations

import math
import random
import string

from mindwell.demo import wordlists as words

_FIELDS = {
    "p": words.PEOPLE,
    "f": words.FEELINGS,
    "e": words.EVENTS,
    "a": words.ACTIVITIES,
    "t": words.TIMES,
    "x": [tag.replace("-", " ") for tag in words.TAGS],
}


def _compile(frames: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Each frame with the fields it uses, so filling it picks only those."""
    return [
        (frame, tuple(name for _, name, _, _ in string.Formatter().parse(frame) if name))
        for frame in frames
    ]


_TITLES = _compile(words.QUESTION_TITLES)
_SENTENCES = _compile(words.SENTENCES)
_COMMENTS = _compile(words.COMMENTS)


class TextMaker:
    """Deterministic for a given random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def _fill(self, frames: list[tuple[str, tuple[str, ...]]]) -> str:
        frame, names = self.rng.choice(frames)
        if not names:
            return frame
        return frame.format(**{name: self.rng.choice(_FIELDS[name]) for name in names})

    def title(self) -> str:
        return self._fill(_TITLES)

    def _length(self, mean: float) -> int:
        """A sentence count from a log-normal: mostly short, sometimes long."""
        return max(1, min(60, round(self.rng.lognormvariate(math.log(mean), 0.6))))

    def body(self, *, sentences: float) -> tuple[str, str]:
        """(Markdown, HTML) of about `sentences` sentences in one or more paragraphs."""
        rng = self.rng
        left = self._length(sentences)
        md: list[str] = []
        html: list[str] = []
        while left > 0:
            size = min(left, rng.randint(1, 4))
            left -= size
            parts = [self._fill(_SENTENCES) for _ in range(size)]
            md_parts, html_parts = list(parts), list(parts)
            if rng.random() < 0.12:
                word = rng.choice(words.EMPHASIS)
                strong = rng.random() < 0.5
                marker, tag = ("**", "strong") if strong else ("*", "em")
                md_parts.append(f"{marker}{word.capitalize()}{marker}.")
                html_parts.append(f"<{tag}>{word.capitalize()}</{tag}>.")
            md.append(" ".join(md_parts))
            html.append(f"<p>{' '.join(html_parts)}</p>\n")
            roll = rng.random()
            if roll < 0.08:
                items = rng.sample(words.LIST_ITEMS, rng.randint(2, 5))
                md.append("\n".join(f"- {item}" for item in items))
                html.append("<ul>\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>\n")
            elif roll < 0.11:
                quote = rng.choice(words.QUOTES)
                md.append(f"> {quote}")
                html.append(f"<blockquote>\n<p>{quote}</p>\n</blockquote>\n")
        return "\n\n".join(md), "".join(html)

    def comment(self) -> tuple[str, str]:
        text = self._fill(_COMMENTS)
        return text, f"<p>{text}</p>\n"


def username(rng: random.Random, number: int) -> str:
    return f"{rng.choice(words.ADJECTIVES)}_{rng.choice(words.NOUNS)}_{number}"
