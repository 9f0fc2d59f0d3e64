"""What a notification says, decided when it is read, not when it was written.

A notification stores the event and its target; the sentence and the link are made here
for the person reading, so a post hidden since shows as "no longer available" and is never
linked, a pseudonymous writer is named by the pseudonym only, and an inbox group reads as
"3 new answers to …". Email templates use the same sentences (`describe`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from mindwell.notifications.models import Notification
from mindwell.qa.models import Post, PostKind

GONE_QUESTION = "a question that is no longer available"


@dataclass(frozen=True)
class Line:
    text: str
    url: str = ""


def visible_post_ids(notifications: Iterable[Notification], viewer: Any) -> set[int]:
    """Of the posts and questions these notifications point at, those `viewer` may read
    now (one query). `viewer` None: an anonymous poster's address, who sees what visitors
    see."""
    ids = {pk for n in notifications for pk in (n.post_id, n.question_id) if pk is not None}
    if not ids:
        return set()
    return set(Post.objects.visible_to(viewer).filter(pk__in=ids).values_list("pk", flat=True))


def describe(notification: Notification, viewer: Any = None, *, count: int = 1) -> Line:
    """The sentence and link for one notification (or a group of `count` of them, this one
    the newest), for `viewer`. One query; the inbox uses `describe_many`."""
    return _Describer(notification, visible_post_ids([notification], viewer), count).line()


def describe_many(
    entries: Iterable[tuple[Notification, int]], viewer: Any
) -> list[tuple[Notification, int, Line]]:
    entries = list(entries)
    visible = visible_post_ids([n for n, _ in entries], viewer)
    return [(n, count, _Describer(n, visible, count).line()) for n, count in entries]


def _plural(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


class _Describer:
    def __init__(self, notification: Notification, visible: set[int], count: int) -> None:
        self.n, self.count = notification, count
        self.post_visible = notification.post_id in visible
        self.question_visible = notification.question_id in visible

    # --- pieces ---------------------------------------------------------------------------

    @property
    def actor(self) -> str:
        if self.n.actor_id is not None and self.n.actor is not None:
            return str(self.n.actor.username)
        return self.n.actor_name or "Someone"

    @property
    def title(self) -> str:
        question = self.n.question
        if question is None or not self.question_visible:
            return GONE_QUESTION
        return f"“{question.title}”"

    def kind(self, post: Post | None = None) -> str:
        post = post or self.n.post
        return str(post.get_kind_display()) if post is not None else "post"

    def post_url(self) -> str:
        question = self.n.question
        if question is None or not self.question_visible:
            return ""
        url = reverse("question-detail", args=[question.pk, question.slug])
        post = self.n.post
        if post is not None and post.pk != question.pk and self.post_visible:
            url += f"#{post.anchor}"
        return url

    # --- sentences ------------------------------------------------------------------------

    def line(self) -> Line:
        method = getattr(self, "_" + self.n.event_type.replace("-", "_"), None)
        if method is None:
            return Line("Something happened that this site no longer describes.")
        result: Line = method()
        return result

    def _answer(self) -> Line:
        if self.count > 1:
            return Line(f"{self.count} new answers to your question {self.title}", self.post_url())
        if not self.question_visible:
            return Line(f"{self.actor} answered a question of yours that is no longer available")
        return Line(f"{self.actor} answered your question {self.title}", self.post_url())

    def _comment(self) -> Line:
        if self.count > 1:
            text = f"{self.count} new comments on your posts in {self.title}"
            return Line(text, self.post_url())
        post = self.n.post
        on = "answer" if post is not None and post.parent_id != self.n.question_id else "question"
        return Line(f"{self.actor} commented on your {on} in {self.title}", self.post_url())

    def _comment_thread(self) -> Line:
        if self.count > 1:
            text = f"{self.count} more comments after yours in {self.title}"
            return Line(text, self.post_url())
        return Line(f"{self.actor} also commented in {self.title}", self.post_url())

    def _best_answer(self) -> Line:
        text = _plural(
            self.count,
            f"Your answer to {self.title} was chosen as the best answer",
            f"{self.count} of your answers to {self.title} were chosen as the best answer",
        )
        return Line(text, self.post_url())

    def _mention(self) -> Line:
        if self.count > 1:
            return Line(f"{self.count} mentions of you in {self.title}", self.post_url())
        return Line(f"{self.actor} mentioned you in {self.title}", self.post_url())

    def _followed_question(self) -> Line:
        if self.count > 1:
            text = f"{self.count} new posts in {self.title}, a question you follow"
            return Line(text, self.post_url())
        verb = "answered" if self.kind() == "answer" else "commented"
        return Line(f"{self.actor} {verb} in {self.title}, a question you follow", self.post_url())

    def _followed_user(self) -> Line:
        if self.count > 1:
            return Line(f"{self.count} new posts by {self.actor}, whom you follow", self.post_url())
        verb = "asked" if self.kind() == "question" else "answered"
        return Line(f"{self.actor}, whom you follow, {verb} {self.title}", self.post_url())

    def _followed_tag(self) -> Line:
        tag = self.n.data.get("tag", "a tag you follow")
        if self.count > 1:
            return Line(f"{self.count} new questions tagged {tag}", _tag_url(tag))
        return Line(f"New question tagged {tag}: {self.title}", self.post_url())

    def _followed_category(self) -> Line:
        name = self.n.data.get("category", "a category you follow")
        if self.count > 1:
            url = _category_url(self.n.data.get("category_slug", ""))
            return Line(f"{self.count} new questions in {name}", url)
        return Line(f"New question in {name}: {self.title}", self.post_url())

    def _message(self) -> Line:
        url = ""
        if self.n.conversation_id is not None:
            url = reverse("messaging:conversation", args=[self.n.conversation_id])
        text = _plural(
            self.count,
            f"{self.actor} sent you a private message",
            f"{self.count} new private messages from {self.actor}",
        )
        return Line(text, url)

    def _flag_outcome(self) -> Line:
        if self.count > 1:
            return Line(f"{self.count} of your flags were reviewed by the moderators")
        where = f"a post in {self.title}" if self.question_visible else "a post"
        if self.n.data.get("outcome") == "upheld":
            text = f"Your flag on {where} was upheld and the post was taken down. Thank you."
        else:
            text = f"Your flag on {where} was reviewed; the moderators left the post up."
        return Line(text, self.post_url() if self.post_visible else "")

    def _post_hidden(self) -> Line:
        if self.count > 1:
            return Line(f"{self.count} of your posts were hidden by the moderators")
        # Only its writer is told, and they wrote the title: naming it hides nothing from
        # them, while "one of your posts" would leave them guessing which.
        question = self.n.question
        title = f"“{question.title}”" if question is not None else GONE_QUESTION
        if self.n.post is not None and self.n.post.kind == PostKind.QUESTION:
            return Line(f"Your question {title} was hidden by the moderators", self.post_url())
        return Line(f"Your {self.kind()} in {title} was hidden by the moderators", self.post_url())

    def _post_approved(self) -> Line:
        if self.count > 1:
            return Line(f"{self.count} of your posts were approved and are now public")
        return Line(f"Your {self.kind()} in {self.title} was approved", self.post_url())

    def _safety_alert(self) -> Line:
        url = reverse("safety:queue")
        if self.count > 1:
            return Line(f"{self.count} posts entered the safety queue", url)
        level = str(self.n.data.get("level", "")).capitalize() or "A"
        case = self.n.data.get("case")
        if case:
            url = reverse("safety:case", args=[case])
        return Line(f"{level}-level {self.kind()} in the safety queue, in {self.title}", url)

    def _approval_waiting(self) -> Line:
        url = reverse("moderation:queue")
        if self.count > 1:
            return Line(f"{self.count} posts are waiting for approval", url)
        return Line(f"A new {self.kind()} in {self.title} is waiting for approval", url)


def _tag_url(tag: str) -> str:
    return reverse("tag-detail", args=[tag]) if tag else ""


def _category_url(slug: str) -> str:
    return reverse("category-detail", args=[slug]) if slug else ""
