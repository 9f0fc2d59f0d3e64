"""Screening a post before it is written: who may post here now, and whether it is published
at once or waits for approval. Called by every post service inside its transaction.

In order, a post is refused when: the writer's address is in a blocked network; the member
is silenced, suspended or blocked; the hourly write limit of the action is used up; the
question or category is in slow mode and the writer posted there too recently; or it
contains a watched word whose action is "block". Otherwise it is stored with censored words
replaced by asterisks, and it waits for approval (pre-moderation) when it comes from a
visitor without an account, a new member or one with few points (as the site settings say),
or contains a watched word whose action is "approve". Moderators are never queued, slowed,
limited or stopped by a blocked network (they may need to work from anywhere).

Watched words whose action is "flag" are recorded after the post is created. A Flag row
needs the member who raised it, and no member did, so instead the site writes an audit-log
entry (action "watched-words", no actor, the words in the reason) and adds one to the post's
flag_count: the moderators' flagged queue lists posts whose flag_count is above zero, and the
audit entry says why when they open the post.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.db.models import F, Max, Q
from django.utils import formats, timezone
from django.utils.translation import gettext, ngettext

from mindwell.core.errors import PermissionDenied, RateLimited, ServiceError
from mindwell.moderation import limits, networks, watched_words
from mindwell.moderation.models import AuditAction, WatchedWordAction, WriteAction
from mindwell.qa.models import Post, PostKind, PostStatus
from mindwell.qa.permissions import is_moderator
from mindwell.siteconfig.models import SiteSettings

ACTIONS: dict[str, str] = {PostKind.QUESTION: WriteAction.ASK, PostKind.ANSWER: WriteAction.ANSWER}


@dataclass
class Screening:
    """The outcome: the status to create the post with, the text to store (watched words
    may be censored), and why, for the moderation queue and the writer."""

    status: str = PostStatus.PUBLISHED
    title: str = ""
    body: str = ""
    queue_reasons: list[str] = field(default_factory=list)
    flag_reasons: list[str] = field(default_factory=list)
    # The watched words behind those reasons, by action ("flag", "approve").
    matched_words: dict[str, list[str]] = field(default_factory=dict)

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
    site = site or SiteSettings.current()
    user = poster.user if poster.user_id is not None else None
    moderator = is_moderator(user)
    if not moderator:
        networks.check_network(poster.ip)
    check_not_restricted(user)
    action = WriteAction.EDIT if editing is not None else ACTIONS.get(kind, WriteAction.COMMENT)
    limits.check_write_limit(action=action, user=user, ip=poster.ip)
    if editing is None and not moderator:
        check_slow_mode(user=user, ip=poster.ip, question=question, category=category)

    words = watched_words.current()
    check_blocked_words(words, title=title, body=body)
    screening = Screening(title=words.censor(title), body=words.censor(body))
    before = f"{editing.title}\n{editing.body}" if editing is not None else ""
    for word_action, reasons in (
        (WatchedWordAction.FLAG, screening.flag_reasons),
        (WatchedWordAction.APPROVE, screening.queue_reasons),
    ):
        found = _new_words(words, word_action, f"{title}\n{body}", before)
        if found:
            screening.matched_words[word_action] = found
            reasons.extend(
                gettext("contains the watched word “%(word)s”") % {"word": word} for word in found
            )
    if editing is None:
        screening.queue_reasons[:0] = premoderation_reasons(user, site=site)
    if screening.queue_reasons and not moderator:
        screening.status = PostStatus.QUEUED
    return screening


def _new_words(words: watched_words.WatchList, action: str, text: str, before: str) -> list[str]:
    """Matches of `action` in `text` that the text before an edit did not already have: a
    post approved with a word is not sent back to the queue for fixing a typo."""
    seen = {word.lower() for word in words.find(action, before)}
    return [word for word in words.find(action, text) if word.lower() not in seen]


def restriction_message(user: Any) -> str | None:
    """Why a member may not write at the moment, saying until when; None if they may."""
    if user is None or not user.is_authenticated:
        return None
    if user.is_blocked:
        return gettext("Your account is blocked, so it cannot post.")
    now = timezone.now()
    ends = [
        (until, verb)
        for until, verb in ((user.suspended_until, "suspended"), (user.silenced_until, "silenced"))
        if until is not None and until > now
    ]
    if not ends:
        return None
    until, verb = max(ends, key=lambda end: end[0])
    when = formats.date_format(timezone.localtime(until), "j F Y, H:i T")
    return gettext("Your account is %(verb)s until %(when)s, so it cannot post before then.") % {
        "verb": verb,
        "when": when,
    }


def check_not_restricted(user: Any) -> None:
    message = restriction_message(user)
    if message is not None:
        raise PermissionDenied(message)


def check_slow_mode(*, user: Any, ip: str | None, question: Any, category: Any) -> None:
    """Refuse a post made too soon after the same writer's last one in a question (its
    slow_mode_seconds) or a category (the category's). Visitors are told apart by address."""
    if category is None and question is not None:
        category = question.category
    # A member's anonymous posts count too, or ticking "post anonymously" would dodge it.
    mine = (
        Post.objects.filter(Q(author=user) | Q(pseudonym__user=user)) if user is not None else None
    )
    if mine is None:
        if not ip:
            return
        mine = Post.objects.filter(author__isnull=True, author_ip=ip)
    if question is not None and question.slow_mode_seconds:
        _check_wait(
            mine.filter(question_id=question.pk),
            question.slow_mode_seconds,
            "This question is in slow mode",
        )
    if category is not None and category.slow_mode_seconds:
        _check_wait(
            mine.filter(question__category_id=category.pk),
            category.slow_mode_seconds,
            gettext("The category “%(name)s” is in slow mode") % {"name": category.name},
        )


def _check_wait(posts: Any, seconds: int, what: str) -> None:
    now = timezone.now()
    last = posts.filter(created_at__gt=now - timedelta(seconds=seconds)).aggregate(
        last=Max("created_at")
    )["last"]
    if last is None:
        return
    wait = max(1, int((last + timedelta(seconds=seconds) - now).total_seconds() + 0.999))
    raise RateLimited(
        gettext(
            "%(what)s: each person can post here once every %(_seconds)s. Please "
            "wait %(_seconds2)s more and post again; your text is kept."
        )
        % {"what": what, "_seconds": _seconds(seconds), "_seconds2": _seconds(wait)}
    )


def _seconds(n: int) -> str:
    return f"{n} second{'' if n == 1 else 's'}"


def check_blocked_words(words: watched_words.WatchList, *, title: str, body: str) -> None:
    for field_name, text in (("title", title), ("body", body)):
        found = words.find(WatchedWordAction.BLOCK, text)
        if found:
            listed = ", ".join(f"“{word}”" for word in found)
            noun = "words" if len(found) > 1 else "word"
            raise ServiceError(
                (
                    gettext(
                        "Your post contains %(listed)s, which this forum does not allow. "
                        "Please change the %(noun)s and post again; your text is kept."
                    )
                    % {"listed": listed, "noun": noun}
                ),
                field=field_name,
            )


def premoderation_reasons(user: Any, *, site: SiteSettings) -> list[str]:
    """Why a new post by `user` (None: a visitor without an account) waits for approval."""
    if user is None:
        return [gettext("posted without an account")] if site.premoderate_anonymous else []
    reasons = []
    days = site.premoderate_new_member_days
    if days and user.date_joined > timezone.now() - timedelta(days=days):
        reasons.append(
            ngettext(
                "a member for less than %(days)s day", "a member for less than %(days)s days", days
            )
            % {"days": days}
        )
    if site.premoderate_points_below and user.points < site.premoderate_points_below:
        reasons.append(
            gettext("a member with fewer than %(points)s points")
            % {"points": site.premoderate_points_below}
        )
    return reasons


def screen_registration(*, ip: str | None) -> None:
    """Refuse a registration from a blocked network or past the hourly limit per address."""
    networks.check_network(ip, registering=True)
    limits.check_write_limit(action=WriteAction.REGISTER, ip=ip)


def screening_after_create(*, post: Any, screening: Screening) -> None:
    """Record what screening found on the created (or edited) post: watched words that flag
    it, or that sent it for approval (see the module docstring)."""
    from mindwell.moderation.services.audit import audit_write

    flagged = screening.matched_words.get(WatchedWordAction.FLAG, [])
    held = screening.matched_words.get(WatchedWordAction.APPROVE, []) if screening.queued else []
    if not (flagged or held):
        return
    if flagged:
        Post.objects.filter(pk=post.pk).update(flag_count=F("flag_count") + 1)
        post.flag_count += 1
    parts = []
    if flagged:
        parts.append(gettext("flagged for %(join)s") % {"join": ", ".join(flagged)})
    if held:
        parts.append(gettext("held for approval for %(join)s") % {"join": ", ".join(held)})
    audit_write(
        actor=None,
        action=AuditAction.WATCHED_WORDS,
        post=post,
        target_user=post.author,
        reason=gettext("Matched watched words: %(join)s.") % {"join": "; ".join(parts)},
        detail={"flag": flagged, "approve": held, "queue_reasons": screening.queue_reasons},
    )
