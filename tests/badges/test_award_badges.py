"""`mindwell award_badges`: everyone in batches, or some members; --dry-run writes nothing."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from mindwell.badges.models import Award
from tests.factories import make_answer, make_question, make_user

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("award_badges", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def forum():
    users = [make_user() for _ in range(5)]
    for user in users[:3]:
        make_question(author=user)
    make_answer(make_question(author=users[3]), author=users[4])
    return users


def test_all_members_in_batches_with_progress(forum):
    out = run("--all", "--batch-size", "2")
    for line in ("2/5 members checked", "4/5 members checked", "5/5 members checked"):
        assert line in out
    assert "First question: 4" in out
    assert "First answer: 1" in out
    assert "Awarded 5 badges (5 members checked)" in out
    assert Award.objects.count() == 5
    # Nothing new the second time.
    assert "Awarded 0 badges" in run("--all")
    assert Award.objects.count() == 5


def test_dry_run_writes_nothing(forum):
    out = run("--all", "--dry-run")
    assert "Would award 5 badges" in out
    assert not Award.objects.exists()


def test_named_members_only(forum):
    out = run(forum[0].username)
    assert "Awarded 1 badge (1 members checked)" in out
    assert list(Award.objects.values_list("user_id", flat=True)) == [forum[0].pk]


def test_unknown_names_and_missing_choice_are_refused(forum):
    with pytest.raises(CommandError, match="No such member: nobody"):
        run("nobody")
    with pytest.raises(CommandError, match="--all"):
        run()
