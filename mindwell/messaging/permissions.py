"""Who may message whom, post on whose wall, report, and read reports. Views, services and
templates ask here; every privilege comes from the permission policy
(mindwell.reputation.policy: send_private_message, post_on_wall, resolve_flags, hide).

Each refusal is a sentence fit to show the member. A block works both ways: whoever made
it, neither member can message the other or post on the other's wall.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext, gettext_lazy

from mindwell.messaging.models import Conversation, MemberBlock, Message, WallPost
from mindwell.qa.permissions import is_moderator
from mindwell.reputation import policy
from mindwell.reputation.models import Action
from mindwell.siteconfig.models import SiteSettings

MESSAGE_MAX_LENGTH = 5000
WALL_POST_MAX_LENGTH = 1000
# Sending limits per member and hour (moderators have none: they may need to reach many).
MESSAGES_PER_HOUR = 30
NEW_CONVERSATIONS_PER_HOUR = 10
WALL_POSTS_PER_HOUR = 10
REPORTS_PER_HOUR = 20

MESSAGES_OFF = gettext_lazy("Private messages are turned off on this site.")
WALL_OFF = gettext_lazy("Profile walls are turned off on this site.")


def _member(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def blocked_between(first: Any, second: Any) -> bool:
    """Whether either member has blocked the other (one query)."""
    return MemberBlock.objects.filter(
        blocker_id__in=(first.pk, second.pk), blocked_id__in=(first.pk, second.pk)
    ).exists()


def has_blocked(blocker: Any, blocked: Any) -> bool:
    if not _member(blocker):
        return False
    return MemberBlock.objects.filter(blocker_id=blocker.pk, blocked_id=blocked.pk).exists()


def _block_refusal(sender: Any, recipient: Any, what: str) -> str | None:
    blocks = set(
        MemberBlock.objects.filter(
            blocker_id__in=(sender.pk, recipient.pk), blocked_id__in=(sender.pk, recipient.pk)
        ).values_list("blocker_id", flat=True)
    )
    if sender.pk in blocks:
        return gettext("You have blocked %(username)s. Unblock them first to %(what)s.") % {
            "username": recipient.username,
            "what": what,
        }
    if recipient.pk in blocks:
        return gettext("%(username)s is not accepting this from you, so you cannot %(what)s.") % {
            "username": recipient.username,
            "what": what,
        }
    return None


def message_refusal(sender: Any, recipient: Any, *, site: SiteSettings | None = None) -> str | None:
    """Why `sender` may not send `recipient` a private message, or None."""
    if not (site or SiteSettings.current()).private_messages_enabled:
        return str(MESSAGES_OFF)
    if not _member(sender):
        return gettext("Please log in to send private messages.")
    if sender.pk == recipient.pk:
        return gettext("You cannot send a private message to yourself.")
    refusal = policy.refusal(sender, Action.SEND_PRIVATE_MESSAGE)
    if refusal:
        return refusal
    if not recipient.is_active or recipient.is_blocked:
        return gettext("%(username)s cannot receive private messages.") % {
            "username": recipient.username
        }
    if not recipient.accepts_messages and not is_moderator(sender):
        return gettext("%(username)s has chosen not to receive private messages.") % {
            "username": recipient.username
        }
    return _block_refusal(sender, recipient, "send them a private message")


def can_message(sender: Any, recipient: Any) -> bool:
    return message_refusal(sender, recipient) is None


def can_open_messages(user: Any) -> bool:
    """The inbox: any member while messages are on (reading never needs the privilege)."""
    return _member(user) and SiteSettings.current().private_messages_enabled


def can_read_conversation(user: Any, conversation: Conversation) -> bool:
    return _member(user) and conversation.includes(user)


def wall_shown(owner: Any, *, site: SiteSettings | None = None) -> bool:
    return bool((site or SiteSettings.current()).wall_enabled and owner.show_wall)


def wall_post_refusal(author: Any, owner: Any, *, site: SiteSettings | None = None) -> str | None:
    """Why `author` may not post on `owner`'s wall, or None."""
    site = site or SiteSettings.current()
    if not site.wall_enabled:
        return str(WALL_OFF)
    if not _member(author):
        return gettext("Please log in to post on walls.")
    if not owner.show_wall:
        return gettext("%(username)s has turned their wall off.") % {"username": owner.username}
    refusal = policy.refusal(author, Action.POST_ON_WALL)
    if refusal:
        return refusal
    if author.pk == owner.pk:
        return None
    return _block_refusal(author, owner, "post on their wall")


def can_delete_wall_post(user: Any, post: WallPost) -> bool:
    """The wall's owner tidies their wall; a writer may take back what they wrote."""
    return _member(user) and user.pk in (post.owner_id, post.author_id)


def report_refusal(
    user: Any, *, message: Message | None = None, wall_post: WallPost | None = None
) -> str | None:
    """Why `user` may not report the message or wall post, or None. Restricted members can
    still report: being silenced must not stop anyone from reporting abuse."""
    if not _member(user):
        return gettext("Please log in to report.")
    if message is not None:
        if not message.conversation.includes(user):
            return gettext("You can report only messages in your own conversations.")
        if message.sender_id == user.pk:
            return gettext("You cannot report your own message.")
        return None
    if wall_post is not None and wall_post.author_id == user.pk:
        return gettext("You cannot report your own wall post; you can delete it instead.")
    return None


def can_handle_reports(user: Any) -> bool:
    """Reading reported conversations and settling reports: the flag-resolving privilege,
    since a report is a flag on something that is not a post."""
    return policy.allows(user, Action.RESOLVE_FLAGS)


def can_hide_wall_posts(user: Any) -> bool:
    return policy.allows(user, Action.HIDE)


def exempt_from_limits(user: Any) -> bool:
    return is_moderator(user)
