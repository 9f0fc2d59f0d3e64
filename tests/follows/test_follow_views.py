"""Follow buttons on question, profile, tag and category pages: plain forms that work
without JavaScript, JSON for the page's script, clear refusals."""

from __future__ import annotations

import html as html_lib
import json

import pytest
from django.test import Client

from mindwell.follows.models import Follow
from mindwell.follows.selectors import is_following
from mindwell.taxonomy.models import Tag
from tests.factories import category
from tests.qa.lists_helpers import queries_of

pytestmark = pytest.mark.django_db

FETCH = {"HTTP_X_REQUESTED_WITH": "fetch"}


def text(response) -> str:  # type: ignore[no-untyped-def]
    return html_lib.unescape(response.content.decode())


def pages(question, other_member):  # type: ignore[no-untyped-def]
    return [
        (question.get_absolute_url(), f"/follow/question/{question.pk}/", "this question"),
        (f"/users/{other_member.username}/", f"/follow/user/{other_member.username}/", "bob"),
        ("/tags/anxiety/", "/follow/tag/anxiety/", "the tag anxiety"),
        ("/categories/anxiety/", "/follow/category/anxiety/", "Anxiety"),
    ]


def test_follow_and_unfollow_with_plain_forms(client, member, other_member, question):
    client.force_login(member)
    for page_url, action, label in pages(question, other_member):
        page = text(client.get(page_url))
        assert f'action="{action}"' in page, page_url
        assert f'Follow <span class="visually-hidden">{label}</span>' in page, page_url
        response = client.post(action, {"action": "follow", "next": page_url})
        assert response.status_code == 302 and response["Location"] == page_url
        page = text(client.get(page_url))
        assert f'Unfollow <span class="visually-hidden">{label}</span>' in page, page_url
        assert "You now follow" in page and 'aria-pressed="true"' in page
    assert Follow.objects.filter(user=member).count() == 4
    for page_url, action, _label in pages(question, other_member):
        client.post(action, {"action": "unfollow", "next": page_url})
    assert not Follow.objects.filter(user=member).exists()


def test_json_for_the_pages_script(client, member, question):
    client.force_login(member)
    url = f"/follow/question/{question.pk}/"
    response = client.post(url, {"action": "follow"}, **FETCH)
    assert response.status_code == 200
    assert json.loads(response.content)["following"] is True
    assert is_following(member, question)
    response = client.post(url, {"action": "unfollow"}, **FETCH)
    assert json.loads(response.content) == {
        "following": False,
        "message": "You no longer follow this question.",
    }


def test_refusals_are_clear(client, member, question):
    url = f"/follow/question/{question.pk}/"
    response = client.post(url, {"action": "follow"}, **FETCH)
    assert response.status_code == 403
    assert "log in" in json.loads(response.content)["error"]
    response = client.post(url, {"action": "follow", "next": question.get_absolute_url()})
    assert response.status_code == 403
    page = text(response)
    assert "Please log in or register to follow" in page
    assert f'href="/accounts/login/?next={question.get_absolute_url()}"' in page
    client.force_login(member)
    response = client.post(f"/follow/user/{member.username}/", {"action": "follow"})
    assert response.status_code == 400 and "You cannot follow yourself." in text(response)
    response = client.post(url, {"action": "maybe"}, **FETCH)
    assert response.status_code == 400
    assert client.get(url).status_code == 405
    for missing in ("/follow/question/999999/", "/follow/question/abc/", "/follow/planet/x/"):
        assert client.post(missing, {"action": "follow"}).status_code == 404


def test_a_foreign_next_is_not_followed(client, member, question):
    client.force_login(member)
    response = client.post(
        f"/follow/question/{question.pk}/", {"action": "follow", "next": "https://evil.example/"}
    )
    assert response["Location"] == question.get_absolute_url()


def test_csrf_is_required(member, question):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(member)
    response = browser.post(f"/follow/question/{question.pk}/", {"action": "follow"})
    assert response.status_code == 403
    assert not is_following(member, question)


def test_visitors_see_a_login_link_and_no_one_a_button_for_themselves(client, member, question):
    page = text(client.get("/tags/anxiety/"))
    assert (
        'href="/accounts/login/?next=/tags/anxiety/">Log in to follow the tag anxiety</a>' in page
    )
    client.force_login(member)
    page = text(client.get(f"/users/{member.username}/"))
    assert "follow-form" not in page


def test_the_followed_list_is_private(client, member, other_member, question):
    client.force_login(member)
    for target in ("question", "tag", "category"):
        key = {"question": question.pk, "tag": "anxiety", "category": "anxiety"}[target]
        client.post(f"/follow/{target}/{key}/", {"action": "follow"})
    client.post(f"/follow/user/{other_member.username}/", {"action": "follow"})
    page = text(client.get(f"/users/{member.username}/"))
    assert "What you follow" in page and "Only you can see this list." in page
    assert question.title in page and 'href="/users/bob/">bob</a>' in page
    assert 'href="/tags/anxiety/">anxiety</a>' in page
    assert 'href="/categories/anxiety/">Anxiety</a>' in page
    for viewer in (Client(), other_member):
        browser = viewer if isinstance(viewer, Client) else Client()
        if not isinstance(viewer, Client):
            browser.force_login(viewer)
        page = text(browser.get(f"/users/{member.username}/"))
        assert "What you follow" not in page
    assert Tag.objects.get(name="anxiety").followers.count() == 1
    assert category("anxiety").followers.count() == 1


def test_follow_buttons_cost_the_same_followed_or_not(client, member, question):
    client.force_login(member)
    url = question.get_absolute_url()
    client.get(url)
    before = len(queries_of(client, url))
    client.post(f"/follow/question/{question.pk}/", {"action": "follow"})
    assert "Unfollow" in text(client.get(url))
    assert len(queries_of(client, url)) == before
