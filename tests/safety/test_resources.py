"""Crisis lines: the public page, the country chooser (a cookie for visitors, the account for
members), and the fallbacks when a country has no lines."""

from __future__ import annotations

import pytest

from mindwell.safety.models import CrisisResource
from mindwell.safety.selectors import all_resources, known_countries, resources_for
from mindwell.siteconfig.models import SiteSettings
from tests.qa.views.posting_helpers import set_site
from tests.safety.helpers import text

pytestmark = pytest.mark.django_db

URL = "/safety/resources/"
SEEDED = {"US", "GB", "IE", "CA", "AU", "ES", "FR", "DE", "ZZ"}


# --- selectors --------------------------------------------------------------------------


def test_defaults_cover_the_countries_the_issue_names():
    assert set(known_countries()) == SEEDED
    assert list(known_countries())[-1] == "ZZ"
    us = resources_for("US")
    assert us.country_name == "United States"
    assert "988" in [line.phone for line in us.lines]
    assert "116 123" in [line.phone for line in resources_for("gb").lines]
    assert "116 123" in [line.phone for line in resources_for("IE").lines]


def test_unknown_country_falls_back_to_the_site_default_then_outside():
    assert resources_for("JP").country == "US"
    set_site(crisis_country="FR")
    assert resources_for("JP").country == "FR"
    CrisisResource.objects.filter(country="FR").update(is_active=False)
    outside = resources_for("JP")
    assert outside.country == "ZZ" and outside.is_outside
    assert any("findahelpline" in line.url for line in outside.lines)


def test_a_country_with_no_active_lines_falls_back(django_assert_num_queries):
    CrisisResource.objects.filter(country="DE").update(is_active=False)
    SiteSettings.current()  # cached for every request after the first
    with django_assert_num_queries(1):
        assert resources_for("DE").country == "US"


def test_all_resources_groups_by_country_outside_last(django_assert_num_queries):
    with django_assert_num_queries(1):
        groups = all_resources()
    assert groups[-1].country == "ZZ"
    assert {group.country for group in groups} == SEEDED


# --- the page ---------------------------------------------------------------------------


def test_page_lists_every_country_with_safe_links(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = text(response)
    for name in ("United States", "United Kingdom", "Ireland", "Canada", "Australia", "Spain",
                 "France", "Germany", "Outside these countries"):  # fmt: skip
        assert f">{name}</h3>" in html
    assert '<a href="tel:988">988</a>' in html
    assert '<a href="tel:116123">116 123</a>' in html
    # A phone field with words links each number and leaves the words as text.
    assert '<a href="tel:112">112</a> or <a href="tel:999">999</a>' in html
    assert "Text SHOUT to 85258" in html
    assert 'href="https://www.samaritans.org/" rel="noopener nofollow"' in html
    assert '<label for="id_country">Show crisis lines for:</label>' in html


def test_visitor_choice_is_stored_in_a_cookie(client):
    response = client.post(URL, {"country": "AU"})
    assert response.status_code == 302
    cookie = response.cookies["mw_crisis_country"]
    assert cookie.value == "AU"
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    html = text(client.get(URL))
    assert "Crisis lines for Australia will be shown to you." in html
    assert '<option value="AU" selected>Australia</option>' in html
    assert '<h2 id="current-heading">Australia</h2>' in html


def test_visitor_can_go_back_to_the_default(client):
    client.cookies["mw_crisis_country"] = "AU"
    response = client.post(URL, {"country": ""})
    assert response.cookies["mw_crisis_country"].value == ""
    assert '<h2 id="current-heading">United States</h2>' in text(client.get(URL))


def test_member_choice_is_saved_to_the_account(client, member):
    client.force_login(member)
    response = client.post(URL, {"country": "IE"})
    assert response.status_code == 302
    assert "mw_crisis_country" not in response.cookies
    member.refresh_from_db()
    assert member.crisis_country == "IE"
    assert '<h2 id="current-heading">Ireland</h2>' in text(client.get(URL))


def test_invalid_country_is_refused_with_a_message(client):
    response = client.post(URL, {"country": "XX"})
    assert response.status_code == 400
    assert "Select a valid choice" in text(response)
    assert "mw_crisis_country" not in response.cookies


def test_next_is_followed_only_on_this_site(client, question):
    target = question.get_absolute_url()
    assert client.post(URL, {"country": "CA", "next": target}).url == target
    assert client.post(URL, {"country": "CA", "next": "https://evil.example/"}).url == URL


def test_page_queries_are_constant(client, django_assert_num_queries):
    client.get(URL)  # fills the site-wide caches (settings, footer)
    with django_assert_num_queries(1):
        client.get(URL)
    CrisisResource.objects.create(
        country="NZ", country_name="New Zealand", name="1737", phone="1737"
    )
    with django_assert_num_queries(1):
        assert "New Zealand" in client.get(URL).content.decode()
