import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mindwell.qa.models import PostStatus
from mindwell.qa.services.publication import post_set_status
from tests.factories import make_answer, make_question, make_user

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def parse(response) -> ET.Element:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # noqa: S314 - our own sitemap, made by the test


def locations(client, url: str) -> list[str]:
    root = parse(client.get(url))
    return [node.text or "" for node in root.findall("sm:url/sm:loc", NS)]


def index(client) -> list[str]:
    root = parse(client.get("/sitemap.xml"))
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    return [node.text or "" for node in root.findall("sm:sitemap/sm:loc", NS)]


@pytest.mark.django_db
def test_the_index_names_every_section(client, question):
    assert index(client) == [
        f"http://testserver/sitemap-{section}.xml"
        for section in ("static", "questions", "categories", "tags", "users")
    ]


@pytest.mark.django_db
def test_question_sitemap_lists_public_questions_with_their_activity(client, question, member):
    hidden = make_question(title="A question a moderator has hidden")
    post_set_status(post=hidden, status=PostStatus.HIDDEN)
    queued = make_question(title="A question waiting for approval")
    post_set_status(post=queued, status=PostStatus.QUEUED)
    root = parse(client.get("/sitemap-questions.xml"))
    urls = root.findall("sm:url", NS)
    assert [url.find("sm:loc", NS).text for url in urls] == [
        f"http://testserver{question.get_absolute_url()}"
    ]
    question.refresh_from_db()
    assert urls[0].find("sm:lastmod", NS).text == question.activity_at.strftime("%Y-%m-%d")


@pytest.mark.django_db
def test_other_sections_list_categories_used_tags_members_with_content_and_pages(client, question):
    make_user("lurker")  # wrote nothing: no profile in the sitemap
    answerer = make_user("helper")
    make_answer(question, author=answerer)
    hidden_writer = make_user("hidden_writer")
    hidden_answer = make_answer(question, author=hidden_writer)
    post_set_status(post=hidden_answer, status=PostStatus.HIDDEN)

    users = locations(client, "/sitemap-users.xml")
    assert users == ["http://testserver/users/alice/", "http://testserver/users/helper/"]
    tags = locations(client, "/sitemap-tags.xml")
    assert set(tags) == {"http://testserver/tags/anxiety/", "http://testserver/tags/sleep/"}
    categories = locations(client, "/sitemap-categories.xml")
    assert "http://testserver/categories/psychology/" in categories
    assert "http://testserver/categories/panic-attacks/" in categories
    static = locations(client, "/sitemap-static.xml")
    assert static[:4] == [
        "http://testserver/",
        "http://testserver/categories/",
        "http://testserver/tags/",
        "http://testserver/users/",
    ]
    assert any("/pages/" in url for url in static[4:])


@pytest.mark.django_db
def test_sections_are_paged(client, settings):
    settings.MINDWELL_SITEMAP_LIMIT = 2
    questions = [make_question() for _ in range(5)]
    entries = index(client)
    assert [url for url in entries if "questions" in url] == [
        "http://testserver/sitemap-questions.xml",
        "http://testserver/sitemap-questions.xml?p=2",
        "http://testserver/sitemap-questions.xml?p=3",
    ]
    pages = [locations(client, f"/sitemap-questions.xml?p={page}") for page in (1, 2, 3)]
    assert [len(page) for page in pages] == [2, 2, 1]
    assert sum(pages, []) == [f"http://testserver{q.get_absolute_url()}" for q in questions]
    assert client.get("/sitemap-questions.xml?p=4").status_code == 404
    assert client.get("/sitemap-questions.xml?p=two").status_code == 404


@pytest.mark.django_db
def test_unknown_section_is_not_found(client):
    assert client.get("/sitemap-secrets.xml").status_code == 404


@pytest.mark.django_db
def test_sitemaps_use_the_configured_site_address(client, question, settings):
    settings.MINDWELL_SITE_URL = "https://mindwell.example"
    assert index(client)[0] == "https://mindwell.example/sitemap-static.xml"
    assert locations(client, "/sitemap-questions.xml") == [
        f"https://mindwell.example{question.get_absolute_url()}"
    ]


SITEMAP_URLS = ["/sitemap.xml"] + [
    f"/sitemap-{section}.xml" for section in ("static", "questions", "categories", "tags", "users")
]


def _query_counts(client) -> list[int]:
    counts = []
    for url in SITEMAP_URLS:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    return counts


@pytest.mark.django_db
def test_sitemap_queries_do_not_grow_with_content(client):
    for _ in range(3):
        make_answer(make_question())
    few = _query_counts(client)
    for _ in range(6):
        make_answer(make_question(), author=make_user())
    assert _query_counts(client) == few
    assert max(few) <= 8
