"""Actions on a question's thread: close and reopen, lock comments, move, retag, merge."""

from __future__ import annotations

import re
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext

from mindwell.core.errors import ServiceError
from mindwell.moderation.actions.base import PostAction
from mindwell.moderation.actions.posts import unselect_best_answer
from mindwell.moderation.models import AuditAction
from mindwell.qa.models import Post, PostKind, PostStatus, Revision
from mindwell.qa.services.questions import check_category
from mindwell.qa.validation import parse_tags
from mindwell.reputation.models import Action
from mindwell.search.indexing import search_index_post
from mindwell.siteconfig.models import SiteSettings
from mindwell.taxonomy.services import category_count_add, tags_attach

QUESTION_REF = re.compile(r"(?:/questions/|#|^)\s*(\d+)\b")


def parse_question_ref(value: Any) -> int | None:
    """A question given as its number ("123", "#123") or its address (…/questions/123/…)."""
    if isinstance(value, int):
        return value
    match = QUESTION_REF.search(str(value or "").strip())
    return int(match.group(1)) if match else None


def other_question(value: Any, *, field: str, current: Post) -> Post:
    pk = parse_question_ref(value)
    if pk is None:
        raise ServiceError(
            gettext("Please give the other question’s number or its address."), field=field
        )
    target = Post.objects.filter(pk=pk, kind=PostKind.QUESTION).first()
    if target is None or target.status == PostStatus.DELETED:
        raise ServiceError(gettext("There is no question number %(pk)s.") % {"pk": pk}, field=field)
    if target.pk == current.pk:
        raise ServiceError(gettext("A question cannot be a duplicate of itself."), field=field)
    if target.duplicate_of_id == current.pk:
        raise ServiceError(
            gettext("That question is already closed as a duplicate of this one."), field=field
        )
    return target


class Close(PostAction):
    name = "close"
    permission = Action.CLOSE
    label = "Close"
    done = "The question is closed."
    audit_action = AuditAction.CLOSE
    kinds = (PostKind.QUESTION,)
    fields = ("duplicate_of",)

    @classmethod
    def refusal(cls, post: Post) -> str | None:
        if post.is_closed:
            return gettext("This question is already closed.")
        if post.status == PostStatus.DELETED:
            return gettext("This question is deleted.")
        return None

    def check_state(self) -> None:
        super().check_state()
        if not self.params.get("duplicate_of") and not self.reason:
            raise ServiceError(
                gettext("Please give a reason for closing, or the question this one duplicates."),
                field="reason",
            )

    def perform(self) -> dict[str, Any]:
        duplicate_of = None
        if self.params.get("duplicate_of"):
            duplicate_of = other_question(
                self.params["duplicate_of"], field="duplicate_of", current=self.post
            )
        post = self.post
        post.closed_at, post.closed_by = timezone.now(), self.actor
        post.close_reason = self.reason[:300]
        post.duplicate_of = duplicate_of
        post.save(update_fields=["closed_at", "closed_by", "close_reason", "duplicate_of"])
        return {"duplicate_of": duplicate_of.pk} if duplicate_of else {}


class Reopen(PostAction):
    name = "reopen"
    permission = Action.CLOSE
    label = "Reopen"
    done = "The question is open again."
    audit_action = AuditAction.REOPEN
    kinds = (PostKind.QUESTION,)

    @classmethod
    def refusal(cls, post: Post) -> str | None:
        if not post.is_closed:
            return gettext("This question is open.")
        return None

    def perform(self) -> dict[str, Any]:
        post = self.post
        detail = {"was_duplicate_of": post.duplicate_of_id} if post.duplicate_of_id else {}
        post.closed_at, post.closed_by, post.close_reason, post.duplicate_of = None, None, "", None
        post.save(update_fields=["closed_at", "closed_by", "close_reason", "duplicate_of"])
        return detail


class LockComments(PostAction):
    name = "lock-comments"
    permission = Action.LOCK_COMMENTS
    label = "Lock comments"
    done = "Comments are locked."
    audit_action = AuditAction.LOCK_COMMENTS
    kinds = (PostKind.QUESTION, PostKind.ANSWER)

    @classmethod
    def refusal(cls, post: Post) -> str | None:
        return gettext("Comments are already locked here.") if post.comments_locked else None

    def perform(self) -> dict[str, Any]:
        self.post.comments_locked = True
        self.post.save(update_fields=["comments_locked"])
        return {}


class UnlockComments(PostAction):
    name = "unlock-comments"
    permission = Action.LOCK_COMMENTS
    label = "Unlock comments"
    done = "Comments are unlocked."
    audit_action = AuditAction.UNLOCK_COMMENTS
    kinds = (PostKind.QUESTION, PostKind.ANSWER)

    @classmethod
    def refusal(cls, post: Post) -> str | None:
        return None if post.comments_locked else gettext("Comments are not locked here.")

    def perform(self) -> dict[str, Any]:
        self.post.comments_locked = False
        self.post.save(update_fields=["comments_locked"])
        return {}


def _revision(post: Post, editor: Any, reason: str, **changes: str) -> None:
    """Moves and retags show in the post's history like any edit."""
    Revision.objects.create(
        post=post,
        editor=editor,
        title_before=post.title,
        title_after=post.title,
        body_before=post.body,
        body_after=post.body,
        reason=reason[:200],
        **changes,
    )


class Move(PostAction):
    name = "move"
    permission = Action.MOVE_CATEGORY
    label = "Move to another category"
    done = "The question is moved."
    audit_action = AuditAction.MOVE
    kinds = (PostKind.QUESTION,)
    fields = ("category",)

    @classmethod
    def refusal(cls, post: Post) -> str | None:
        return gettext("This question is deleted.") if post.status == PostStatus.DELETED else None

    def perform(self) -> dict[str, Any]:
        post = self.post
        old = post.category
        new = check_category(self.params.get("category"))
        if new == old:
            raise ServiceError(
                gettext("The question is already in that category."), field="category"
            )
        # A category counts published questions only (and its ancestors count them too).
        if post.status == PostStatus.PUBLISHED:
            category_count_add(category=old, delta=-1)
            category_count_add(category=new, delta=1)
        post.category = new
        post.save(update_fields=["category"])
        search_index_post(post.pk)  # the thread is indexed with its category
        _revision(
            post,
            self.actor,
            self.reason or "Moved by a moderator",
            category_before=old.name if old else "",
            category_after=new.name,
        )
        return {"from": old.name if old else "", "to": new.name}


class Retag(PostAction):
    name = "retag"
    permission = Action.RETAG
    label = "Change the tags"
    done = "The tags are changed."
    audit_action = AuditAction.RETAG
    kinds = (PostKind.QUESTION,)
    fields = ("tags",)

    @classmethod
    def refusal(cls, post: Post) -> str | None:
        return gettext("This question is deleted.") if post.status == PostStatus.DELETED else None

    def perform(self) -> dict[str, Any]:
        post = self.post
        before = sorted(t.name for t in post.tags.all())
        names = parse_tags(self.params.get("tags") or "", site=SiteSettings.current())
        if sorted(names) == before:
            raise ServiceError(gettext("Those are already the question’s tags."), field="tags")
        tags_attach(question=post, names=names, count=post.status == PostStatus.PUBLISHED)
        search_index_post(post.pk)  # the thread is indexed with its tags
        _revision(
            post,
            self.actor,
            self.reason or "Retagged by a moderator",
            tags_before=" ".join(before),
            tags_after=" ".join(sorted(names)),
        )
        return {"before": before, "after": sorted(names)}


class Merge(PostAction):
    """Move every answer and comment of this (duplicate) question into another question,
    then close this one as a duplicate pointing there. Answers keep their votes, authors
    and points; the counters are recounted from the rows."""

    name = "merge"
    permission = Action.MERGE
    label = "Merge into another question"
    done = "The questions are merged."
    serious = True
    audit_action = AuditAction.MERGE
    kinds = (PostKind.QUESTION,)
    fields = ("target",)

    @classmethod
    def refusal(cls, post: Post) -> str | None:
        return gettext("This question is deleted.") if post.status == PostStatus.DELETED else None

    def perform(self) -> dict[str, Any]:
        duplicate = self.post
        target = other_question(self.params.get("target"), field="target", current=duplicate)
        target = Post.objects.select_for_update().get(pk=target.pk)
        # An answer can be the best of one question only; the duplicate's choice lapses.
        unselect_best_answer(question=duplicate, actor=self.actor)
        thread = Post.objects.filter(question=duplicate).exclude(pk=duplicate.pk)
        answers = thread.filter(kind=PostKind.ANSWER).count()
        comments = thread.filter(kind=PostKind.COMMENT).count()
        # Replies to the question itself hang from the target now; comments on answers keep
        # their parent and change thread only.
        thread.filter(parent=duplicate).update(parent=target, question=target)
        thread.update(question=target)
        # The moved replies are readable, or not, with the target question now.
        search_index_post(target.pk)
        recount_replies(target)
        recount_replies(duplicate)
        now = timezone.now()
        Post.objects.filter(pk=target.pk).update(activity_at=now)
        duplicate.refresh_from_db(fields=["answer_count", "comment_count", "best_answer"])
        duplicate.closed_at, duplicate.closed_by, duplicate.duplicate_of = now, self.actor, target
        duplicate.close_reason = (self.reason or "Merged into another question")[:300]
        duplicate.save(update_fields=["closed_at", "closed_by", "close_reason", "duplicate_of"])
        return {"into": target.pk, "answers": answers, "comments": comments}


def recount_replies(question: Post) -> None:
    """A question's answer and comment counters from its published replies (the counters
    publication keeps: published answers, and published comments on the question)."""
    published = Post.objects.filter(parent=question, status=PostStatus.PUBLISHED)
    Post.objects.filter(pk=question.pk).update(
        answer_count=published.filter(kind=PostKind.ANSWER).count(),
        comment_count=published.filter(kind=PostKind.COMMENT).count(),
    )
