"""What one feed and its items say, as plain values. Every string passes through `xml_safe`
when a value is built, so nothing written into a feed can carry a character XML rejects."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext

from mindwell.feeds.text import xml_safe
from mindwell.importers.models import ImportedAttribution
from mindwell.qa.models import Post, PostKind, RiskLevel
from mindwell.seo.links import absolute_url

# Enough of a post to read it in a feed reader; the link leads to the rest.
EXCERPT_WORDS = 250


class _XmlSafe:
    """Cleans every str field, and every str in a tuple field, when the value is made."""

    def __post_init__(self) -> None:
        for field in fields(self):  # type: ignore[arg-type]
            value = getattr(self, field.name)
            if isinstance(value, str):
                object.__setattr__(self, field.name, xml_safe(value))
            elif isinstance(value, tuple):
                cleaned = tuple(xml_safe(v) if isinstance(v, str) else v for v in value)
                object.__setattr__(self, field.name, cleaned)


@dataclass(frozen=True)
class Entry(_XmlSafe):
    title: str
    link: str
    guid: str
    description: str
    author_name: str
    author_link: str
    published: datetime
    updated: datetime
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Channel(_XmlSafe):
    title: str
    link: str
    description: str
    feed_url: str
    entries: tuple[Entry, ...] = ()


def post_description(request: HttpRequest, post: Post) -> str:
    """The post's sanitised HTML, shortened. A post behind a content warning stays behind it:
    a feed reader would show it unasked, so the item only names the warning."""
    if post.content_warning:
        return format_html(
            "<p>{}</p>",
            gettext("Content warning: %(warning)s. Follow the link to read this post on the site.")
            % {"warning": post.get_content_warning_display()},
        )
    html = post.body_html
    # Rendering never adds words to the source, so a short source needs no (slow) HTML-aware
    # truncation.
    if len(post.body.split()) > EXCERPT_WORDS:
        html = Truncator(html).words(EXCERPT_WORDS, html=True, truncate="…")
    if post.risk_level == RiskLevel.CRISIS:
        # The page around such a post shows crisis lines; a reader sees only the item.
        note = format_html(
            "<p>{}</p>",
            format_html(
                gettext(
                    "If you are in danger or thinking about ending your life, please contact "
                    'your local emergency services or <a href="{}">a crisis line</a> now.'
                ),
                absolute_url(request, reverse("safety:resources")),
            ),
        )
        html = note + html
    return html


def attribution_line(attribution: ImportedAttribution) -> str:
    """CC BY-SA asks republished text to name its author, link the original and the licence,
    so an imported post's item says so under its text."""
    return format_html(
        "<p>" + gettext('By {}, from <a href="{}">{}</a>, under <a href="{}">{}</a>') + "</p>",
        attribution.author_name,
        attribution.source_url,
        attribution.source_site,
        attribution.licence_url,
        attribution.licence,
    )


def _description(request: HttpRequest, post: Post, attribution: ImportedAttribution | None) -> str:
    html = post_description(request, post)
    return html + attribution_line(attribution) if attribution is not None else html


def _author(
    request: HttpRequest, post: Post, attribution: ImportedAttribution | None = None
) -> tuple[str, str]:
    """Display name and profile link. Visitors without an account appear by the name they
    chose; their email and address never leave the database. An imported post names its
    original author, with their page on the original site when there is one."""
    if attribution is not None:
        return attribution.author_name, attribution.author_url
    if post.author_id is not None and post.author is not None:
        return post.author.username, absolute_url(request, post.author.get_absolute_url())
    return post.anon_name or "anonymous", ""


def question_entry(
    request: HttpRequest, question: Post, attribution: ImportedAttribution | None = None
) -> Entry:
    """`question` with author, category and tags loaded (as `question_list` does), and its
    attribution when it was imported."""
    name, profile = _author(request, question, attribution)
    labels = [question.category.name] if question.category is not None else []
    labels += [tag.name for tag in question.tags.all()]
    return Entry(
        title=question.title,
        link=absolute_url(request, question.get_absolute_url()),
        # The short URL never changes, so a retitled question is not a new item.
        guid=absolute_url(request, reverse("question-detail-short", args=[question.pk])),
        description=_description(request, question, attribution),
        author_name=name,
        author_link=profile,
        published=question.created_at,
        updated=question.edited_at or question.created_at,
        categories=tuple(labels),
    )


def reply_entry(
    request: HttpRequest,
    reply: Post,
    question: Post,
    attribution: ImportedAttribution | None = None,
) -> Entry:
    """An answer (or comment) of `question`, with its author loaded, and its attribution
    when it was imported."""
    name, profile = _author(request, reply, attribution)
    noun = "Answer" if reply.kind == PostKind.ANSWER else "Comment"
    short = reverse("question-detail-short", args=[question.pk])
    return Entry(
        title=f"{noun} by {name} to “{question.title}”",
        link=absolute_url(request, question.get_absolute_url()) + f"#{reply.anchor}",
        guid=absolute_url(request, short) + f"#{reply.anchor}",
        description=_description(request, reply, attribution),
        author_name=name,
        author_link=profile,
        published=reply.created_at,
        updated=reply.edited_at or reply.created_at,
    )


def post_entry(
    request: HttpRequest, post: Post, attribution: ImportedAttribution | None = None
) -> Entry:
    """Any post: a question, or a reply with its `question` loaded."""
    if post.kind == PostKind.QUESTION:
        return question_entry(request, post, attribution)
    assert post.question is not None
    return reply_entry(request, post, post.question, attribution)
