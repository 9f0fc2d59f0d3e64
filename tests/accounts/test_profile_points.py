"""The points history tab (from the ledger) and the private "votes given" tab."""

from __future__ import annotations

import pytest
from django.test import Client

from mindwell.accounts.models import User
from mindwell.qa.models import PostStatus
from mindwell.qa.services import best_answer_select
from mindwell.qa.services.publication import post_set_status
from mindwell.reputation.models import PointsEvent
from mindwell.votes.services import vote_cast
from tests.accounts.auth_helpers import text
from tests.factories import make_answer, make_question, make_user

pytestmark = pytest.mark.django_db


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def rows(page: str) -> list[str]:
    body = page[page.index("<tbody>") : page.index("</tbody>")]
    return [" ".join(row.split()) for row in body.split("<tr>")[1:]]


def test_points_history_explains_the_total_line_by_line(member, other_member):
    question = make_question(author=member, title="How do I sleep after a loss?")
    answer = make_answer(question, author=other_member)
    best_answer_select(question=question, answer=answer, user=member)
    vote_cast(user=other_member, post=question, value=1)
    member.refresh_from_db()
    page = text(Client().get(f"/users/{member.username}/?tab=points"))
    lines = rows(page)
    assert len(lines) == PointsEvent.objects.filter(user=member).count() == 3
    assert sum(e.points for e in PointsEvent.objects.filter(user=member)) + 100 == member.points
    assert f"has {member.points} points: 100 to start with" in " ".join(page.split())
    # Newest first, each with its reason and a link to the post.
    assert "Votes on a question" in lines[0] and question.get_absolute_url() in lines[0]
    assert "Selected a best answer" in lines[1]
    assert "Asked a question" in lines[2] and "How do I sleep after a loss?" in lines[2]


def test_votes_a_member_cast_are_not_linked_for_others(member, other_member):
    target = make_question(author=other_member, title="A question someone voted on")
    vote_cast(user=member, post=target, value=1)
    assert PointsEvent.objects.filter(user=member, kind="vote_cast", post=target).exists()
    for viewer in (Client(), logged_in(other_member)):
        public = text(viewer.get(f"/users/{member.username}/?tab=points"))
        assert "Voted" in public
        assert target.get_absolute_url() not in public
    own = text(logged_in(member).get(f"/users/{member.username}/?tab=points"))
    assert target.get_absolute_url() in own


def test_points_lines_for_posts_the_viewer_cannot_read_have_no_link(member):
    question = make_question(author=member, title="Soon to be hidden by a moderator")
    post_set_status(post=question, status=PostStatus.HIDDEN)
    page = text(Client().get(f"/users/{member.username}/?tab=points"))
    assert "Asked a question" in page
    assert question.get_absolute_url() not in page
    assert "Soon to be hidden" not in page


def test_votes_given_are_shown_to_the_member_alone(member, other_member):
    up = make_question(author=other_member, title="A question I found helpful")
    down = make_answer(up, author=make_user(), body="An answer I found unhelpful, sadly.")
    vote_cast(user=member, post=up, value=1)
    vote_cast(user=member, post=down, value=-1)
    own = text(logged_in(member).get(f"/users/{member.username}/?tab=votes"))
    assert "Only you can see this list." in own
    assert "<strong>Up</strong> on <a" in own and "A question I found helpful" in own
    assert "<strong>Down</strong> on <a" in own and f"#{down.anchor}" in own
    moderator = make_user("admin", is_staff=True, is_superuser=True)
    for viewer in (Client(), logged_in(other_member), logged_in(moderator)):
        page = text(viewer.get(f"/users/{member.username}/?tab=votes"))
        assert "A question I found helpful" not in page
        assert "Only you can see this list." not in page


def test_points_and_votes_tabs_cost_the_same_whatever_the_history(member, other_member):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = logged_in(member)

    def count(tab: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/users/{member.username}/?tab={tab}").status_code == 200
        return len(queries)

    def add(n: int) -> None:
        for _ in range(n):
            cache.clear()  # the hourly write limits
            question = make_question(author=member)
            vote_cast(user=other_member, post=question, value=1)
            vote_cast(user=member, post=make_question(author=other_member), value=1)

    client.get(f"/users/{member.username}/")
    add(2)
    few = (count("points"), count("votes"))
    add(12)
    assert (count("points"), count("votes")) == few
