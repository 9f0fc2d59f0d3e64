"""Support-friendly defaults: no downvotes on questions in support categories (answers keep
theirs), and a "not medical advice" notice under answers in health categories."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from mindwell.core.errors import PermissionDenied
from mindwell.qa import permissions
from mindwell.qa.models import Post
from mindwell.taxonomy.models import Category
from mindwell.votes.models import Vote
from mindwell.votes.services import vote_cast
from tests.factories import category, make_answer, make_comment, make_question, make_user
from tests.qa.views.posting_helpers import text

pytestmark = pytest.mark.django_db
NOTICE = (
    "Answers here come from community members and are not medical advice. For medical "
    "decisions, talk to a doctor or pharmacist."
)
HIDDEN_DOWN = "Downvotes are off for questions in this category."


@pytest.fixture
def support_question(member):
    # "anxiety" is seeded as a support category (no question downvotes) and a health one.
    return make_question(author=member, category_id=category("anxiety").pk)


def test_seeded_defaults():
    assert category("anxiety").question_downvotes is False
    assert category("anxiety").health_notice is True
    assert category("dating").question_downvotes is True
    assert category("dating").health_notice is False


# --- downvotes ----------------------------------------------------------------------------


def test_downvote_on_a_support_question_is_refused(support_question, other_member):
    with pytest.raises(PermissionDenied, match="Downvotes are off for questions in this"):
        vote_cast(user=other_member, post=support_question, value=-1)
    assert not Vote.objects.exists()
    assert Post.objects.get(pk=support_question.pk).score == 0


def test_upvotes_on_support_questions_and_downvotes_on_their_answers_stay(
    support_question, other_member
):
    assert vote_cast(user=other_member, post=support_question, value=1).score == 1
    answer = make_answer(support_question)
    assert vote_cast(user=other_member, post=answer, value=-1).score == -1


def test_other_categories_keep_question_downvotes(other_member):
    question = make_question(category_id=category("dating").pk)
    assert vote_cast(user=other_member, post=question, value=-1).score == -1


def test_a_downvote_cast_before_the_switch_can_still_be_withdrawn(other_member):
    question = make_question(category_id=category("dating").pk)
    vote_cast(user=other_member, post=question, value=-1)
    Category.objects.filter(slug="dating").update(question_downvotes=False)
    assert vote_cast(user=other_member, post=question, value=-1).score == -1  # unchanged
    assert vote_cast(user=other_member, post=question, value=0).score == 0
    with pytest.raises(PermissionDenied):
        vote_cast(user=other_member, post=question, value=-1)


def test_permission_policy(support_question, other_member, member):
    answer = make_answer(support_question, author=other_member)
    assert permissions.can_vote(other_member, support_question)
    assert not permissions.can_downvote(other_member, support_question)
    assert permissions.can_downvote(member, answer)
    assert not permissions.can_downvote(other_member, answer)  # own answer


def test_downvote_view_refuses_with_a_clear_message(client, support_question, other_member):
    client.force_login(other_member)
    url = f"/posts/{support_question.pk}/vote/"
    response = client.post(url, {"value": "down"}, headers={"X-Requested-With": "fetch"})
    assert response.status_code == 403
    assert "Downvotes are off for questions" in json.loads(response.content)["error"]
    response = client.post(url, {"value": "down"}, follow=True)
    assert "Downvotes are off for questions in this category" in text(response)
    assert not Vote.objects.exists()


def test_down_button_is_hidden_on_support_questions_only(client, support_question, other_member):
    make_answer(support_question)
    client.force_login(other_member)
    page = text(client.get(support_question.get_absolute_url()))
    question_part, answers_part = page.split('id="answers-heading"')
    assert 'class="vote up"' in question_part
    assert 'class="vote down"' not in question_part
    assert HIDDEN_DOWN in question_part
    assert 'class="vote down"' in answers_part
    assert HIDDEN_DOWN not in answers_part

    other = make_question(category_id=category("dating").pk)
    page = text(client.get(other.get_absolute_url()))
    assert 'class="vote down"' in page.split('id="answers-heading"')[0]


def test_category_admin_edits_the_support_options(client):
    client.force_login(make_user("admin", is_staff=True, is_superuser=True))
    anxiety = category("anxiety")
    page = client.get(f"/admin/taxonomy/category/{anxiety.pk}/change/").content.decode()
    for name in ("question_downvotes", "health_notice", "slow_mode_seconds"):
        assert f'name="{name}"' in page
    assert "Support-friendly defaults" in page
    data = {
        "name": anxiety.name,
        "slug": anxiety.slug,
        "parent": "",
        "description": anxiety.description,
        "position": anxiety.position,
        "question_downvotes": "on",
        "slow_mode_seconds": "30",
    }
    response = client.post(f"/admin/taxonomy/category/{anxiety.pk}/change/", data)
    assert response.status_code == 302
    anxiety.refresh_from_db()
    assert (anxiety.question_downvotes, anxiety.health_notice, anxiety.slow_mode_seconds) == (
        True,
        False,
        30,
    )


# --- "not medical advice" -----------------------------------------------------------------


def test_health_notice_under_answers_in_health_categories(client, support_question):
    answer = make_answer(support_question)
    make_comment(answer, body="A comment under the answer, thanks.")
    make_comment(support_question, body="A comment under the question, thanks.")
    page = text(client.get(support_question.get_absolute_url()))
    assert page.count(NOTICE) == 1
    question_part, answers_part = page.split('id="answers-heading"')
    assert NOTICE not in question_part
    # Under the answer's body, before its comments.
    answer_html = answers_part.split(f'id="{answer.anchor}"')[1]
    assert answer_html.index(NOTICE) < answer_html.index("A comment under the answer")


def test_no_health_notice_elsewhere(client):
    question = make_question(category_id=category("dating").pk)
    make_answer(question)
    assert NOTICE not in text(client.get(question.get_absolute_url()))


def test_health_notice_costs_no_query_per_answer(support_question):
    browser = Client()
    url = support_question.get_absolute_url()
    browser.get(url)
    make_answer(support_question)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = browser.get(url)
        assert response.status_code == 200
        return len(queries)

    few = count()
    for _ in range(6):
        make_answer(support_question)
    many = count()
    assert many == few
    assert text(browser.get(url)).count(NOTICE) == 7
