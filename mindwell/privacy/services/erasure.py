"""Carrying out a deletion request once its grace period is over (`mindwell run_deletions`).

In one transaction per member:

1. Their posts (under their name or their pseudonym). "delete": each goes to the deleted
   status through post_set_status (so counters and everyone's points follow, as when a
   moderator deletes), then its text and its revisions' text are erased. "anonymise": each
   stays, with no author, no pseudonym, no address, shown as "deleted member" (or as
   "anonymous" when it was posted anonymously, so it is not tied to their other posts), and
   their username and email address cut out of its text. Either way the points a post gave
   *other* members for its writer (a selected answer's asker) are reversed, as the
   recomputation (`mindwell recalculate_points`) would.
2. Their open flags stop counting; moderation records about them keep their rows, with the
   member's name and address cut out of the text; feedback they sent loses name, address
   and IP; the admin's history names them no more.
3. Their sessions end, their files (licence documents, avatar) are deleted after commit,
   and the account row is deleted: every row that belongs to it (votes, flags, follows,
   points history, email addresses, two-factor devices, pseudonym, applications) goes with
   it, and every row that only refers to it keeps the row with the reference emptied.
4. Their email and IP addresses are then emptied wherever else they appear.

Votes the member cast are deleted with the account, but the scores they made stay: the
people who received them keep their points (the recomputation reads the stored vote
counts, so it agrees).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, ProtectedError, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone

from mindwell.core.errors import ServiceError
from mindwell.core.markdown import render_markdown
from mindwell.privacy.models import DeletionMode, DeletionRequest
from mindwell.privacy.selectors import posts_of
from mindwell.privacy.services.points import writer_change_points, writer_points
from mindwell.privacy.services.scrub import (
    REPLACEMENT,
    Identity,
    end_sessions,
    erase_values_everywhere,
    owned_files,
    scrub_rows,
)
from mindwell.qa.models import Post, PostStatus, Revision
from mindwell.qa.services.publication import post_set_status
from mindwell.search.indexing import search_index_post

DELETED_MEMBER = "deleted member"
ANONYMOUS = "anonymous"
REVISION_TEXT = ["title_before", "title_after", "body_before", "body_after", "reason"]


@dataclass(frozen=True)
class ErasureReport:
    deletion_id: int
    mode: str
    posts: int
    sessions: int
    files: int


def deletions_due(*, now: Any = None) -> QuerySet[DeletionRequest]:
    return (
        DeletionRequest.objects.pending()
        .filter(execute_after__lte=now or timezone.now())
        .order_by("execute_after", "pk")
    )


def deletion_execute(*, deletion: DeletionRequest) -> ErasureReport | None:
    """Carry out one due request; None when it is no longer pending (already done, or
    cancelled meanwhile), so running the command twice does nothing twice."""
    user_model = get_user_model()
    with transaction.atomic():
        deletion = DeletionRequest.objects.select_for_update().get(pk=deletion.pk)
        if not deletion.is_pending:
            return None
        now = timezone.now()
        user = (
            user_model._base_manager.select_for_update().filter(pk=deletion.user_id).first()
            if deletion.user_id is not None
            else None
        )
        if user is None:  # the account went another way (an administrator deleted it)
            deletion.executed_at = now
            deletion.save(update_fields=["executed_at"])
            return ErasureReport(deletion.pk, deletion.mode, 0, 0, 0)
        identity = Identity.of(user)
        post_ids = list(posts_of(user=user).order_by("pk").values_list("pk", flat=True))
        if deletion.mode == DeletionMode.DELETE_POSTS:
            _posts_delete(post_ids, identity)
        else:
            _posts_anonymise(post_ids, identity)
        _records_scrub(user, identity, post_ids)
        sessions = end_sessions(identity)
        if apps.is_installed("mindwell.professionals"):
            from mindwell.professionals.services.applications import professional_data_erase

            # Its own eraser also removes each document's private folder.
            professional_data_erase(user=user)
        files = owned_files(user)
        goodbye = _goodbye_email(user)
        try:
            user.delete()
        except ProtectedError as error:
            raise ServiceError(
                f"The account could not be deleted: {error.protected_objects!r} refer to it."
            ) from None
        erase_values_everywhere(identity)
        deletion.user = None
        deletion.executed_at = now
        deletion.save(update_fields=["user", "executed_at"])
        transaction.on_commit(lambda: _delete_files(files))
        if goodbye is not None:
            transaction.on_commit(lambda: send_mail(*goodbye, fail_silently=True))
    return ErasureReport(deletion.pk, deletion.mode, len(post_ids), sessions, len(files))


def _posts_delete(post_ids: list[int], identity: Identity) -> None:
    for pk in post_ids:
        post = Post.objects.select_for_update().get(pk=pk)
        if post.status != PostStatus.DELETED:
            post_set_status(post=post, status=PostStatus.DELETED)
        before = writer_points(post, post.author_id)
        Post.objects.filter(pk=pk).update(
            author=None,
            pseudonym=None,
            anon_name=DELETED_MEMBER,
            anon_email="",
            author_ip=None,
            notify=False,
            submit_token=None,
            title="",
            body="",
            body_html="",
        )
        post.author_id = None
        writer_change_points(
            post=post, before=before, author_id=None, skip_user_id=identity.user_id
        )
        search_index_post(pk)  # the index keeps a copy of the text
    # A deleted answer is no one's best answer any more.
    Post.objects.filter(best_answer_id__in=post_ids).update(best_answer=None)
    Revision.objects.filter(post_id__in=post_ids).update(**{name: "" for name in REVISION_TEXT})


def _posts_anonymise(post_ids: list[int], identity: Identity) -> None:
    pattern = identity.pattern(with_username=True)
    for pk in post_ids:
        post = Post.objects.select_for_update().get(pk=pk)
        before = writer_points(post, post.author_id)
        post.anon_name = DELETED_MEMBER if post.author_id is not None else ANONYMOUS
        post.author_id = None
        post.pseudonym_id = None
        post.anon_email = ""
        post.author_ip = None
        post.notify = False
        title = scrub_text_value(post.title, pattern)
        body = scrub_text_value(post.body, pattern)
        fields = ["author", "pseudonym", "anon_name", "anon_email", "author_ip", "notify"]
        if (title, body) != (post.title, post.body):
            post.title, post.body, post.body_html = title, body, render_markdown(body)
            fields += ["title", "body", "body_html"]
        post.save(update_fields=fields)
        writer_change_points(
            post=post, before=before, author_id=None, skip_user_id=identity.user_id
        )
        search_index_post(pk)  # the index keeps a copy of the text
    scrub_rows(Revision.objects.filter(post_id__in=post_ids), REVISION_TEXT, pattern)


def scrub_text_value(text: str, pattern: Any) -> str:
    return pattern.sub(REPLACEMENT, text) if pattern is not None else text


def _records_scrub(user: Any, identity: Identity, post_ids: list[int]) -> None:
    """Rows that stay but name the member: moderation records, feedback, flags and safety
    notes on their posts, and the admin's history of their account."""
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    from mindwell.moderation.models import AuditEntry, FeedbackMessage, Flag, FlagStatus
    from mindwell.safety.models import SafetyCase

    pattern = identity.pattern(with_username=True)
    tied = AuditEntry.objects.filter(target_user=user) | AuditEntry.objects.filter(actor=user)
    tied = tied | AuditEntry.objects.filter(post_id__in=post_ids)
    scrub_rows(tied, ["reason", "detail"], pattern)
    feedback = FeedbackMessage.objects.filter(user=user)
    scrub_rows(feedback, ["body"], pattern)
    feedback.update(name="", email="", ip=None)
    FeedbackMessage.objects.filter(name__iexact=identity.username).update(name="")
    Post.objects.filter(anon_name__iexact=identity.username).update(anon_name=ANONYMOUS)
    scrub_rows(Flag.objects.filter(post_id__in=post_ids), ["note"], pattern)
    scrub_rows(SafetyCase.objects.filter(post_id__in=post_ids), ["note"], pattern)
    # Their open flags go with the account: the posts' counts must drop with them.
    for post_id in Flag.objects.filter(user=user, status=FlagStatus.OPEN).values_list(
        "post_id", flat=True
    ):
        Post.objects.filter(pk=post_id, flag_count__gt=0).update(flag_count=F("flag_count") - 1)
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(type(user)), object_id=str(user.pk)
    ).update(object_repr=REPLACEMENT, change_message="")
    _notifications_scrub(user, identity, post_ids)


def _notifications_scrub(user: Any, identity: Identity, post_ids: list[int]) -> None:
    """Other members' notifications about their posts keep the event but not the name the
    member acted under (their pseudonym included); mail to their addresses goes."""
    from mindwell.notifications.models import Notification

    named = Notification.objects.filter(post_id__in=post_ids) | Notification.objects.filter(
        actor=user
    )
    named.exclude(actor_name="").update(actor_name=ANONYMOUS)
    for email in identity.emails:
        Notification.objects.filter(recipient_email__iexact=email).delete()


def _goodbye_email(user: Any) -> tuple[str, str, None, list[str]] | None:
    if not user.email:
        return None
    body = render_to_string("privacy/email/deletion_done.txt", {"username": user.username})
    return ("Your account has been deleted", body, None, [user.email])


def _delete_files(files: list[tuple[Any, str]]) -> None:
    for storage, name in files:
        storage.delete(name)
