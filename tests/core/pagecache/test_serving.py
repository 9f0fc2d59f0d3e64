"""Anonymous pages come from the cache, and nothing in them belongs to another visitor."""

from __future__ import annotations

import pytest
from django.test import Client

from mindwell.core.pagecache import holes
from mindwell.qa.models import Post, PostKind
from mindwell.qa.services.views_counter import pending_views
from mindwell.siteconfig.models import SiteSettings
from tests.core.pagecache.helpers import BROWSER, page, tokens, visitor, x_cache
from tests.factories import make_answer

pytestmark = pytest.mark.django_db


def test_second_anonymous_visit_is_a_hit_with_the_same_content(question):
    make_answer(question, body="Try a short walk before breakfast, it helps many people.")
    first = visitor(1).get(question.get_absolute_url())
    second = visitor(2).get(question.get_absolute_url())
    assert (x_cache(first), x_cache(second)) == ("miss", "hit")
    assert second.status_code == 200
    assert "Try a short walk before breakfast" in page(second)
    assert second["Content-Type"].startswith("text/html")
    # Every middleware still ran for the cached page: security headers are there.
    assert second.headers.get("X-Frame-Options") == "DENY"


def test_per_visitor_values_differ_between_visitors_and_no_hole_is_left(question):
    make_answer(question)  # a comment form under the answer too
    pages = [page(visitor(n).get(question.get_absolute_url())) for n in (1, 2, 3)]
    for name in ("csrfmiddlewaretoken", "submit_token"):
        values = [tokens(html, name) for html in pages]
        assert all(values), name
        # No value repeats across visitors (hits included).
        flat = [value for found in values for value in set(found)]
        assert len(flat) == len(set(flat)), name
    for html in pages:
        assert holes.marker() not in html
    # The comment forms of one page share one page token, as without the cache.
    comment_tokens = [t for t in tokens(pages[2], "submit_token") if "-" in t]
    assert len({t.split("-")[0] for t in comment_tokens}) == 1


def test_an_answer_posted_from_a_cached_page_passes_the_csrf_check(question):
    visitor(1).get(question.get_absolute_url())  # fills the cache
    browser = Client(enforce_csrf_checks=True, HTTP_USER_AGENT=BROWSER)
    shown = browser.get(question.get_absolute_url())
    assert x_cache(shown) == "hit"
    html = page(shown)
    response = browser.post(
        f"/questions/{question.pk}/answer/",
        {
            "csrfmiddlewaretoken": tokens(html, "csrfmiddlewaretoken")[-1],
            "submit_token": [t for t in tokens(html, "submit_token") if "-" not in t][0],
            "body": "Posted from a page that came out of the cache, thank you.",
        },
    )
    assert response.status_code == 302
    assert Post.objects.filter(kind=PostKind.ANSWER, question=question).count() == 1


def test_check_questions_are_fresh_for_each_visitor(question):
    site = SiteSettings.current()
    site.captcha_anonymous = True
    site.save()
    pages = [page(visitor(n).get(question.get_absolute_url())) for n in (1, 2)]
    captcha_tokens = [set(tokens(html, "captcha_1")) for html in pages]
    assert all(captcha_tokens)
    assert not captcha_tokens[0] & captcha_tokens[1]
    assert all("Check question, to stop automated spam: What is" in html for html in pages)


@pytest.mark.parametrize(
    "cookie",
    [{"sessionid": "anything"}, {"messages": "something"}],
)
def test_visitors_with_a_session_or_messages_bypass_the_cache(question, cookie):
    visitor(1).get(question.get_absolute_url())
    browser = visitor(2)
    browser.cookies.load(cookie)
    response = browser.get(question.get_absolute_url())
    assert response.status_code == 200
    assert x_cache(response) is None


def test_members_never_get_cached_pages(client, question, other_member):
    visitor(1).get(question.get_absolute_url())
    client.force_login(other_member)
    response = client.get(question.get_absolute_url())
    assert x_cache(response) is None
    assert other_member.username in page(response)  # the header's user menu
    anonymous = visitor(2).get(question.get_absolute_url())
    assert x_cache(anonymous) == "hit"
    assert other_member.username not in page(anonymous)


def test_unknown_query_parameters_bypass_and_known_ones_vary_the_key(question):
    assert x_cache(visitor(1).get("/?utm_source=mail")) is None
    assert x_cache(visitor(1).get("/?sort=unanswered")) == "miss"
    assert x_cache(visitor(2).get("/?sort=unanswered")) == "hit"
    assert x_cache(visitor(2).get("/?sort=votes")) == "miss"


def test_country_and_theme_cookies_vary_the_key(question):
    url = question.get_absolute_url()
    assert x_cache(visitor(1).get(url)) == "miss"
    for cookie in ({"mw_crisis_country": "GB"}, {"theme": "dark"}):
        browser = visitor(2)
        browser.cookies.load(cookie)
        assert x_cache(browser.get(url)) == "miss"
        assert x_cache(browser.get(url)) == "hit"
    dark = visitor(3)
    dark.cookies.load({"theme": "dark"})
    assert 'data-theme="dark"' in page(dark.get(url))


def test_views_are_counted_for_cached_pages(question):
    url = question.get_absolute_url()
    for n in (1, 2, 3):
        visitor(n).get(url)
    visitor(3).get(url)  # the same visitor again soon: not counted
    assert pending_views() == {question.pk: 3}


def test_head_is_answered_from_a_stored_get(question):
    url = question.get_absolute_url()
    assert x_cache(visitor(1).head(url)) == "miss"
    visitor(1).get(url)
    response = visitor(2).head(url)
    assert (response.status_code, x_cache(response)) == (200, "hit")


def test_not_found_and_redirects_are_not_stored(question):
    short = f"/questions/{question.pk}/"
    assert visitor(1).get(short).status_code in (301, 302)
    assert x_cache(visitor(2).get(short)) == "miss"
    assert visitor(1).get("/questions/999999/x/").status_code == 404
    assert x_cache(visitor(2).get("/questions/999999/x/")) == "miss"


def test_switched_off_it_does_nothing(settings, question):
    settings.MINDWELL_PAGE_CACHE = False
    assert x_cache(visitor(1).get(question.get_absolute_url())) is None
    assert x_cache(visitor(2).get(question.get_absolute_url())) is None
