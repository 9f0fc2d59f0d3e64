"""The "hot" sort: activity decayed by age, computed in the database, and never a thread
where someone may be in crisis."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mindwell.qa.hot import hot_refresh
from mindwell.qa.models import Post
from mindwell.qa.selectors import question_list
from mindwell.safety.services import case_resolve
from tests.factories import make_answer, make_comment, make_question
from tests.safety.helpers import make_moderator, open_case, set_risk, text

pytestmark = pytest.mark.django_db


def hot(viewer=None) -> list[int]:
    return [q.pk for q in question_list(viewer=viewer, sort="hot")]


def asked(question: Post, hours_ago: float, **counts: int) -> Post:
    Post.objects.filter(pk=question.pk).update(
        created_at=timezone.now() - timedelta(hours=hours_ago), **counts
    )
    hot_refresh(question_ids=[question.pk])  # the score is stored (mindwell.qa.hot)
    return question


def test_more_activity_ranks_higher_at_the_same_age():
    quiet = asked(make_question(), 2)
    busy = asked(make_question(), 2, answer_count=4, score=3, view_count=200)
    assert hot() == [busy.pk, quiet.pk]


def test_age_decays_activity():
    # 25 hours older needs a hundred times the activity: 20 answers (61) do not make up for it.
    old_busy = asked(make_question(), 26, answer_count=20)
    new_quiet = asked(make_question(), 1)
    assert hot() == [new_quiet.pk, old_busy.pk]
    # Twelve and a half hours is one factor of ten: 20 answers (activity 61) beat a
    # quiet question (activity 1) asked 12.5 hours later.
    asked(old_busy, 13.5)
    assert hot() == [old_busy.pk, new_quiet.pk]


def test_crisis_questions_are_left_out():
    calm = make_question()
    crisis = set_risk(make_question(), "crisis")
    elevated = set_risk(make_question(), "elevated")
    ids = hot()
    assert calm.pk in ids and elevated.pk in ids
    assert crisis.pk not in ids
    # Other sorts still list it: only promotion is withheld.
    assert crisis.pk in [q.pk for q in question_list(viewer=None, sort="recent")]


def test_threads_with_an_open_crisis_case_are_left_out():
    by_answer, by_comment, elevated_only = make_question(), make_question(), make_question()
    open_case(make_answer(by_answer))
    open_case(make_comment(make_answer(by_comment)))
    open_case(make_answer(elevated_only), level="elevated")
    ids = hot()
    assert by_answer.pk not in ids and by_comment.pk not in ids
    assert elevated_only.pk in ids


def test_a_resolved_crisis_case_in_an_answer_no_longer_hides_the_thread():
    question = make_question()
    case = open_case(make_answer(question))
    assert question.pk not in hot()
    case_resolve(case=case, moderator=make_moderator(), note="Safe and supported.")
    assert question.pk in hot()


def test_hot_list_is_one_query(django_assert_num_queries):
    for _ in range(3):
        open_case(make_answer(make_question()))
        make_question()
    with django_assert_num_queries(2):  # the questions, then their tags
        assert len(hot()) == 3


def test_home_page_offers_hot_and_leaves_crisis_out(client):
    calm = make_question(title="A calm question about sleep?")
    set_risk(make_question(title="A crisis question right now?"), "crisis")
    response = client.get("/?sort=hot")
    assert response.status_code == 200
    html = text(response)
    assert '<a href="?sort=hot" aria-current="page" class="current">Hot</a>' in html
    assert calm.title in html
    assert "A crisis question right now?" not in html
