"""The theme switch (mindwell.core.theme): a cookie, rendered into <html data-theme> so the first
paint has the right colours, and a form that works without JavaScript."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def html_theme(client) -> str:
    page = client.get("/").content.decode()
    start = page.index("<html")
    return page[start : page.index(">", start)]


def test_a_visitor_without_a_choice_follows_the_system(client):
    assert 'data-theme="system"' in html_theme(client)


def test_choosing_dark_sets_a_lasting_cookie_and_goes_back(client):
    response = client.post("/theme/", {"theme": "dark", "next": "/tags/?page=2"})
    assert response.status_code == 302
    assert response["Location"] == "/tags/?page=2"
    cookie = response.cookies["theme"]
    assert cookie.value == "dark"
    assert cookie["max-age"] == 365 * 24 * 60 * 60
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert 'data-theme="dark"' in html_theme(client)


def test_the_switch_says_which_theme_is_chosen(client):
    client.post("/theme/", {"theme": "light"})
    page = client.get("/").content.decode()
    assert '<button type="submit" name="theme" value="light" aria-pressed="true">' in page
    assert '<button type="submit" name="theme" value="dark" aria-pressed="false">' in page


def test_choosing_system_forgets_the_choice(client):
    client.post("/theme/", {"theme": "dark"})
    response = client.post("/theme/", {"theme": "system"})
    assert response.cookies["theme"].value == ""
    assert response.cookies["theme"]["max-age"] == 0
    assert 'data-theme="system"' in html_theme(client)


def test_the_enhanced_switch_gets_json_instead_of_a_redirect(client):
    response = client.post("/theme/", {"theme": "dark"}, headers={"X-Requested-With": "fetch"})
    assert response.status_code == 200
    assert response.json() == {"theme": "dark"}
    assert response.cookies["theme"].value == "dark"


def test_a_next_on_another_site_is_not_followed(client):
    response = client.post("/theme/", {"theme": "dark", "next": "https://evil.example/"})
    assert response["Location"] == "/"


@pytest.mark.parametrize("value", ["", "blue", "<script>", "dark "])
def test_an_unknown_theme_is_refused_clearly(client, value):
    response = client.post("/theme/", {"theme": value})
    assert response.status_code == 400
    assert "Light, Dark or System" in response.content.decode()
    assert "theme" not in response.cookies


def test_a_forged_cookie_value_renders_as_system(client):
    client.cookies["theme"] = '"><script>alert(1)</script>'
    assert 'data-theme="system"' in html_theme(client)


def test_the_switch_is_post_only(client):
    assert client.get("/theme/?theme=dark").status_code == 405


def test_switching_needs_no_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        client.post("/theme/", {"theme": "dark", "next": "/"})
