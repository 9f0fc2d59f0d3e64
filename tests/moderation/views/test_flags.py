"""The flag page: the form, sending it with and without JavaScript, and refusals that keep
the typed note."""

from __future__ import annotations

import json

import pytest

from mindwell.moderation.models import Flag, WriteLimit
from mindwell.qa.models import PostStatus
from mindwell.safety.models import SafetyCase
from tests.factories import make_answer, make_comment
from tests.moderation.moderation_helpers import fresh, make_moderator, text

pytestmark = pytest.mark.django_db

FETCH = {"X-Requested-With": "fetch"}


def test_flag_link_shows_for_members_on_others_posts(client, question, member, other_member):
    answer = make_answer(question, author=member)
    make_comment(answer, author=other_member)
    client.force_login(other_member)
    page = text(client.get(question.get_absolute_url()))
    assert f'href="/moderation/flag/{question.pk}/?next=' in page
    assert f'href="/moderation/flag/{answer.pk}/?next=' in page
    assert 'aria-label="Flag this answer"' in page
    assert "Moderate</a>" not in page
    client.force_login(member)
    page = text(client.get(question.get_absolute_url()))
    assert f"/moderation/flag/{question.pk}/" not in page  # their own question


def test_visitors_see_no_flag_link_and_are_sent_to_log_in(client, question):
    assert "/moderation/flag/" not in text(client.get(question.get_absolute_url()))
    response = client.get(f"/moderation/flag/{question.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_flag_form_is_accessible(client, question, other_member):
    client.force_login(other_member)
    page = text(client.get(f"/moderation/flag/{question.pk}/"))
    assert "<legend>Why are you flagging this post?</legend>" in page
    for value in ("spam", "rude", "harmful", "at-risk", "off-topic", "duplicate", "other"):
        assert f'value="{value}"' in page
    assert 'for="id_reason_0"' in page and 'id="id_reason_0"' in page
    assert "Stopping or changing medication" in page
    assert "Minimising abuse" in page
    assert '<label for="id_note">' in page
    assert "Send the flag</button>" in page


def test_flagging_through_the_form(client, question, other_member):
    client.force_login(other_member)
    response = client.post(
        f"/moderation/flag/{question.pk}/",
        {"reason": "harmful", "harmful_kind": "pro-ed", "next": question.get_absolute_url()},
    )
    assert response.status_code == 302
    assert response["Location"] == question.get_absolute_url()
    flag = Flag.objects.get()
    assert (flag.reason, flag.harmful_kind, flag.user) == ("harmful", "pro-ed", other_member)
    assert "Thank you for flagging" in text(client.get(response["Location"]))


def test_missing_note_keeps_the_choice_and_says_why(client, question, other_member):
    client.force_login(other_member)
    response = client.post(f"/moderation/flag/{question.pk}/", {"reason": "other"})
    assert response.status_code == 400
    assert "Please tell the moderators what is wrong." in text(response)
    assert (
        'value="other" id="id_reason_6" aria-describedby="id_reason_6_hint" required checked>'
        in (text(response))
    )
    assert not Flag.objects.exists()


def test_repeated_flag_is_refused_with_the_note_kept(client, question, other_member):
    client.force_login(other_member)
    client.post(f"/moderation/flag/{question.pk}/", {"reason": "spam"})
    response = client.post(
        f"/moderation/flag/{question.pk}/", {"reason": "other", "note": "my careful note"}
    )
    assert response.status_code == 400
    page = text(response)
    assert "already flagged this post" in page
    assert "my careful note" in page
    assert Flag.objects.count() == 1


def test_own_post_is_refused(client, question, member):
    client.force_login(member)
    response = client.get(f"/moderation/flag/{question.pk}/")
    assert response.status_code == 403
    assert "cannot flag your own post" in text(response)
    response = client.post(f"/moderation/flag/{question.pk}/", {"reason": "spam"}, headers=FETCH)
    assert response.status_code == 403
    assert "cannot flag your own post" in json.loads(response.content)["error"]


def test_json_flag_and_errors(client, question, other_member):
    client.force_login(other_member)
    url = f"/moderation/flag/{question.pk}/"
    bad = client.post(url, {"reason": "harmful"}, headers=FETCH)
    assert bad.status_code == 400
    assert "what makes the advice harmful" in json.loads(bad.content)["error"]
    good = client.post(url, {"reason": "at-risk", "note": "worried"}, headers=FETCH)
    assert good.status_code == 200
    body = json.loads(good.content)
    assert body["flagged"] is True and "safety team" in body["message"]
    assert SafetyCase.objects.filter(post=question).exists()


def test_flag_write_limit_refuses_with_429_and_keeps_the_note(client, question, other_member):
    limit = WriteLimit.objects.get(action="flag")
    limit.per_member_per_hour, limit.per_ip_per_hour = 1, 0
    limit.save()  # through save(): the cached limits are dropped
    first, second = make_answer(question), make_answer(question)
    client.force_login(other_member)
    assert client.post(f"/moderation/flag/{first.pk}/", {"reason": "spam"}).status_code == 302
    response = client.post(
        f"/moderation/flag/{second.pk}/", {"reason": "other", "note": "kept note"}
    )
    assert response.status_code == 429
    assert "kept note" in text(response)
    assert Flag.objects.count() == 1


def test_hidden_posts_cannot_be_reached_by_members(client, question, other_member):
    answer = make_answer(question)
    answer.status = PostStatus.HIDDEN
    answer.save()
    client.force_login(other_member)
    assert client.get(f"/moderation/flag/{answer.pk}/").status_code == 404
    assert fresh(answer).flag_count == 0


def test_moderators_see_the_moderate_link_with_the_flag_count(client, question, other_member):
    client.force_login(other_member)
    client.post(f"/moderation/flag/{question.pk}/", {"reason": "spam"})
    client.force_login(make_moderator())
    page = text(client.get(question.get_absolute_url()))
    assert f'href="/moderation/post/{question.pk}/?next=' in page
    assert "Moderate (1 flag)</a>" in page
