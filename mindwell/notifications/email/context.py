"""What each email may say, decided when it is sent.

A notification stores what happened, not text, so the email is written at send time and
shows only what its recipient may see then: a post hidden between the event and the send
is not quoted (the email says it is no longer available), a question the recipient can no
longer read is not named, a pseudonymous writer is named by the pseudonym only, and no
email address appears anywhere but in the To header. Posts carrying a content warning,
and (except to moderators) posts assessed as a crisis, are linked rather than quoted: an
inbox preview cannot be collapsed the way the site collapses them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator

from mindwell.notifications import permissions
from mindwell.notifications.models import MODERATOR_EVENTS, EventType, Notification
from mindwell.notifications.rendering import describe, describe_many
from mindwell.qa.models import ContentWarning, Post, PostStatus, RiskLevel
from mindwell.seo.links import absolute_url
from mindwell.siteconfig.models import SiteSettings

EXCERPT_WORDS = 80
DIGEST_EXCERPT_WORDS = 30
_MODERATOR_ACTIONS = {
    EventType.SAFETY_ALERT: permissions.SAFETY_ACTION,
    EventType.APPROVAL_WAITING: permissions.APPROVAL_ACTION,
}


@dataclass(frozen=True)
class PostView:
    """A post as one recipient may see it in an email."""

    available: bool  # False: "a post that is no longer available"
    kind: str = ""  # "question", "answer", "comment"
    excerpt: str = ""  # empty when withheld (content warning, crisis) or unavailable
    withheld_reason: str = ""
    url: str = ""

    @property
    def quoted(self) -> str:
        """The excerpt as plain-text mail quotes it, each line behind "> "."""
        return "\n".join(f"> {line}".rstrip() for line in self.excerpt.splitlines())


def when(moment: Any) -> str:
    """A date and time in the site's time zone and language ("Nov. 27, 2026, 4:41 p.m.")."""
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def site_context() -> dict[str, Any]:
    site = SiteSettings.current()
    return {"site_name": site.site_name, "site_url": absolute_url(None, "/")}


def _url(name: str, *args: Any) -> str:
    try:
        return absolute_url(None, reverse(name, args=args))
    except NoReverseMatch:
        return ""


def may_read(user: Any, post: Post | None, event_type: str) -> bool:
    """Would `user` (None: an anonymous address) see `post` on the site right now?
    Moderator events also reach moderators by their role where the post is not public."""
    if post is None or post.status == PostStatus.DELETED:
        return False
    if Post.objects.visible_to(user).filter(pk=post.pk).exists():
        return True
    action = _MODERATOR_ACTIONS.get(event_type)  # type: ignore[call-overload]
    return bool(
        user is not None and action and permissions.is_moderator_for(user, action, post=post)
    )


def post_view(user: Any, post: Post | None, event_type: str, *, words: int) -> PostView:
    if not may_read(user, post, event_type):
        return PostView(available=False)
    assert post is not None
    kind, url = str(post.get_kind_display()), _post_url(post)
    moderator = event_type in MODERATOR_EVENTS
    if post.content_warning:
        warning = ContentWarning(post.content_warning).label
        reason = f"It carries a content warning ({warning})."
        return PostView(available=True, kind=kind, url=url, withheld_reason=reason)
    if post.risk_level == RiskLevel.CRISIS and not moderator:
        reason = "Open it on the site to read it."
        return PostView(available=True, kind=kind, url=url, withheld_reason=reason)
    text = f"{post.title}\n\n{post.body}" if post.title else post.body
    excerpt = Truncator(text.strip()).words(words, truncate=" …")
    return PostView(available=True, kind=kind, url=url, excerpt=excerpt)


def _post_url(post: Post) -> str:
    return absolute_url(None, post.get_absolute_url())


def actor_name(notification: Notification) -> str:
    """The name the site shows for whoever acted: a signed post's username, otherwise the
    pseudonym or anonymous name the post shows (never the member behind a pseudonym)."""
    if notification.actor_id is not None and notification.actor is not None:
        return str(notification.actor.username)
    return notification.actor_name or "Someone"


def notification_context(notification: Notification, user: Any) -> dict[str, Any]:
    """The context of one notification's email to `user` (None: an anonymous address)."""
    event = notification.event_type
    post = notification.post
    question = notification.question or (post.question if post is not None else None)
    question_readable = may_read(user, question, event)
    # The inbox's own sentence for it, so the site and the email say the same thing.
    line = describe(notification, user)
    context: dict[str, Any] = {
        **site_context(),
        "line_text": line.text,
        "line_url": absolute_url(None, line.url) if line.url else "",
        "event": event,
        "event_label": EventType(event).label,
        "recipient_name": user.username if user is not None else "",
        "actor": actor_name(notification),
        "when": when(notification.created_at),
        "post": post_view(user, post, event, words=EXCERPT_WORDS),
        "about_a_post": notification.post_id is not None,
        "question_title": question.title if question is not None and question_readable else "",
        "question_url": _post_url(question) if question is not None and question_readable else "",
        "data": _public_data(notification),
        "inbox_url": _url("notifications:inbox"),
        "preferences_url": _url("notifications:settings"),
    }
    return context


def _public_data(notification: Notification) -> dict[str, Any]:
    """The notification's small facts (a tag's name, a flag's outcome), minus the
    internal switches."""
    return {k: v for k, v in notification.data.items() if k != "no_email"}


@dataclass(frozen=True)
class DigestLine:
    text: str
    url: str
    when: str
    post: PostView


@dataclass(frozen=True)
class DigestGroup:
    """One question's notifications in a digest (or those about no question)."""

    title: str  # empty: about no question, or one no longer available
    url: str
    lines: list[DigestLine]


def digest_context(notifications: list[Notification], user: Any, period: str) -> dict[str, Any]:
    """A digest's notifications grouped by question, in the order things happened."""
    ordered = sorted(notifications, key=lambda n: (n.created_at, n.pk))
    described = describe_many([(n, 1) for n in ordered], user)
    groups: dict[Any, list[DigestLine]] = {}
    titles: dict[Any, tuple[str, str]] = {}
    for notification, _, line in described:
        key = notification.question_id
        if key not in titles:
            question = notification.question
            if question is not None and may_read(user, question, notification.event_type):
                titles[key] = (question.title, _post_url(question))
            else:
                titles[key] = ("", "")
        groups.setdefault(key, []).append(
            DigestLine(
                text=line.text,
                url=absolute_url(None, line.url) if line.url else "",
                when=when(notification.created_at),
                post=post_view(
                    user, notification.post, notification.event_type, words=DIGEST_EXCERPT_WORDS
                ),
            )
        )
    return {
        **site_context(),
        "recipient_name": user.username,
        "period": period,
        "count": len(notifications),
        "groups": [
            DigestGroup(title=titles[key][0], url=titles[key][1], lines=lines)
            for key, lines in groups.items()
        ],
        "inbox_url": _url("notifications:inbox"),
        "preferences_url": _url("notifications:settings"),
    }


def mailing_context(mailing: Any, user: Any) -> dict[str, Any]:
    from mindwell.core.markdown import render_markdown

    return {
        **site_context(),
        "recipient_name": user.username,
        "subject": mailing.subject,
        "body_text": mailing.body,
        "body_html": render_markdown(mailing.body),
        "preferences_url": _url("notifications:settings"),
        "sent_on": date_format(timezone.localdate(), "DATE_FORMAT"),
        "language": settings.LANGUAGE_CODE,
    }
