"""Pages announce their feeds in <link rel="alternate"> elements, in both formats."""

import re

import pytest

from mindwell.qa.models import PostStatus
from mindwell.qa.services.publication import post_set_status
from tests.feeds.feed_helpers import fetch

ALTERNATE = re.compile(
    r'<link rel="alternate" type="application/(rss|atom)\+xml" title="([^"]*)" href="([^"]*)">'
)


def alternates(response) -> list[tuple[str, str, str]]:
    assert response.status_code == 200
    head = response.content.decode().split("</head>")[0]
    return ALTERNATE.findall(head)


def hrefs(response) -> list[str]:
    return [href.replace("&amp;", "&") for _, _, href in alternates(response)]


@pytest.mark.django_db
def test_home_offers_its_list_feed(client):
    assert hrefs(client.get("/")) == ["/feeds/recent.rss", "/feeds/recent.atom"]
    assert hrefs(client.get("/?sort=unanswered")) == [
        "/feeds/unanswered.rss",
        "/feeds/unanswered.atom",
        "/feeds/recent.rss",
        "/feeds/recent.atom",
    ]
    titles = [title for _, title, _ in alternates(client.get("/?sort=hot"))]
    assert titles[:2] == ["Hot questions (RSS)", "Hot questions (Atom)"]


@pytest.mark.django_db
def test_category_and_tag_pages_offer_their_feeds(client, question):
    assert hrefs(client.get("/categories/psychology/"))[:2] == [
        "/categories/psychology/feed.rss",
        "/categories/psychology/feed.atom",
    ]
    assert hrefs(client.get("/tags/anxiety/?sort=votes"))[:2] == [
        "/tags/anxiety/feed.rss?sort=votes",
        "/tags/anxiety/feed.atom?sort=votes",
    ]


@pytest.mark.django_db
def test_question_page_offers_its_answers_feed(client, question):
    links = hrefs(client.get(question.get_absolute_url()))
    assert links[:2] == [
        f"/questions/{question.pk}/feed.rss",
        f"/questions/{question.pk}/feed.atom",
    ]


@pytest.mark.django_db
def test_a_hidden_question_seen_by_staff_offers_no_feed_of_its_own(client, question):
    from tests.factories import make_user

    post_set_status(post=question, status=PostStatus.HIDDEN)
    client.force_login(make_user("mo", is_staff=True))
    links = hrefs(client.get(question.get_absolute_url()))
    assert links == ["/feeds/recent.rss", "/feeds/recent.atom"]


@pytest.mark.django_db
def test_every_announced_feed_exists(client, question):
    for page in (
        "/?sort=active",
        "/categories/psychology/",
        "/tags/anxiety/",
        question.get_absolute_url(),
    ):
        for href in hrefs(client.get(page)):
            fetch(client, href)


@pytest.mark.django_db
def test_other_pages_offer_the_site_feed(client):
    assert hrefs(client.get("/categories/")) == ["/feeds/recent.rss", "/feeds/recent.atom"]
