"""Who is behind a post, and which members may be told about it.

Two rules hold for every event: nobody is told about their own action, and nobody is told
about a post they may not read (`Post.objects.visible_to` decides, as it does on every
page). A pseudonymous writer is reached through `post.pseudonym.user`, but is only ever
named by the pseudonym; an anonymous visitor is reached only at the address they left, and
only if they ticked "email me".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model

from mindwell.messaging.models import MemberBlock
from mindwell.notifications import permissions
from mindwell.privacy.models import Pseudonym
from mindwell.qa.models import Post


@dataclass(frozen=True)
class Writer:
    """Who wrote a post, as notifications need it.

    `member_id`: the member (their account, or the one behind the pseudonym), for reaching
    them and for never notifying them of their own post. `shown_user`: the account to name
    and link, only for posts signed with it. `name`: what the post shows as its writer.
    `email`: an anonymous visitor's opted-in address; `address`: the one they left, opted
    in or not, so they are not told of their own posts. `wants_email`: the post's "email
    me" box."""

    member_id: int | None = None
    shown_user: Any = None
    name: str = ""
    email: str = ""
    wants_email: bool = False
    address: str = ""


def writer_of(post: Post) -> Writer:
    if post.author_id is not None:
        author = post.author
        return Writer(
            member_id=post.author_id,
            shown_user=author,
            name=author.username if author else "",
            wants_email=post.notify,
        )
    name = post.anon_name or "anonymous"
    if post.pseudonym_id is not None:
        member_id = (
            Pseudonym.objects.filter(pk=post.pseudonym_id).values_list("user_id", flat=True).first()
        )
        return Writer(member_id=member_id, name=name, wants_email=post.notify)
    email = post.anon_email if post.notify else ""
    return Writer(name=name, email=email, wants_email=bool(email), address=post.anon_email)


def writers_of(posts: Iterable[Post]) -> list[tuple[Post, Writer]]:
    """Whom to reach for each of many posts (names left out), with the pseudonyms looked
    up in one query."""
    posts = list(posts)
    pseudonym_ids = {p.pseudonym_id for p in posts if p.author_id is None and p.pseudonym_id}
    owners = dict(Pseudonym.objects.filter(pk__in=pseudonym_ids).values_list("pk", "user_id"))
    result = []
    for post in posts:
        if post.author_id is not None:
            writer = Writer(member_id=post.author_id, wants_email=post.notify)
        elif post.pseudonym_id is not None:
            writer = Writer(member_id=owners.get(post.pseudonym_id), wants_email=post.notify)
        else:
            email = post.anon_email if post.notify else ""
            writer = Writer(email=email, wants_email=bool(email))
        result.append((post, writer))
    return result


@dataclass
class Audience:
    """The members (and addresses) one event reaches, in order of priority: someone
    already in it is not added again under a weaker reason."""

    exclude_ids: set[int] = field(default_factory=set)
    exclude_emails: set[str] = field(default_factory=set)
    seen_ids: set[int] = field(default_factory=set)
    seen_emails: set[str] = field(default_factory=set)

    def take(self, user_ids: Iterable[int | None]) -> list[int]:
        fresh = []
        for user_id in user_ids:
            if user_id is None or user_id in self.exclude_ids or user_id in self.seen_ids:
                continue
            self.seen_ids.add(user_id)
            fresh.append(user_id)
        return fresh

    def take_emails(self, emails: Iterable[str]) -> list[str]:
        fresh = []
        for email in emails:
            folded = email.strip().lower()
            if not folded or folded in self.exclude_emails or folded in self.seen_emails:
                continue
            self.seen_emails.add(folded)
            fresh.append(email)
        return fresh


def blockable_actor(writer: Writer) -> int | None:
    """The member whose blockers are spared an event about this post: the writer of a
    signed post only. Sparing the blockers of a pseudonymous post's writer would let them
    guess who wrote it."""
    return writer.member_id if writer.shown_user is not None else None


def audience_for(writer: Writer) -> Audience:
    """An audience that never includes the post's own writer."""
    audience = Audience()
    if writer.member_id is not None:
        audience.exclude_ids.add(writer.member_id)
    if writer.address:
        audience.exclude_emails.add(writer.address.strip().lower())
    return audience


def readers_among(
    user_ids: Iterable[int],
    post: Post,
    *,
    actor_id: int | None = None,
    hidden_warnings: Iterable[str] = (),
) -> list[int]:
    """Of `user_ids`, the members who may read `post` and want to hear of it: active, not
    blocked, not blocking the actor, and (with `hidden_warnings`, for what they follow)
    not keeping the post's content warning collapsed. Order is kept. Two or three queries
    whatever the number of members."""
    wanted = list(dict.fromkeys(user_ids))
    if not wanted:
        return []
    users = {
        user.pk: user
        for user in get_user_model()
        .objects.filter(pk__in=wanted, is_active=True, blocked_at__isnull=True)
        .only("pk", "is_staff", "is_active", "hidden_warnings", "level")
    }
    if actor_id is not None and users:
        blockers = set(
            MemberBlock.objects.filter(blocked_id=actor_id, blocker_id__in=list(users)).values_list(
                "blocker_id", flat=True
            )
        )
        users = {pk: user for pk, user in users.items() if pk not in blockers}
    warnings = {w for w in hidden_warnings if w}
    if warnings:
        users = {
            pk: user
            for pk, user in users.items()
            if not warnings
            & set(user.hidden_warnings if isinstance(user.hidden_warnings, list) else [])
        }
    if not Post.objects.visible_to(None).filter(pk=post.pk).exists():
        # Not public (waiting for approval, hidden): only those `visible_to` lets in, asked
        # member by member, which is rare and concerns a handful of people.
        users = {
            pk: user
            for pk, user in users.items()
            if Post.objects.visible_to(user).filter(pk=post.pk).exists()
        }
    return [pk for pk in wanted if pk in users]


def moderators_for(action: str, post: Post) -> list[int]:
    """Members who may do `action` on `post`. No visibility test: the moderation pages show
    them the post whatever its state (a category moderator sees its queued posts there)."""
    return permissions.moderator_ids(action, post)
