"""The per-post moderation page: only for moderators, one form per applicable action,
acting by POST and going back with a message, refusals that keep the reason typed."""

from __future__ import annotations

import pytest

from mindwell.moderation.models import AuditEntry
from mindwell.moderation.services.flags import flag_create
from mindwell.qa.models import PostStatus
from tests.factories import make_answer, make_question, make_user
from tests.moderation.moderation_helpers import count_queries, fresh, make_moderator, text

pytestmark = pytest.mark.django_db


def test_members_get_a_clear_403(client, question, other_member):
    client.force_login(other_member)
    response = client.get(f"/moderation/post/{question.pk}/")
    assert response.status_code == 403
    assert "This page is for moderators." in text(response)
    response = client.post(f"/moderation/post/{question.pk}/hide/", {"reason": "x"})
    assert response.status_code == 403
    assert fresh(question).status == PostStatus.PUBLISHED
    assert not AuditEntry.objects.exists()


def test_visitors_are_sent_to_log_in(client, question):
    response = client.get(f"/moderation/post/{question.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(f"/moderation/post/{question.pk}/hide/").status_code == 403


def test_tools_page_offers_what_applies(client, question):
    client.force_login(make_moderator())
    page = text(client.get(f"/moderation/post/{question.pk}/"))
    for action in ("hide", "delete", "close", "lock-comments", "move", "retag", "merge"):
        assert f'action="/moderation/post/{question.pk}/{action}/"' in page
    for action in ("approve", "reshow", "restore", "reopen", "convert", "dismiss-flags"):
        assert f'action="/moderation/post/{question.pk}/{action}/"' not in page
    assert '<label for="id_merge_target">' in page
    assert 'value="anxiety sleep"' in page  # the retag form starts from the current tags
    answer = make_answer(question)
    page = text(client.get(f"/moderation/post/{answer.pk}/"))
    assert f'action="/moderation/post/{answer.pk}/convert/"' in page
    assert f'action="/moderation/post/{answer.pk}/close/"' not in page


def test_acting_redirects_back_with_a_message(client, question):
    moderator = make_moderator()
    client.force_login(moderator)
    back = question.get_absolute_url()
    response = client.post(
        f"/moderation/post/{question.pk}/lock-comments/", {"reason": "heated", "next": back}
    )
    assert response.status_code == 302 and response["Location"] == back
    assert fresh(question).comments_locked
    assert "Comments are locked." in text(client.get(back))
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.reason) == (moderator, "lock-comments", "heated")


def test_unsafe_next_is_ignored(client, question):
    client.force_login(make_moderator())
    response = client.post(
        f"/moderation/post/{question.pk}/hide/", {"next": "https://elsewhere.example/"}
    )
    assert response["Location"] == f"/moderation/post/{question.pk}/"


def test_deleting_goes_to_the_tools_page_not_the_gone_post(client, question):
    client.force_login(make_moderator())
    response = client.post(
        f"/moderation/post/{question.pk}/delete/", {"next": question.get_absolute_url()}
    )
    assert response["Location"] == f"/moderation/post/{question.pk}/"
    page = text(client.get(response["Location"]))
    assert "The post is deleted." in page
    assert f'action="/moderation/post/{question.pk}/restore/"' in page


def test_refusal_re_renders_with_the_typed_text(client, question):
    client.force_login(make_moderator())
    response = client.post(
        f"/moderation/post/{question.pk}/merge/", {"target": "#99999", "reason": "same thing"}
    )
    assert response.status_code == 400
    page = text(response)
    assert "There is no question number 99999." in page
    assert 'value="#99999"' in page and 'value="same thing"' in page
    assert not AuditEntry.objects.exists()


def test_wrong_state_is_a_clear_400(client, question):
    client.force_login(make_moderator())
    response = client.post(f"/moderation/post/{question.pk}/approve/", {"reason": "ok"})
    assert response.status_code == 400
    assert "Only a post waiting for approval can be approved." in text(response)


def test_unknown_action_is_404(client, question):
    client.force_login(make_moderator())
    assert client.post(f"/moderation/post/{question.pk}/explode/").status_code == 404


def test_merge_through_the_page(client, question):
    target = make_question(title="Feeling anxious when I wake up, is that common?")
    make_answer(question)
    client.force_login(make_moderator())
    response = client.post(
        f"/moderation/post/{question.pk}/merge/", {"target": target.get_absolute_url()}
    )
    assert response.status_code == 302
    assert fresh(target).answer_count == 1
    assert fresh(question).duplicate_of_id == target.pk
    page = text(client.get(question.get_absolute_url()))
    assert "Closed as a duplicate of" in page


def test_tools_page_query_count_does_not_grow(client, question):
    client.force_login(make_moderator())
    url = f"/moderation/post/{question.pk}/"
    client.get(url)  # warm the header's cached counts
    few = count_queries(client, url)
    for _ in range(3):
        flag_create(user=make_user(), post=question, reason="spam")
        client.post(f"/moderation/post/{question.pk}/lock-comments/")
        client.post(f"/moderation/post/{question.pk}/unlock-comments/")
    client.get(url)
    assert count_queries(client, url) == few
