"""Posting through the pages when screening steps in: posts waiting for approval (who sees
them, where the writer lands, what they are told) and refusals that keep the typed text."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from mindwell.moderation.models import WatchedWord, WriteLimit
from mindwell.qa.models import Post, PostKind, PostStatus
from mindwell.siteconfig.models import SiteSettings
from tests.factories import category, make_answer, make_user
from tests.moderation.screening_helpers import text

pytestmark = pytest.mark.django_db

WAITING = "is waiting for approval by a moderator; it will appear once approved."
ANSWER = "Keeping a regular bedtime helped me a great deal."


def set_site(**fields) -> None:
    site = SiteSettings.current()
    for name, value in fields.items():
        setattr(site, name, value)
    site.save()


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def question_data(**overrides) -> dict[str, str]:
    return {
        "title": "How can I stop overthinking before I sleep?",
        "body": "Every night my thoughts race about work and family.",
        "category": str(category("anxiety").pk),
        "tags": "sleep",
        "submit_token": "q-1",
        **overrides,
    }


def test_a_visitors_answer_waits_and_they_return_to_the_question(client, question):
    set_site(premoderate_anonymous=True)
    response = client.post(
        f"/questions/{question.pk}/answer/", {"body": ANSWER, "submit_token": "a-1"}
    )
    answer = Post.objects.get(kind=PostKind.ANSWER)
    assert answer.status == PostStatus.QUEUED
    assert response.status_code == 302
    assert response["Location"] == f"/questions/{question.pk}/"
    page = text(client.get(question.get_absolute_url()))
    assert f"Thank you — your answer {WAITING}" in page
    assert ANSWER not in page
    # Other members do not see it; moderators do, marked as waiting.
    assert ANSWER not in text(logged_in(make_user()).get(question.get_absolute_url()))
    moderator_page = text(logged_in(make_user(is_staff=True)).get(question.get_absolute_url()))
    assert ANSWER in moderator_page and "Waiting for approval" in moderator_page


def test_a_visitors_question_waits_and_they_return_home(client):
    set_site(premoderate_anonymous=True, anonymous_questions=True)
    response = client.post("/ask/", question_data())
    question = Post.objects.get(kind=PostKind.QUESTION)
    assert question.status == PostStatus.QUEUED
    assert response["Location"] == "/"
    home = text(client.get("/"))
    assert f"Thank you — your question {WAITING}" in home
    assert "How can I stop overthinking" not in home
    assert client.get(question.get_absolute_url()).status_code == 404


def test_a_new_members_question_waits_but_they_can_see_it(client):
    set_site(premoderate_new_member_days=7)
    newcomer = make_user()
    client.force_login(newcomer)
    response = client.post("/ask/", question_data())
    question = Post.objects.get(kind=PostKind.QUESTION)
    assert question.status == PostStatus.QUEUED
    assert response["Location"] == question.get_absolute_url()
    page = text(client.get(response["Location"]))
    assert f"Thank you — your question {WAITING}" in page
    assert "only you and the moderators can see this" in page
    assert Client().get(question.get_absolute_url()).status_code == 404
    assert logged_in(make_user(is_staff=True)).get(question.get_absolute_url()).status_code == 200
    assert "How can I stop overthinking" not in text(Client().get("/"))


def test_a_low_points_members_comment_waits(client, question):
    set_site(premoderate_points_below=200)
    writer = make_user(points=100, date_joined=timezone.now() - timedelta(days=100))
    client.force_login(writer)
    response = client.post(
        f"/posts/{question.pk}/comment/", {"body": "Same here, every night.", "submit_token": "c"}
    )
    comment = Post.objects.get(kind=PostKind.COMMENT)
    assert comment.status == PostStatus.QUEUED
    assert response["Location"] == comment.get_absolute_url()
    page = text(client.get(question.get_absolute_url()))
    assert f"Thank you — your comment {WAITING}" in page
    assert "Same here, every night." in page
    assert "Same here, every night." not in text(Client().get(question.get_absolute_url()))


def test_a_published_post_says_posted(client, question, other_member):
    client.force_login(other_member)
    client.post(f"/questions/{question.pk}/answer/", {"body": ANSWER, "submit_token": "a-2"})
    page = text(client.get(question.get_absolute_url()))
    assert "Thank you — your answer is posted." in page
    assert WAITING not in page


def test_a_blocked_word_keeps_the_text(client, question, other_member):
    WatchedWord.objects.create(pattern="bitcoin*", action="block")
    client.force_login(other_member)
    body = f"{ANSWER} Also invest in bitcoins."
    response = client.post(f"/questions/{question.pk}/answer/", {"body": body, "submit_token": "b"})
    assert response.status_code == 400
    page = text(response)
    assert "Your post contains “bitcoins”, which this forum does not allow." in page
    assert body in page


def test_the_answer_limit_keeps_the_text(client, question, other_member):
    limit = WriteLimit.objects.get(action="answer")
    limit.per_member_per_hour = 1
    limit.save()
    client.force_login(other_member)
    client.post(f"/questions/{question.pk}/answer/", {"body": ANSWER, "submit_token": "l1"})
    second = "A second thought that I do not want to lose."
    response = client.post(
        f"/questions/{question.pk}/answer/", {"body": second, "submit_token": "l2"}
    )
    assert response.status_code == 429
    page = text(response)
    assert "You have posted 1 answer in the last hour, the most allowed is 1." in page
    assert second in page


def test_slow_mode_keeps_the_comment_text(client, question, other_member):
    Post.objects.filter(pk=question.pk).update(slow_mode_seconds=90)
    make_answer(question, author=other_member)
    client.force_login(other_member)
    response = client.post(
        f"/posts/{question.pk}/comment/", {"body": "Quick follow-up comment.", "submit_token": "s"}
    )
    assert response.status_code == 429
    page = text(response)
    assert "This question is in slow mode: each person can post here once every 90 seconds." in (
        page
    )
    assert "Quick follow-up comment." in page


def test_a_silenced_members_edit_keeps_the_text(client, question, member):
    member.silenced_until = timezone.now() + timedelta(days=1)
    member.save()
    client.force_login(member)
    response = client.post(
        f"/posts/{question.pk}/edit/",
        {"title": question.title, "body": "My rewritten details.", "category": "", "tags": ""},
    )
    assert response.status_code == 403
    page = text(response)
    assert "Your account is silenced until" in page
    assert "My rewritten details." in page


def test_the_question_page_query_count_does_not_grow_with_queued_posts(
    question, django_assert_max_num_queries
):
    set_site(premoderate_new_member_days=7)
    moderator = logged_in(make_user(is_staff=True))
    make_answer(question)
    moderator.get(question.get_absolute_url())
    with django_assert_max_num_queries(100) as one:
        moderator.get(question.get_absolute_url())
    baseline = len(one)
    for _ in range(4):
        make_answer(question)
    with django_assert_max_num_queries(baseline):
        page = text(moderator.get(question.get_absolute_url()))
    assert page.count("Waiting for approval") == 5


def test_a_silenced_member_is_told_until_when_instead_of_asked_to_log_in(client, question):
    silenced = make_user(silenced_until=timezone.now() + timedelta(hours=3))
    client.force_login(silenced)
    response = client.get("/ask/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert "Your account is silenced until" in text(client.get("/"))
    refused = client.post(
        f"/questions/{question.pk}/answer/", {"body": ANSWER, "submit_token": "silenced"}
    )
    assert refused.status_code == 403
    page = text(refused)
    assert "Your account is silenced until" in page
    assert "Please log in or register to answer." not in page
    assert ANSWER in page
    assert not Post.objects.filter(kind=PostKind.ANSWER).exists()
