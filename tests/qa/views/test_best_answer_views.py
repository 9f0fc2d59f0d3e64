"""Choosing and unchoosing the best answer through the question page."""

from __future__ import annotations

import pytest

from mindwell.qa.models import Post
from mindwell.qa.services import best_answer_select
from tests.factories import make_answer, make_question
from tests.qa.views.posting_helpers import (
    text,
)

pytestmark = pytest.mark.django_db


def test_asker_selects_and_unselects_best_answer(client, question, member):
    first = make_answer(question)
    second = make_answer(question)
    client.force_login(member)
    response = client.post(f"/questions/{question.pk}/best/", {"answer": second.pk})
    assert response.status_code == 302
    assert Post.objects.get(pk=question.pk).best_answer == second
    page = text(client.get(question.get_absolute_url()))
    assert "Best answer selected." in page
    assert page.index(f'id="{second.anchor}"') < page.index(f'id="{first.anchor}"')
    assert "Unselect best answer" in page

    client.post(f"/questions/{question.pk}/best/", {})
    assert Post.objects.get(pk=question.pk).best_answer is None
    page = text(client.get(question.get_absolute_url()))
    assert "Best answer unselected." in page
    assert "Best answer</p>" not in page


def test_someone_else_cannot_select_best_answer(client, question, other_member):
    answer = make_answer(question)
    client.force_login(other_member)
    page = text(client.get(question.get_absolute_url()))
    assert "Select as best answer" not in page
    response = client.post(f"/questions/{question.pk}/best/", {"answer": answer.pk}, follow=True)
    assert "Only moderators can choose the best answer to someone else’s question." in text(
        response
    )
    assert Post.objects.get(pk=question.pk).best_answer is None


def test_someone_else_cannot_unselect_best_answer(client, question, member, other_member):
    answer = make_answer(question)
    best_answer_select(question=question, answer=answer, user=member)
    client.force_login(other_member)
    response = client.post(f"/questions/{question.pk}/best/", {}, follow=True)
    assert "Only moderators can choose the best answer to someone else’s question." in text(
        response
    )
    assert Post.objects.get(pk=question.pk).best_answer == answer


def test_answer_from_another_question_cannot_be_best(client, question, member):
    elsewhere = make_answer(make_question())
    client.force_login(member)
    response = client.post(f"/questions/{question.pk}/best/", {"answer": elsewhere.pk}, follow=True)
    assert "does not belong to this question" in text(response)
    assert Post.objects.get(pk=question.pk).best_answer is None
