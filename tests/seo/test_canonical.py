import re

import pytest

from mindwell.qa.services.edits import post_edit
from tests.factories import make_question

CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)">')


def canonical(response) -> str:
    assert response.status_code in (200, 400)
    [href] = CANONICAL.findall(response.content.decode().split("</head>")[0])
    return href.replace("&amp;", "&")


@pytest.mark.django_db
def test_question_page_is_canonical_at_its_current_slug(client, question, member):
    url = question.get_absolute_url()
    assert canonical(client.get(url)) == f"http://testserver{url}"
    assert canonical(client.get(f"{url}?utm_source=mail&sort=votes")) == f"http://testserver{url}"
    edited = post_edit(post=question, editor=member, title="Morning anxiety: what helps?", body="x")
    response = client.get(question.get_absolute_url(), follow=True)
    assert canonical(response) == f"http://testserver{edited.get_absolute_url()}"


@pytest.mark.django_db
def test_a_refused_answer_keeps_the_question_canonical(client, question):
    # An answer form sent back with an error renders the page at the form's address.
    response = client.post(f"/questions/{question.pk}/answer/", {"body": "short"})
    assert response.status_code == 400
    assert canonical(response) == f"http://testserver{question.get_absolute_url()}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/", "/"),
        ("/questions/", "/"),
        ("/?sort=recent", "/"),
        ("/?sort=votes", "/?sort=votes"),
        ("/?sort=bogus", "/"),
        ("/?sort=votes&after=abc123&utm_campaign=x", "/?sort=votes"),
        ("/?page=1", "/"),
        ("/categories/anxiety/?sort=hot&cursor=zz", "/categories/anxiety/?sort=hot"),
        ("/tags/anxiety/?page=x", "/tags/anxiety/"),
        ("/categories/", "/categories/"),
        ("/users/alice/?tab=answers", "/users/alice/"),
        ("/pages/about/", "/pages/about/"),
        ("/search/?q=sleep+well&page=1&utm=x", "/search/?q=sleep+well"),
    ],
)
def test_pages_keep_only_the_parameters_that_choose_content(client, question, url, expected):
    assert canonical(client.get(url)) == f"http://testserver{expected}"


@pytest.mark.django_db
def test_numbered_pages_after_the_first_are_their_own_canonical_pages(client):
    for _ in range(41):
        make_question()
    for url, expected in [
        ("/?sort=votes&page=2&after=abc123", "/?sort=votes&page=2"),
        ("/?page=0003", "/?page=3"),
        ("/tags/anxiety/?page=2&utm_source=x", "/tags/anxiety/?page=2"),
    ]:
        assert canonical(client.get(url)) == f"http://testserver{expected}"


@pytest.mark.django_db
def test_canonical_links_use_the_configured_site_address(client, question, settings):
    settings.MINDWELL_SITE_URL = "https://mindwell.example"
    assert canonical(client.get("/?sort=hot")) == "https://mindwell.example/?sort=hot"
    assert canonical(client.get(question.get_absolute_url())) == (
        f"https://mindwell.example{question.get_absolute_url()}"
    )
