"""The public profile (facts, fields, tabs) and the profile edit page."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from mindwell.accounts.models import User
from mindwell.moderation.models import WatchedWord, WatchedWordAction
from mindwell.qa.models import PostStatus
from mindwell.qa.services.publication import post_set_status
from tests.accounts.auth_helpers import text, words
from tests.factories import make_answer, make_comment, make_question, make_user

pytestmark = pytest.mark.django_db

PROFILE = {
    "about": "I listen.\nMostly at night.",
    "location": "Cork",
    "pronouns": "they/them",
    "website": "https://example.org/me",
    "accepts_messages": "on",
    "show_wall": "on",
}


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- editing --------------------------------------------------------------------------------


def test_the_edit_page_saves_every_field_and_the_profile_shows_them(member):
    client = logged_in(member)
    page = client.get("/accounts/profile/")
    assert page.status_code == 200
    for label in ("About you", "Location", "Pronouns", "Website", "Profile picture"):
        assert f">{label}" in text(page)
    response = client.post("/accounts/profile/", {**PROFILE, "accepts_messages": ""})
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.about, member.location, member.pronouns, member.website) == (
        "I listen.\nMostly at night.",
        "Cork",
        "they/them",
        "https://example.org/me",
    )
    assert member.accepts_messages is False and member.show_wall is True
    profile = text(Client().get(f"/users/{member.username}/"))
    assert "I listen.<br>Mostly at night." in profile
    assert '<dt>Location</dt><dd dir="auto">Cork</dd>' in profile
    assert "they/them" in profile
    assert (
        '<a class="member-website" href="https://example.org/me" rel="nofollow ugc">'
        "https://example.org/me</a>" in profile
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("website", "javascript:alert(1)", "Please give a full website address starting with"),
        ("website", "ftp://example.org/", "Please give a full website address starting with"),
        ("website", "not a url", "Please give a full website address starting with"),
        ("location", "x" * 101, "Location is too long: 101 characters, the most is 100."),
        ("pronouns", "y" * 41, "Pronouns is too long: 41 characters, the most is 40."),
    ],
)
def test_refused_fields_are_explained_and_the_typed_text_is_kept(member, field, value, message):
    client = logged_in(member)
    data = {**PROFILE, field: value}
    response = client.post("/accounts/profile/", data)
    assert response.status_code == 400
    page = text(response)
    assert message in page
    assert "I listen." in page  # the other fields keep what was typed too
    assert value[:50] in page
    member.refresh_from_db()
    assert member.location == "" and member.website == ""


def test_profile_text_is_escaped(member, other_member):
    client = logged_in(member)
    client.post("/accounts/profile/", {**PROFILE, "about": "<script>alert(1)</script>"})
    page = text(Client().get(f"/users/{member.username}/"))
    assert "<script>alert(1)" not in Client().get(f"/users/{member.username}/").content.decode()
    assert "alert(1)" in page


def test_watched_words_apply_to_profiles(member):
    WatchedWord.objects.create(pattern="buy pills", action=WatchedWordAction.BLOCK)
    WatchedWord.objects.create(pattern="darn", action=WatchedWordAction.CENSOR)
    client = logged_in(member)
    response = client.post("/accounts/profile/", {**PROFILE, "about": "Buy pills here"})
    assert response.status_code == 400
    assert "About you contains “Buy pills”, which this forum does not allow." in text(response)
    client.post("/accounts/profile/", {**PROFILE, "location": "darn city"})
    member.refresh_from_db()
    assert member.location == "**** city"


def test_a_silenced_member_cannot_change_their_profile(member):
    from datetime import timedelta

    from django.utils import timezone

    User.objects.filter(pk=member.pk).update(silenced_until=timezone.now() + timedelta(hours=3))
    response = logged_in(member).post("/accounts/profile/", PROFILE)
    assert response.status_code == 403
    assert "Your account is silenced until" in text(response)
    assert "I listen." in text(response)


def test_the_edit_page_needs_a_login(client, db):
    assert client.get("/accounts/profile/")["Location"].startswith("/accounts/login/")


# --- the profile page -----------------------------------------------------------------------


def test_the_profile_shows_level_counts_and_links_for_its_owner(member, other_member):
    make_comment(make_question(author=other_member), author=member)
    own = text(logged_in(member).get(f"/users/{member.username}/"))
    assert "<dt>Level</dt><dd>Registered</dd>" in own
    assert "<dt>Comments</dt><dd>1</dd>" in own
    assert 'href="/accounts/profile/">Edit your profile</a>' in own
    assert "Votes given" in own
    other = text(logged_in(other_member).get(f"/users/{member.username}/"))
    assert "Edit your profile" not in other
    assert "Votes given" not in other and "?tab=votes" not in other


@pytest.mark.parametrize("tab", ["questions", "answers", "comments"])
def test_tabs_list_only_what_the_viewer_may_read(tab, member, other_member):
    target = make_question(author=other_member, title="Where can I find a support group?")
    made = {
        "questions": lambda title: make_question(author=member, title=title),
        "answers": lambda title: make_answer(target, author=member, body=title),
        "comments": lambda title: make_comment(target, author=member, body=title),
    }[tab]
    shown = made("Visible words about sleeping better")
    hidden = made("Hidden words about something else")
    post_set_status(post=hidden, status=PostStatus.HIDDEN)
    url = f"/users/{member.username}/?tab={tab}"

    def marker(post):  # how the list names a post: a question's title, else its link
        return post.title if tab == "questions" else f"#{post.anchor}"

    for viewer in (Client(), logged_in(other_member), logged_in(member)):
        page = text(viewer.get(url))
        assert f'href="?tab={tab}" class="current" aria-current="page"' in page
        assert marker(shown) in page
        assert marker(hidden) not in page
    page = text(logged_in(make_user("mod", is_staff=True)).get(url))
    assert marker(shown) in page and marker(hidden) in page
    assert "<strong>hidden</strong>" in page


def test_anonymous_posts_never_appear_on_the_profile(member, other_member):
    from mindwell.qa.services import answer_create, question_create
    from mindwell.qa.services.common import Poster
    from tests.factories import category

    secret = question_create(
        poster=Poster(user=member, anonymous=True),
        title="A private worry I asked anonymously",
        body="Nobody should tie this to my name, please.",
        category_id=category().pk,
        tags="privacy",
    )
    answer_create(
        poster=Poster(user=member, anonymous=True),
        question=make_question(author=other_member, title="What helps with panic at work?"),
        body="An anonymous answer about panic at work.",
    )
    for viewer in (Client(), logged_in(other_member), logged_in(member)):
        for tab in ("", "?tab=questions", "?tab=answers", "?tab=comments", "?tab=points"):
            page = text(viewer.get(f"/users/{member.username}/{tab}"))
            assert secret.title not in page, tab
            assert "What helps with panic at work?" not in page, tab
            assert secret.anon_name not in page, tab


def test_tabs_page_with_cursors(member):
    for n in range(23):
        cache.clear()  # the hourly write limits
        make_question(author=member, title=f"Numbered question {n:02d} about coping")
    client = Client()
    first = text(client.get(f"/users/{member.username}/?tab=questions"))
    assert "Numbered question 22" in first and "Numbered question 02" not in first
    assert 'rel="next"' in first
    import re

    next_url = re.search(r'rel="next" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    second = text(client.get(f"/users/{member.username}/{next_url}"))
    assert "Numbered question 02" in second and "Numbered question 22" not in second


def test_unknown_tabs_show_the_overview(member):
    page = words(Client().get(f"/users/{member.username}/?tab=nonsense"))
    assert f"Questions by {member.username}" in page


@pytest.mark.parametrize(
    "tab", ["", "?tab=questions", "?tab=answers", "?tab=comments", "?tab=points"]
)
def test_profile_query_count_does_not_grow_with_activity(
    tab, member, other_member, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    viewer = logged_in(other_member)
    url = f"/users/{member.username}/{tab}"

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert viewer.get(url).status_code == 200
        return len(queries)

    def add(n: int) -> None:
        for _ in range(n):
            cache.clear()  # the hourly write limits
            question = make_question(author=member)
            answer = make_answer(make_question(author=other_member), author=member)
            make_comment(answer, author=member)
            make_comment(question, author=member)

    viewer.get(url)
    add(2)
    few = count()
    add(12)
    many = count()
    assert few == many
    assert many <= 25  # settings, rules and titles are reloaded after the cache is cleared
