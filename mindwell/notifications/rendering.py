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
from django.utils.translation import gettext

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
            return Line(
                gettext("%(count)s new answers to your question %(title)s")
                % {"count": self.count, "title": self.title},
                self.post_url(),
            )
        if not self.question_visible:
            return Line(
                gettext("%(actor)s answered a question of yours that is no longer available")
                % {"actor": self.actor}
            )
        return Line(
            gettext("%(actor)s answered your question %(title)s")
            % {"actor": self.actor, "title": self.title},
            self.post_url(),
        )

    def _comment(self) -> Line:
        if self.count > 1:
            text = gettext("%(count)s new comments on your posts in %(title)s") % {
                "count": self.count,
                "title": self.title,
            }
            return Line(text, self.post_url())
        post = self.n.post
        on = "answer" if post is not None and post.parent_id != self.n.question_id else "question"
        return Line(
            gettext("%(actor)s commented on your %(on)s in %(title)s")
            % {"actor": self.actor, "on": on, "title": self.title},
            self.post_url(),
        )

    def _comment_thread(self) -> Line:
        if self.count > 1:
            text = gettext("%(count)s more comments after yours in %(title)s") % {
                "count": self.count,
                "title": self.title,
            }
            return Line(text, self.post_url())
        return Line(
            gettext("%(actor)s also commented in %(title)s")
            % {"actor": self.actor, "title": self.title},
            self.post_url(),
        )

    def _best_answer(self) -> Line:
        text = _plural(
            self.count,
            gettext("Your answer to %(title)s was chosen as the best answer")
            % {"title": self.title},
            gettext("%(count)s of your answers to %(title)s were chosen as the best answer")
            % {"count": self.count, "title": self.title},
        )
        return Line(text, self.post_url())

    def _mention(self) -> Line:
        if self.count > 1:
            return Line(
                gettext("%(count)s mentions of you in %(title)s")
                % {"count": self.count, "title": self.title},
                self.post_url(),
            )
        return Line(
            gettext("%(actor)s mentioned you in %(title)s")
            % {"actor": self.actor, "title": self.title},
            self.post_url(),
        )

    def _followed_question(self) -> Line:
        if self.count > 1:
            text = gettext("%(count)s new posts in %(title)s, a question you follow") % {
                "count": self.count,
                "title": self.title,
            }
            return Line(text, self.post_url())
        verb = "answered" if self.kind() == "answer" else "commented"
        return Line(
            gettext("%(actor)s %(verb)s in %(title)s, a question you follow")
            % {"actor": self.actor, "verb": verb, "title": self.title},
            self.post_url(),
        )

    def _followed_user(self) -> Line:
        if self.count > 1:
            return Line(
                gettext("%(count)s new posts by %(actor)s, whom you follow")
                % {"count": self.count, "actor": self.actor},
                self.post_url(),
            )
        verb = "asked" if self.kind() == "question" else "answered"
        return Line(
            gettext("%(actor)s, whom you follow, %(verb)s %(title)s")
            % {"actor": self.actor, "verb": verb, "title": self.title},
            self.post_url(),
        )

    def _followed_tag(self) -> Line:
        tag = self.n.data.get("tag", "a tag you follow")
        if self.count > 1:
            return Line(
                gettext("%(count)s new questions tagged %(tag)s")
                % {"count": self.count, "tag": tag},
                _tag_url(tag),
            )
        return Line(
            gettext("New question tagged %(tag)s: %(title)s") % {"tag": tag, "title": self.title},
            self.post_url(),
        )

    def _followed_category(self) -> Line:
        name = self.n.data.get("category", "a category you follow")
        if self.count > 1:
            url = _category_url(self.n.data.get("category_slug", ""))
            return Line(
                gettext("%(count)s new questions in %(name)s")
                % {"count": self.count, "name": name},
                url,
            )
        return Line(
            gettext("New question in %(name)s: %(title)s") % {"name": name, "title": self.title},
            self.post_url(),
        )

    def _message(self) -> Line:
        url = ""
        if self.n.conversation_id is not None:
            url = reverse("messaging:conversation", args=[self.n.conversation_id])
        text = _plural(
            self.count,
            gettext("%(actor)s sent you a private message") % {"actor": self.actor},
            gettext("%(count)s new private messages from %(actor)s")
            % {"count": self.count, "actor": self.actor},
        )
        return Line(text, url)

    def _flag_outcome(self) -> Line:
        if self.count > 1:
            return Line(
                gettext("%(count)s of your flags were reviewed by the moderators")
                % {"count": self.count}
            )
        where = (
            gettext("a post in %(title)s") % {"title": self.title}
            if self.question_visible
            else "a post"
        )
        if self.n.data.get("outcome") == "upheld":
            text = gettext(
                "Your flag on %(where)s was upheld and the post was taken down. Thank you."
            ) % {"where": where}
        else:
            text = gettext(
                "Your flag on %(where)s was reviewed; the moderators left the post up."
            ) % {"where": where}
        return Line(text, self.post_url() if self.post_visible else "")

    def _post_hidden(self) -> Line:
        if self.count > 1:
            return Line(
                gettext("%(count)s of your posts were hidden by the moderators")
                % {"count": self.count}
            )
        # Only its writer is told, and they wrote the title: naming it hides nothing from
        # them, while "one of your posts" would leave them guessing which.
        question = self.n.question
        title = f"“{question.title}”" if question is not None else GONE_QUESTION
        if self.n.post is not None and self.n.post.kind == PostKind.QUESTION:
            return Line(
                gettext("Your question %(title)s was hidden by the moderators") % {"title": title},
                self.post_url(),
            )
        return Line(
            gettext("Your %(kind)s in %(title)s was hidden by the moderators")
            % {"kind": self.kind(), "title": title},
            self.post_url(),
        )

    def _post_approved(self) -> Line:
        if self.count > 1:
            return Line(
                gettext("%(count)s of your posts were approved and are now public")
                % {"count": self.count}
            )
        return Line(
            gettext("Your %(kind)s in %(title)s was approved")
            % {"kind": self.kind(), "title": self.title},
            self.post_url(),
        )

    def _safety_alert(self) -> Line:
        url = reverse("safety:queue")
        if self.count > 1:
            return Line(
                gettext("%(count)s posts entered the safety queue") % {"count": self.count}, url
            )
        level = str(self.n.data.get("level", "")).capitalize() or "A"
        case = self.n.data.get("case")
        if case:
            url = reverse("safety:case", args=[case])
        return Line(
            gettext("%(level)s-level %(kind)s in the safety queue, in %(title)s")
            % {"level": level, "kind": self.kind(), "title": self.title},
            url,
        )

    def _approval_waiting(self) -> Line:
        url = reverse("moderation:queue")
        if self.count > 1:
            return Line(
                gettext("%(count)s posts are waiting for approval") % {"count": self.count}, url
            )
        return Line(
            gettext("A new %(kind)s in %(title)s is waiting for approval")
            % {"kind": self.kind(), "title": self.title},
            url,
        )


def _tag_url(tag: str) -> str:
    return reverse("tag-detail", args=[tag]) if tag else ""


def _category_url(slug: str) -> str:
    return reverse("category-detail", args=[slug]) if slug else ""
