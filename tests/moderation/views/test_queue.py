"""The moderation queue: waiting posts oldest first, flagged posts most flagged first,
inline approve and reject, and a query count that does not grow with the queue."""

from __future__ import annotations

import pytest

from mindwell.moderation.models import AuditEntry
from mindwell.moderation.services.flags import flag_create
from mindwell.qa.models import Post, PostStatus
from mindwell.qa.services.publication import post_set_status
from tests.factories import make_answer, make_comment, make_question, make_user
from tests.moderation.moderation_helpers import count_queries, fresh, make_moderator, text

pytestmark = pytest.mark.django_db


def queued_answer(question: Post, body: str) -> Post:
    answer = make_answer(question, body=body)
    post_set_status(post=answer, status=PostStatus.QUEUED)
    return answer


def test_queue_is_for_moderators(client, member):
    client.force_login(member)
    response = client.get("/moderation/queue/")
    assert response.status_code == 403
    assert "This page is for moderators." in text(response)


def test_waiting_tab_lists_oldest_first_and_approves_inline(client, question):
    older = queued_answer(question, "The first answer waiting for approval.")
    newer = queued_answer(question, "The second answer waiting for approval.")
    client.force_login(make_moderator())
    page = text(client.get("/moderation/queue/"))
    assert "Waiting for approval (2)" in page
    assert page.index("The first answer waiting") < page.index("The second answer waiting")
    assert f'action="/moderation/post/{older.pk}/approve/"' in page
    assert f'formaction="/moderation/post/{older.pk}/reject/"' in page
    assert f'<label for="reason-{older.pk}">Reason (optional)</label>' in page
    response = client.post(
        f"/moderation/post/{older.pk}/approve/", {"next": "/moderation/queue/?tab=waiting"}
    )
    assert response["Location"] == "/moderation/queue/?tab=waiting"
    assert fresh(older).status == PostStatus.PUBLISHED
    page = text(client.get(response["Location"]))
    assert "The post is approved and now public." in page
    assert "Waiting for approval (1)" in page
    client.post(f"/moderation/post/{newer.pk}/reject/", {"reason": "not kind"})
    assert fresh(newer).status == PostStatus.DELETED
    assert list(AuditEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "approve",
        "reject",
    ]


def test_flagged_tab_lists_most_flagged_first_with_reasons(client, question):
    once = make_answer(question, body="An answer flagged once by a member.")
    twice = make_answer(question, body="An answer flagged twice by members.")
    flag_create(user=make_user(), post=once, reason="off-topic")
    flag_create(user=make_user(), post=twice, reason="harmful", harmful_kind="medication")
    flag_create(user=make_user(), post=twice, reason="other", note="Tells people to stop pills")
    client.force_login(make_moderator())
    page = text(client.get("/moderation/queue/?tab=flagged"))
    assert "Flagged (2)" in page
    assert page.index("flagged twice") < page.index("flagged once")
    assert "Harmful advice</strong> (stopping or changing medication)" in page
    assert "“Tells people to stop pills”" in page
    assert f'formaction="/moderation/post/{twice.pk}/uphold-flags/"' in page
    client.post(f"/moderation/post/{twice.pk}/dismiss-flags/")
    assert fresh(twice).flag_count == 0
    assert "Flagged (1)" in text(client.get("/moderation/queue/?tab=flagged"))


@pytest.mark.parametrize("tab", ["waiting", "flagged"])
def test_queue_query_count_is_constant(client, tab):
    client.force_login(make_moderator())
    url = f"/moderation/queue/?tab={tab}"

    def add_content() -> None:
        question = make_question(author=make_user())
        answer = queued_answer(question, "An answer that waits for a moderator.")
        comment = make_comment(question)
        post_set_status(post=comment, status=PostStatus.QUEUED)
        post_set_status(post=fresh(answer), status=PostStatus.PUBLISHED)
        for post in (question, answer):
            flag_create(user=make_user(), post=post, reason="spam")
            flag_create(user=make_user(), post=post, reason="other", note="Looks wrong")

    add_content()
    client.get(url)
    few = count_queries(client, url)
    for _ in range(4):
        add_content()
    client.get(url)
    assert count_queries(client, url) == few


def test_header_shows_the_moderation_count(client, question):
    queued_answer(question, "An answer that waits for a moderator.")
    flag_create(user=make_user(), post=question, reason="spam")
    client.force_login(make_moderator())
    page = text(client.get("/"))
    assert (
        '<a href="/moderation/queue/">Moderation (2<span class="visually-hidden"> waiting</span>)'
        in page
    )


def test_members_see_no_moderation_link(client, member):
    client.force_login(member)
    assert "/moderation/queue/" not in text(client.get("/"))


def test_posts_flagged_by_watched_words_are_listed_and_can_be_dismissed(client, question):
    # Screening counts a watched-word match as a flag without a member's Flag row.
    Post.objects.filter(pk=question.pk).update(flag_count=1)
    client.force_login(make_moderator())
    page = text(client.get("/moderation/queue/?tab=flagged"))
    assert "Flagged (1)" in page
    assert "Flagged by the site’s watched-word filter" in page
    client.post(f"/moderation/post/{question.pk}/dismiss-flags/")
    assert fresh(question).flag_count == 0
    assert fresh(question).status == PostStatus.PUBLISHED
