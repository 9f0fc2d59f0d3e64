"""Moderator actions as small classes, in the manner of Wagtail's: `check()` says whether the
action may be done (raising a ServiceError with a message fit to show), `execute()` checks
again under the row lock, acts, and writes exactly one audit-log row.

Every change of a post's status goes through `post_set_status`, so counters and points
follow the post in and out of the published state.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import transaction

from mindwell.core.errors import PermissionDenied, ServiceError
from mindwell.moderation import permissions
from mindwell.moderation.models import AuditEntry
from mindwell.moderation.services.audit import audit_write
from mindwell.qa.models import Post, PostKind
from mindwell.qa.validation import clean_text
from mindwell.reputation.models import Action

REASON_MAX_LENGTH = 500


class ModerationAction:
    # Templates receive action classes (form.action); they must not try to call them.
    do_not_call_in_templates: ClassVar[bool] = True
    name: ClassVar[str]  # the URL slug and form value
    label: ClassVar[str]  # what the button says
    done: ClassVar[str]  # what the moderator is told afterwards
    audit_action: ClassVar[str]
    reason_required: ClassVar[bool] = False
    # Marked on the tools page (in words, not only colour) as needing a second thought.
    serious: ClassVar[bool] = False
    # Form fields (besides the reason) the action reads from its parameters.
    fields: ClassVar[tuple[str, ...]] = ()
    # The permission policy's action that decides who may do this.
    permission: ClassVar[str]

    def __init__(self, *, actor: Any, reason: str = "", **params: Any) -> None:
        self.actor = actor
        self.reason = clean_text(reason)[:REASON_MAX_LENGTH]
        self.params = params

    # Subclasses fill these in.
    def check_permission(self) -> None:
        raise NotImplementedError

    def lock(self) -> None:
        raise NotImplementedError

    def check_state(self) -> None:
        """Raise a ServiceError when the target is not in a state this action applies to."""

    def perform(self) -> dict[str, Any]:
        """Act, and return the detail the audit row keeps."""
        raise NotImplementedError

    def audit_post(self) -> Post | None:
        return None

    def audit_target(self) -> Any:
        return None

    def check(self) -> None:
        self.check_permission()
        if self.reason_required and not self.reason:
            raise ServiceError(
                f"Please give a reason to {self.label.lower()}: it is kept in the audit log.",
                field="reason",
            )
        self.check_state()

    def execute(self) -> AuditEntry:
        self.check_permission()  # before taking any lock
        with transaction.atomic():
            self.lock()
            self.check()
            detail = self.perform()
            return audit_write(
                actor=self.actor,
                action=self.audit_action,
                post=self.audit_post(),
                target_user=self.audit_target(),
                reason=self.reason,
                detail=detail,
            )


class PostAction(ModerationAction):
    """An action on one post; whoever the policy allows, in the post's category."""

    kinds: ClassVar[tuple[str, ...]] = (PostKind.QUESTION, PostKind.ANSWER, PostKind.COMMENT)

    def __init__(self, *, actor: Any, post: Post, reason: str = "", **params: Any) -> None:
        super().__init__(actor=actor, reason=reason, **params)
        self.post = post

    @classmethod
    def refusal(cls, post: Post) -> str | None:
        """Why the action does not apply to the post as it is now, or None."""
        return None

    @classmethod
    def offered(cls, post: Post) -> bool:
        return post.kind in cls.kinds and cls.refusal(post) is None

    @classmethod
    def permitted(cls, actor: Any, post: Post) -> bool:
        return permissions.post_action_refusal(actor, cls.permission, post) is None

    def check_permission(self) -> None:
        refusal = permissions.post_action_refusal(self.actor, self.permission, self.post)
        if refusal:
            raise PermissionDenied(refusal)

    def lock(self) -> None:
        # No select_related here: PostgreSQL cannot lock the nullable side of a join.
        self.post = Post.objects.select_for_update().get(pk=self.post.pk)

    def check_state(self) -> None:
        if self.post.kind not in self.kinds:
            raise ServiceError(f"“{self.label}” does not apply to {self.post.get_kind_display()}s.")
        message = self.refusal(self.post)
        if message:
            raise ServiceError(message)

    def audit_post(self) -> Post | None:
        return self.post

    def audit_target(self) -> Any:
        return self.post.author


class UserAction(ModerationAction):
    """An action on a member; whoever the policy allows (administrators by default), never on
    themselves or on someone of their level or above."""

    permission: ClassVar[str] = Action.RESTRICT_MEMBERS

    def __init__(self, *, actor: Any, member: Any, reason: str = "", **params: Any) -> None:
        super().__init__(actor=actor, reason=reason, **params)
        self.member = member

    @classmethod
    def refusal(cls, member: Any) -> str | None:
        return None

    @classmethod
    def offered(cls, member: Any) -> bool:
        return cls.refusal(member) is None

    def check_permission(self) -> None:
        message = permissions.sanction_refusal(self.actor, self.member, self.permission)
        if message:
            raise PermissionDenied(message)

    def lock(self) -> None:
        self.member = type(self.member).objects.select_for_update().get(pk=self.member.pk)

    def check_state(self) -> None:
        message = self.refusal(self.member)
        if message:
            raise ServiceError(message)

    def audit_target(self) -> Any:
        return self.member
