"""Shared helpers for the flag, action and moderation page tests."""

from __future__ import annotations

import html as html_lib
import io
from typing import Any

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mindwell.accounts.models import User
from mindwell.moderation.models import AuditEntry
from mindwell.qa.models import Post
from mindwell.taxonomy.models import Category, Tag
from tests.factories import make_user


def make_moderator(username: str = "mod") -> User:
    return make_user(username, is_staff=True)


def make_admin(username: str = "admin") -> User:
    return make_user(username, is_staff=True, is_superuser=True)


def fresh(post: Post) -> Post:
    return Post.objects.get(pk=post.pk)


def points(user: User) -> int:
    return User.objects.get(pk=user.pk).points


def text(response: Any) -> str:
    return html_lib.unescape(response.content.decode())


def audit_rows(**filters: Any) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(**filters).order_by("pk"))


def recalculation_report() -> str:
    """What `mindwell recalculate_points --dry-run` says: it must find nothing to correct."""
    out = io.StringIO()
    call_command("recalculate_points", "--dry-run", stdout=out)
    return out.getvalue()


def assert_points_consistent() -> None:
    report = recalculation_report()
    assert "Would change the points of 0 of" in report, report
    assert "(0 ledger corrections)" in report, report


def assert_counters_consistent() -> None:
    """Every stored counter equals what the published rows say."""
    for question in Post.objects.questions():
        published = Post.objects.filter(parent=question, status="published")
        assert question.answer_count == published.filter(kind="A").count(), question.pk
        assert question.comment_count == published.filter(kind="C").count(), question.pk
    for answer in Post.objects.answers():
        published = Post.objects.filter(parent=answer, status="published", kind="C")
        assert answer.comment_count == published.count(), answer.pk
    for tag in Tag.objects.all():
        assert tag.question_count == tag.posts.filter(status="published").count(), tag.name
    for category in Category.objects.all():
        ids = category.descendant_ids()
        expected = Post.objects.questions().published().filter(category_id__in=ids).count()
        assert category.question_count == expected, category.slug


def count_queries(client: Any, url: str) -> int:
    """Queries one GET of `url` runs (for pages whose count must not grow with content)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(queries)
