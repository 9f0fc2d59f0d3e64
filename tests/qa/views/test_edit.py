"""Editing through the form: who may, what the history shows, and refusals keeping the text."""

from __future__ import annotations

import pytest

from mindwell.qa.models import Post, Revision
from tests.factories import category, make_answer, make_user
from tests.qa.views.posting_helpers import (
    text,
)

pytestmark = pytest.mark.django_db


def test_another_member_cannot_edit(client, question, other_member):
    client.force_login(other_member)
    response = client.get(f"/posts/{question.pk}/edit/", follow=True)
    assert "You can edit only your own posts." in text(response)
    response = client.post(f"/posts/{question.pk}/edit/", {"body": "Vandalised."})
    assert response.status_code == 403
    assert "You can edit only your own posts." in text(response)
    assert "Vandalised." not in Post.objects.get(pk=question.pk).body


def test_visitor_editing_is_sent_to_log_in(client, question):
    response = client.get(f"/posts/{question.pk}/edit/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_author_edits_and_history_shows_the_diff(client, question, member):
    client.force_login(member)
    form = text(client.get(f"/posts/{question.pk}/edit/"))
    assert question.title in form
    assert "anxiety sleep" in form
    response = client.post(
        f"/posts/{question.pk}/edit/",
        {
            "title": question.title,
            "body": "I have been anxious for weeks.\nIt is worse on Mondays.",
            "category": str(category("anxiety").pk),
            "tags": "anxiety mornings",
            "reason": "more detail",
        },
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert "worse on Mondays" in question.body
    assert question.edited_by == member
    page = text(client.get(question.get_absolute_url()))
    assert "Your edit is saved." in page
    assert "edited" in page

    history = text(client.get(f"/posts/{question.pk}/history/"))
    assert "Edited by" in history and member.username in history
    assert "Reason: more detail" in history
    assert (
        '<span class="del">- I have been anxious for weeks and would like some advice.' in history
    )
    assert '<span class="add">+ I have been anxious for weeks.' in history
    assert '<span class="add">+ It is worse on Mondays.' in history
    assert "Category: <del>Psychology</del> → <ins>Anxiety</ins>" in history
    assert "<del>anxiety sleep</del> → <ins>anxiety mornings</ins>" in history


def test_bad_edit_keeps_the_text(client, question, member):
    client.force_login(member)
    response = client.post(
        f"/posts/{question.pk}/edit/",
        {"title": "Short", "body": "My new careful wording.", "category": "", "tags": ""},
    )
    assert response.status_code == 400
    page = text(response)
    assert "The title is too short" in page
    assert "My new careful wording." in page
    response = client.post(
        f"/posts/{question.pk}/edit/",
        {"title": question.title, "body": question.body, "tags": "anxiety sleep"},
    )
    assert "Nothing was changed" in text(response)
    assert not Revision.objects.exists()


def test_staff_can_edit_an_answer(client, question):
    answer = make_answer(question)
    client.force_login(make_user("moderator", is_staff=True))
    response = client.post(f"/posts/{answer.pk}/edit/", {"body": "A gentler wording, please."})
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.body == "A gentler wording, please."
    assert answer.edited_by.username == "moderator"
    page = text(client.get(question.get_absolute_url()))
    assert "by moderator" in " ".join(page.split()) or "moderator</a>" in page


def test_history_of_unedited_post(client, question):
    assert "has not been edited" in text(client.get(f"/posts/{question.pk}/history/"))
