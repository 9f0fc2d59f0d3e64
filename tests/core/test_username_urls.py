"""Every stored username has working URLs: the profile, its picture, the moderation pages,
and composing, blocking and writing on the wall, whatever symbols an imported name holds,
while the URLs of names registration allows stay as they were."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from django.urls import resolve, reverse
from django.utils.html import escape

from mindwell.accounts.models import User
from tests.factories import make_question, make_user
from tests.messaging.helpers import THRESHOLD, switch
from tests.moderation.moderation_helpers import make_moderator

pytestmark = pytest.mark.django_db

# Names a Question2Answer import keeps as they were.
NAMES = [
    "a/b",
    "José Martín",
    "coffee&chaos",
    "what?#",
    "100%",
    "a%2Fb",
    "/lead/and/trail/",
    "..",
    ".",
    "tab\there",
    "雪/花",
]
ROUTES = [
    ("user-profile", []),
    ("default-avatar", []),
    ("moderation:user", []),
    ("moderation:user-level", []),
    ("moderation:user-action", ["block"]),
    ("messaging:compose", []),
    ("messaging:block", []),
    ("messaging:unblock", []),
    ("messaging:wall-post", []),
    ("follows:follow", []),
]


@pytest.mark.parametrize("name", NAMES)
def test_every_route_reverses_and_resolves_back_to_the_name(client, name):
    for route, extra in ROUTES:
        args = ["user", name] if route == "follows:follow" else [name, *extra]
        url = reverse(route, args=args)
        # The server decodes the path a browser sends once, before matching it.
        match = resolve(unquote(url))
        assert match.kwargs.get("username", match.kwargs.get("key")) == name, (route, url)
        assert match.url_name == route.split(":")[-1], (route, url)


@pytest.mark.parametrize("name", NAMES)
def test_pages_of_and_linking_to_the_member_work(client, name):
    switch(private_messages_enabled=True, wall_enabled=True)
    writer = make_user(name, points=THRESHOLD)
    question = make_question(author=writer, title="A question from an imported member")
    page = client.get(question.get_absolute_url())
    assert page.status_code == 200
    assert escape(writer.get_absolute_url()) in page.content.decode()

    profile = client.get(writer.get_absolute_url())
    assert profile.status_code == 200
    assert profile.context["member"] == writer
    assert client.get(reverse("default-avatar", args=[name])).status_code == 200
    assert client.get("/users/").status_code == 200

    client.force_login(make_user("reader", points=THRESHOLD))
    profile = client.get(writer.get_absolute_url())
    compose_url = reverse("messaging:compose", args=[name])
    assert f'href="{escape(compose_url)}"' in profile.content.decode()
    compose = client.get(compose_url)
    assert compose.status_code == 200
    assert compose.context["recipient"] == writer
    sent = client.post(compose_url, {"body": "Hello from an ordinary member."})
    assert sent.status_code == 302
    wall = client.post(reverse("messaging:wall-post", args=[name]), {"body": "Hi there!"})
    assert wall.status_code == 302
    blocked = client.post(reverse("messaging:block", args=[name]))
    assert blocked.status_code == 302
    assert client.get(reverse("messaging:blocked")).status_code == 200

    client.force_login(make_moderator())
    tools = client.get(reverse("moderation:user", args=[name]))
    assert tools.status_code == 200
    assert tools.context["member"] == writer


def test_the_urls_of_ordinary_names_are_unchanged():
    assert reverse("user-profile", args=["DrMaya_LPC"]) == "/users/DrMaya_LPC/"
    assert reverse("user-profile", args=["counsellor.tom"]) == "/users/counsellor.tom/"
    assert reverse("user-profile", args=["Łucja"]) == "/users/%C5%81ucja/"
    assert reverse("moderation:user", args=["Zoë.writes"]).endswith("/user/Zo%C3%AB.writes/")
    assert reverse("messaging:compose", args=["jen.m.83"]).endswith("/new/jen.m.83/")


def test_a_name_with_a_slash_is_one_path_segment():
    assert reverse("user-profile", args=["a/b"]) == "/users/a%252Fb/"
    assert reverse("moderation:user", args=["bob/level"]).endswith("/user/bob%252Flevel/")
    # "bob" and "level" are still the member and the page there.
    assert resolve(reverse("moderation:user-level", args=["bob"])).url_name == "user-level"
    assert User.objects.filter(username="a/b").count() == 0
