"""The badges page and the badges on a member's profile."""

from __future__ import annotations

import html

import pytest

from mindwell.badges.models import Award, Badge
from mindwell.badges.services import badges_award
from tests.factories import make_answer, make_question, make_user

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return html.unescape(response.content.decode())


def test_the_badges_page_lists_every_badge_with_its_holders(client, member, other_member):
    make_question(author=member)
    make_question(author=other_member)
    for user in (member, other_member):
        badges_award(user_id=user.pk)
    response = client.get("/badges/")
    assert response.status_code == 200
    page = text(response)
    for badge in Badge.objects.all():
        assert badge.name in page and badge.description in page
    # In the administrators' order: the first steps first.
    assert page.index("First question") < page.index("First answer") < page.index("Great answer")
    row = page[page.index('id="badge-first-question"') :]
    row = row[: row.index("</tr>")]
    assert "Bronze" in row
    assert "<td>2 <span" in row
    # Titles are listed too.
    assert "Trusted listener" in page and "1,000 points" in page


def test_the_badges_page_costs_the_same_however_many_awards(client, django_assert_max_num_queries):
    client.get("/badges/")
    with django_assert_max_num_queries(100) as few:
        client.get("/badges/")
    for _ in range(5):
        user = make_user()
        make_question(author=user)
        badges_award(user_id=user.pk)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/badges/")


def test_the_profile_shows_badges_with_their_level_in_words(client, member, question):
    answer = make_answer(make_question(), author=member)
    badges_award(user_id=member.pk)
    page = text(client.get(member.get_absolute_url()))
    section = page[page.index('id="badges-h"') :]
    assert "2 badges: 2 Bronze" in section
    assert (
        '<span class="badge-level">Bronze</span> <span class="badge-name">First answer</span>'
        in section
    )
    assert "Answered a question for the first time." in section
    assert f'href="{answer.get_absolute_url()}"' in section


def test_a_badge_earned_by_a_post_since_hidden_does_not_link_to_it(client, member):
    question = make_question(author=member)
    badges_award(user_id=member.pk)
    question.status = "hidden"
    question.save(update_fields=["status"])
    page = text(client.get(member.get_absolute_url()))
    assert "First question" in page
    assert question.title not in page[page.index('id="badges-h"') :]


def test_a_profile_without_badges_says_how_to_earn_them(client, member):
    page = text(client.get(member.get_absolute_url()))
    assert "No badges yet." in page
    assert 'href="/badges/"' in page


def test_the_profile_costs_the_same_however_many_badges(
    client, member, django_assert_max_num_queries
):
    client.get(member.get_absolute_url())
    with django_assert_max_num_queries(200) as few:
        client.get(member.get_absolute_url())
    for _ in range(3):
        make_answer(make_question(), author=member)
    make_question(author=member)
    badges_award(user_id=member.pk)
    assert Award.objects.filter(user=member).count() == 2
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(member.get_absolute_url())
