"""Badges are awarded in the background: what each service queues, after its commit, and
never inside the request (tests/core/test_tasks.py runs the real worker)."""

from __future__ import annotations

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from mindwell.badges.models import Award
from mindwell.badges.tasks import badge_check
from mindwell.core.tasks import DATABASE_BACKEND, tasks_setting
from mindwell.qa.services import best_answer_select, post_edit
from mindwell.reputation.levels import Level
from mindwell.votes.services import vote_cast
from tests.factories import make_answer, make_question, make_user

pytestmark = pytest.mark.django_db


def held(user) -> set[str]:
    return set(Award.objects.filter(user=user).values_list("badge__slug", flat=True))


def test_nothing_is_awarded_before_the_commit(member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_question(author=member)
        assert held(member) == set()
    assert held(member) == {"first-question"}


def test_posting_voting_choosing_and_editing_each_check_badges(
    member, other_member, django_capture_on_commit_callbacks
):
    editor = make_user(level=Level.EDITOR)
    with django_capture_on_commit_callbacks(execute=True):
        question = make_question(author=member)
        answer = make_answer(question, author=other_member)
        vote_cast(user=editor, post=answer, value=1)
        best_answer_select(question=question, answer=answer, user=member)
        post_edit(post=question, editor=editor, body="The worry, described more clearly.")
    assert held(member) == {"first-question"}
    assert held(other_member) == {"first-answer", "thanks"}
    assert held(editor) == {"supporter", "first-edit"}


def test_a_check_asked_for_many_times_in_one_transaction_runs_once(
    member, django_capture_on_commit_callbacks, settings
):
    settings.TASKS = tasks_setting(DATABASE_BACKEND)
    answer = make_answer(make_question(), author=member)
    voters = [make_user() for _ in range(3)]
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        for voter in voters:
            vote_cast(user=voter, post=answer, value=1)
    checks = DBTaskResult.objects.filter(task_path="mindwell.badges.tasks.badge_check")
    # One for the answer's author (asked for three times), one for each voter.
    assert sorted(check.args_kwargs["args"][0] for check in checks) == sorted(
        [member.pk, *(voter.pk for voter in voters)]
    )


def test_a_request_leaves_a_queued_check_and_awards_nothing(
    client, question, other_member, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = tasks_setting(DATABASE_BACKEND)
    client.force_login(other_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/questions/{question.pk}/answer/", {"body": "Writing it down each night helped me."}
        )
    assert response.status_code == 302
    queued = DBTaskResult.objects.get(
        task_path="mindwell.badges.tasks.badge_check", args_kwargs__args=[other_member.pk]
    )
    assert queued.status == "READY"
    assert held(other_member) == set()
    # What the worker will do with it:
    assert badge_check.call(other_member.pk) == ["first-answer"]
    assert held(other_member) == {"first-answer"}


def test_the_check_is_idempotent(member):
    make_question(author=member)
    assert badge_check.call(member.pk) == ["first-question"]
    assert badge_check.call(member.pk) == []
    assert Award.objects.filter(user=member).count() == 1
