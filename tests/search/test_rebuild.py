"""`mindwell rebuild_search_index`: progress output, the same index every time, and a dry run
that changes nothing."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import connection

from mindwell.moderation.actions import Hide
from mindwell.search.backends import get_backend
from tests.factories import make_answer, make_question, make_user
from tests.search.helpers import found

pytestmark = pytest.mark.django_db


def rebuild(*args: str) -> str:
    out = io.StringIO()
    call_command("rebuild_search_index", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def content(member):
    questions = [make_question(title=f"Sleep hygiene tip {n}") for n in range(3)]
    answer = make_answer(questions[0], body="A dark, cool room helps sleep.")
    hidden = make_question(title="Sleep and screens at night")
    Hide(actor=make_user("mod", is_staff=True), post=hidden).execute()
    return questions, answer, hidden


def _wipe_index() -> None:
    table = "search_fts" if connection.vendor == "sqlite" else "search_document"
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - a constant table name


def test_rebuild_restores_a_lost_index_with_progress_output(content):
    questions, answer, hidden = content
    _wipe_index()
    assert found("sleep") == []
    output = rebuild("--batch-size", "2")
    assert f"Rebuilding the search index ({connection.vendor})" in output
    assert "of 5 posts read" in output and "5 of 5 posts read (100%)" in output
    assert output.count("posts read") >= 3  # one line per batch
    assert "Indexed 4 readable posts" in output
    assert set(found("sleep")) == {q.pk for q in questions} | {answer.pk}
    assert hidden.pk not in found("sleep")


def test_rebuilding_twice_gives_the_same_index(content):
    before = found("sleep")
    rebuild()
    once = found("sleep")
    rebuild()
    assert found("sleep") == once
    assert set(once) == set(before)
    backend = get_backend()
    assert backend.indexed_count() == backend.readable_count() == 4


def test_a_dry_run_only_counts(content):
    _wipe_index()
    output = rebuild("--dry-run")
    assert "Would index 4 readable posts" in output
    assert get_backend().indexed_count() == 0


def test_rebuilding_an_empty_site(db):
    output = rebuild()
    assert "Indexed 0 readable posts" in output
