"""Titles members earn by points: the seeded ones, where each begins, the cache, the admin,
and where they show (profiles and the list of members)."""

from __future__ import annotations

import pytest
from django.db.models import F

from mindwell.accounts.models import User
from mindwell.reputation.levels import Level
from mindwell.reputation.models import UserTitle
from mindwell.reputation.settings_model import title_for, titles
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_the_first_titles_are_seeded():
    assert titles() == [
        (0, "Newcomer"),
        (200, "Helper"),
        (1000, "Trusted listener"),
        (5000, "Pillar of the community"),
    ]


@pytest.mark.parametrize(
    ("points", "title"),
    [
        (-50, ""),
        (0, "Newcomer"),
        (100, "Newcomer"),
        (199, "Newcomer"),
        (200, "Helper"),
        (999, "Helper"),
        (1000, "Trusted listener"),
        (4999, "Trusted listener"),
        (5000, "Pillar of the community"),
        (250_000, "Pillar of the community"),
    ],
)
def test_each_title_begins_at_its_points(points, title):
    assert title_for(points) == title


def test_titles_are_read_from_the_cache(django_assert_num_queries):
    title_for(10)
    with django_assert_num_queries(0):
        assert [title_for(p) for p in (10, 300, 2000)] == ["Newcomer", "Helper", "Trusted listener"]


def test_a_changed_title_shows_at_once():
    assert title_for(300) == "Helper"
    UserTitle.objects.filter(min_points=200).update(title="unused")  # no signal: still cached
    assert title_for(300) == "Helper"
    title = UserTitle.objects.get(min_points=200)
    title.title = "Kind helper"
    title.save()
    assert title_for(300) == "Kind helper"
    title.delete()
    assert title_for(300) == "Newcomer"


def test_administrators_edit_titles_in_the_admin(client):
    client.force_login(make_user(level=Level.ADMINISTRATOR))
    response = client.post(
        "/admin/reputation/usertitle/add/", {"min_points": 20000, "title": "Guiding light"}
    )
    assert response.status_code == 302
    assert title_for(25000) == "Guiding light"


def test_moderators_cannot_edit_titles(client):
    client.force_login(make_user(level=Level.MODERATOR))
    assert client.get("/admin/reputation/usertitle/").status_code == 403


def test_the_profile_shows_the_members_title(client, member):
    User.objects.filter(pk=member.pk).update(points=1200)
    page = client.get(member.get_absolute_url()).content.decode()
    assert '<dt>Title</dt><dd class="member-title">Trusted listener</dd>' in page


def test_the_list_of_members_shows_titles_without_a_query_each(
    client, django_assert_max_num_queries
):
    make_user("helper", points=300)
    make_user("newcomer")
    client.get("/users/")  # warm the caches every page uses
    with django_assert_max_num_queries(100) as few:
        page = client.get("/users/").content.decode()
    assert "Helper" in page and "Newcomer" in page
    for n in range(20):
        make_user(f"more{n}")
    User.objects.filter(username__startswith="more").update(points=F("points") + 900)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get("/users/").content.decode()
    assert page.count('class="member-title">Trusted listener<') == 20
