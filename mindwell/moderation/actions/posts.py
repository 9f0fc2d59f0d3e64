"""Actions on a single post's status and kind: approve, reject, hide, reshow, delete,
restore, convert an answer to a comment, and resolving its flags."""

from __future__ import annotations

from typing import Any

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from mindwell.moderation.actions.base import PostAction
from mindwell.moderation.models import AuditAction, FlagStatus
from mindwell.moderation.services.flags import flags_close, was_hidden_by_flags
from mindwell.notifications import events as notification_events
from mindwell.qa.models import Post, PostKind, PostStatus
from mindwell.qa.services.best_answer import best_answer_unselect
from mindwell.qa.services.publication import post_set_status, publication_effects
from mindwell.reputation.daily_cap import daily_cap_settle
from mindwell.reputation.models import Action
from mindwell.search.indexing import search_index_post


class Approve(PostAction):
    name = "approve"
    permission = Action.APPROVE
    label = "Approve"
    done = "The post is approved and now public."
    audit_action = AuditAction.APPROVE

    @classmethod
    def refusal(cls, post: Post) -> str | None:
        if post.status != PostStatus.QUEUED:
            return gettext("Only a post waiting for approval can be approved.")
        return None

    def perform(self) -> dict[str, Any]:
        post_set_status(post=self.post, status=PostStatus.PUBLISHED)
        # The writer hears of it, and the post now notifies as if it had been published.
        notification_events.post_approved(post=self.post, actor=self.actor)
        question_id = self.post.question_id
        if self.post.kind != PostKind.QUESTION and question_id is not None:
            # The thread now has something new, as it would have had it been posted openly.
            Post.objects.filter(pk=question_id).update(activity_at=timezone.now())
        return {}


class Reject(PostAction):
    name = "reject"
    permission = Action.APPROVE
    label = "Reject"
    done = "The post is rejected."
    audit_action = AuditAction.REJECT

    @classmethod
    def refusal(cls, post: Post) -> str | None:
        if post.status != PostStatus.QUEUED:
            return gettext("Only a post waiting for approval can be rejected.")
        return None

    def perform(self) -> dict[str, Any]:
        upheld = flags_close(post=self.post, actor=self.actor, status=FlagStatus.UPHELD)
        post_set_status(post=self.post, status=PostStatus.DELETED)
        return {"flags_upheld": upheld} if upheld else {}


class Hide(PostAction):
    name = "hide"
    permission = Action.HIDE
    label = "Hide"
    done = "The post is hidden."
    audit_action = AuditAction.HIDE

    @classmethod
    def refusal(cls, post: Post) -> str | None:
        if post.status not in (PostStatus.PUBLISHED, PostStatus.QUEUED):
            return gettext("This post is already hidden or deleted.")
        return None

    def perform(self) -> dict[str, Any]:
        return _take_down(self, PostStatus.HIDDEN)


class Reshow(PostAction):
    name = "reshow"
    permission = Action.HIDE
    label = "Show again"
    done = "The post is shown again."
    audit_action = AuditAction.RESHOW

    @classmethod
    def refusal(cls, post: Post) -> str | None:
        if post.status != PostStatus.HIDDEN:
            return gettext("Only a hidden post can be shown again.")
        return None

    def perform(self) -> dict[str, Any]:
        post_set_status(post=self.post, status=PostStatus.PUBLISHED)
        return {}


class Delete(PostAction):
    name = "delete"
    permission = Action.DELETE
    label = "Delete"
    done = "The post is deleted."
    serious = True
    audit_action = AuditAction.DELETE

    @classmethod
    def refusal(cls, post: Post) -> str | None:
        if post.status == PostStatus.DELETED:
            return gettext("This post is already deleted.")
        return None

    def perform(self) -> dict[str, Any]:
        return _take_down(self, PostStatus.DELETED)


class Restore(PostAction):
    name = "restore"
    permission = Action.DELETE
    label = "Restore"
    done = "The post is restored."
    audit_action = AuditAction.RESTORE

    @classmethod
    def refusal(cls, post: Post) -> str | None:
        if post.status != PostStatus.DELETED:
            return gettext("Only a deleted post can be restored.")
        return None

    def perform(self) -> dict[str, Any]:
        post_set_status(post=self.post, status=PostStatus.PUBLISHED)
        return {}


class UpholdFlags(PostAction):
    """The flags were right: the post stays hidden, or is hidden now."""

    name = "uphold-flags"
    permission = Action.RESOLVE_FLAGS
    label = "Uphold the flags"
    done = "The flags are upheld and the post is hidden."
    audit_action = AuditAction.HIDE

    @classmethod
    def refusal(cls, post: Post) -> str | None:
        if post.flag_count == 0:
            return gettext("This post has no open flags.")
        if post.status == PostStatus.DELETED:
            return gettext("This post is deleted.")
        return None

    def perform(self) -> dict[str, Any]:
        detail = _take_down(self, PostStatus.HIDDEN)
        detail.setdefault("flags_upheld", 0)
        return detail


class DismissFlags(PostAction):
    """The flags were wrong: close them, and show the post again if the flags hid it."""

    name = "dismiss-flags"
    permission = Action.RESOLVE_FLAGS
    label = "Dismiss the flags"
    done = "The flags are dismissed."
    audit_action = AuditAction.FLAGS_DISMISS

    @classmethod
    def refusal(cls, post: Post) -> str | None:
        if post.flag_count == 0:
            return gettext("This post has no open flags.")
        return None

    def perform(self) -> dict[str, Any]:
        dismissed = flags_close(post=self.post, actor=self.actor, status=FlagStatus.DISMISSED)
        reshown = self.post.status == PostStatus.HIDDEN and was_hidden_by_flags(self.post)
        if reshown:
            post_set_status(post=self.post, status=PostStatus.PUBLISHED)
        return {"flags_dismissed": dismissed, "reshown": reshown}


class ConvertToComment(PostAction):
    """An answer that is really a remark becomes a comment on the question. Its answer
    effects (counter, posting and vote points) are reversed and its comments move up to
    the question, since comments do not nest."""

    name = "convert"
    permission = Action.CONVERT
    label = "Convert to a comment"
    done = "The answer is now a comment on the question."
    audit_action = AuditAction.CONVERT
    kinds = (PostKind.ANSWER,)

    def perform(self) -> dict[str, Any]:
        answer = self.post
        assert answer.question_id is not None  # every answer belongs to a question
        question = Post.objects.select_for_update().get(pk=answer.question_id)
        was_best = question.best_answer_id == answer.pk
        if was_best:
            unselect_best_answer(question=question, actor=self.actor)
        published = answer.status == PostStatus.PUBLISHED
        if published:
            publication_effects(post=answer, publish=False)
        answer.kind = PostKind.COMMENT
        answer.parent_id = question.pk
        answer.save(update_fields=["kind", "parent"])
        search_index_post(answer.pk)  # the index keeps each post's kind
        if published:
            publication_effects(post=answer, publish=True)
        # A comment earns nothing from votes: the author's daily-cap events follow suit.
        daily_cap_settle(user_id=answer.author_id)
        moved = Post.objects.filter(parent=answer, kind=PostKind.COMMENT).update(parent=question)
        if moved:
            Post.objects.filter(pk=question.pk).update(
                comment_count=F("comment_count") + answer.comment_count
            )
            Post.objects.filter(pk=answer.pk).update(comment_count=0)
        return {"question": question.pk, "was_best": was_best, "comments_moved": moved}


def unselect_best_answer(*, question: Post, actor: Any) -> None:
    """Clear a question's best answer. The selection's points count only while the question
    is published, so only then does it go through the best-answer service to reverse them."""
    if question.best_answer_id is None:
        return
    if question.status == PostStatus.PUBLISHED:
        best_answer_unselect(question=question, user=actor)
        question.refresh_from_db(fields=["best_answer"])
    else:
        Post.objects.filter(pk=question.pk).update(best_answer=None)
        question.best_answer = None


def _take_down(action: PostAction, status: str) -> dict[str, Any]:
    """Hide or delete the action's post: its open flags were right (upheld), and its writer
    hears that it was hidden. Returns the audit detail."""
    post = action.post
    before = post.status
    upheld = flags_close(post=post, actor=action.actor, status=FlagStatus.UPHELD)
    if before != status:
        post_set_status(post=post, status=status)
        if status == PostStatus.HIDDEN:
            notification_events.post_hidden(post=post, actor=action.actor)
    detail: dict[str, Any] = {"from": before}
    if upheld:
        detail["flags_upheld"] = upheld
    return detail
