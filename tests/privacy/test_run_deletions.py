"""Carrying out deletions: afterwards no row in any table holds the member's email, username,
IP address or pseudonym link, in both modes, and everyone else's points and counters still
agree with a recomputation from scratch."""

from __future__ import annotations

import io

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.management import call_command

from mindwell.accounts.models import User
from mindwell.moderation.models import AuditEntry, FeedbackMessage
from mindwell.privacy.models import DeletionMode, DeletionRequest, Pseudonym
from mindwell.privacy.selectors import user_relations
from mindwell.professionals.models import ProfessionalApplication
from mindwell.qa.models import Post, PostStatus
from mindwell.reputation.rules import current_rules
from tests.factories import make_question
from tests.moderation.moderation_helpers import (
    assert_counters_consistent,
    assert_points_consistent,
)
from tests.privacy.deletion_helpers import (
    EMAIL,
    IP,
    SECOND_EMAIL,
    USERNAME,
    RichMember,
    request_deletion,
    rich_member,
)
from tests.privacy.privacy_helpers import rows_containing

pytestmark = pytest.mark.django_db


@pytest.fixture
def rich(settings, tmp_path) -> RichMember:
    settings.MEDIA_ROOT = str(tmp_path)
    return rich_member()


def run_deletions(*args: str) -> str:
    out = io.StringIO()
    call_command("run_deletions", *args, stdout=out, stderr=out)
    return out.getvalue()


def assert_nothing_left(rich: RichMember) -> None:
    """The member is gone from every table of the database, read with raw SQL."""
    for needle in (USERNAME, EMAIL, SECOND_EMAIL, IP, rich.pseudonym.name):
        assert rows_containing(needle) == [], needle
    assert not User.objects.filter(pk=rich.user.pk).exists()
    assert not Pseudonym.objects.filter(pk=rich.pseudonym.pk).exists()
    assert not Post.objects.filter(pseudonym_id=rich.pseudonym.pk).exists()
    for relation in user_relations():
        rows = relation.model._base_manager.filter(**{relation.field.attname: rich.user.pk})
        assert not rows.exists(), relation.label
    for session in Session.objects.all():
        assert session.get_decoded().get("_auth_user_id") != str(rich.user.pk)
    assert (
        ProfessionalApplication._meta.get_field("document").storage.exists(rich.document) is False
    )


def test_the_rich_member_really_is_everywhere_before(rich):
    """The check below would prove nothing if the fixture left no trace to find."""
    assert rows_containing(USERNAME)
    assert rows_containing(SECOND_EMAIL)
    assert rows_containing(IP)
    assert rows_containing(rich.pseudonym.name)
    assert Session.objects.count() >= 1
    assert ProfessionalApplication._meta.get_field("document").storage.exists(rich.document)


def test_keep_posts_anonymised_leaves_no_personal_data(rich, django_capture_on_commit_callbacks):
    request_deletion(rich.user, DeletionMode.ANONYMISE)
    with django_capture_on_commit_callbacks(execute=True):
        output = run_deletions()
    assert "Carried out 1 deletions (0 failed)." in output
    assert_nothing_left(rich)
    # The posts stay for others to read, anonymised.
    question = Post.objects.get(pk=rich.question.pk)
    assert question.status == PostStatus.PUBLISHED
    assert (question.author_id, question.anon_name) == (None, "deleted member")
    assert question.body.startswith("I lied about money")
    anon = Post.objects.get(pk=rich.anon_question.pk)
    assert (anon.author_id, anon.pseudonym_id, anon.anon_name) == (None, None, "anonymous")
    logged_out = Post.objects.get(pk=rich.logged_out_answer.pk)
    assert (logged_out.anon_email, logged_out.author_ip) == ("", None)
    assert Post.objects.get(pk=rich.answer.pk).best_for.pk  # still the best answer
    # Moderation records stay, without the name.
    entry = AuditEntry.objects.get(action="silence")
    assert entry.target_user_id is None
    assert entry.reason == "[deleted member] was unkind in a comment"
    assert FeedbackMessage.objects.get().body == "Hello from [deleted member]!"
    assert_points_consistent()
    assert_counters_consistent()


def test_delete_my_posts_leaves_no_personal_data(rich, django_capture_on_commit_callbacks):
    request_deletion(rich.user, DeletionMode.DELETE_POSTS)
    with django_capture_on_commit_callbacks(execute=True):
        run_deletions()
    assert_nothing_left(rich)
    for post in (rich.question, rich.answer, rich.anon_question, rich.anon_answer):
        row = Post.objects.get(pk=post.pk)
        assert row.status == PostStatus.DELETED
        assert (row.title, row.body, row.body_html) == ("", "", "")
        assert row.revisions.filter(body_after__gt="").count() == 0
    assert Post.objects.filter(best_answer=rich.answer.pk).count() == 0
    # A post written without an account is not theirs to delete, only their address goes.
    logged_out = Post.objects.get(pk=rich.logged_out_answer.pk)
    assert logged_out.status == PostStatus.PUBLISHED
    assert logged_out.anon_email == ""
    assert_points_consistent()
    assert_counters_consistent()


def test_others_keep_the_points_they_were_given(rich, django_capture_on_commit_callbacks):
    """The votes the member cast stay in the scores; the asker who selected their answer
    loses the selecting points only when the answer goes (delete mode)."""
    rules = current_rules()
    other_before = User.objects.get(pk=rich.other.pk).points
    asker_before = User.objects.get(pk=rich.asker.pk).points
    request_deletion(rich.user, DeletionMode.ANONYMISE)
    with django_capture_on_commit_callbacks(execute=True):
        run_deletions()
    assert User.objects.get(pk=rich.other.pk).points == other_before
    assert User.objects.get(pk=rich.asker.pk).points == asker_before - rules.selecting()
    assert_points_consistent()


def test_a_goodbye_email_is_sent(rich, django_capture_on_commit_callbacks):
    request_deletion(rich.user, DeletionMode.ANONYMISE)
    with django_capture_on_commit_callbacks(execute=True):
        run_deletions()
    assert [m.to for m in mail.outbox] == [[EMAIL]]
    assert "has been deleted" in mail.outbox[0].body


def test_the_session_ends(rich, django_capture_on_commit_callbacks):
    request_deletion(rich.user, DeletionMode.ANONYMISE)
    with django_capture_on_commit_callbacks(execute=True):
        run_deletions()
    response = rich.client.get("/privacy/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_only_due_and_pending_requests_are_carried_out(member, other_member, question):
    due = request_deletion(member, DeletionMode.ANONYMISE)
    cancelled = request_deletion(other_member, DeletionMode.DELETE_POSTS)
    cancelled.cancelled_at = cancelled.requested_at
    cancelled.save()
    third = make_question().author
    not_yet = DeletionRequest.objects.create(
        user=third,
        mode=DeletionMode.ANONYMISE,
        requested_at=due.requested_at,
        execute_after=due.execute_after.replace(year=due.execute_after.year + 1),
    )
    dry = run_deletions("--dry-run")
    assert f"would delete {member.username} (keep my posts, anonymised)" in dry
    assert "1 deletions are due (dry run)." in dry
    assert User.objects.filter(pk=member.pk).exists()  # a dry run changes nothing
    run_deletions()
    assert not User.objects.filter(pk=member.pk).exists()
    assert User.objects.filter(pk=other_member.pk).exists()
    assert User.objects.filter(pk=third.pk).exists()
    due.refresh_from_db()
    not_yet.refresh_from_db()
    assert due.executed_at is not None and due.user_id is None
    assert not_yet.executed_at is None
    assert "Carried out 0 deletions" in run_deletions()  # idempotent
