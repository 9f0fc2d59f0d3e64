"""After a real import of the fixture forum, its old Question2Answer addresses lead to the
imported pages: one permanent redirect, then the page itself."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.test import Client

from mindwell.importers.models import ImportedObject
from mindwell.qa.models import Post
from mindwell.taxonomy.models import Category

pytestmark = [pytest.mark.usefixtures("imported"), pytest.mark.django_db]


def local(kind: str, external: int) -> int:
    return ImportedObject.objects.get(source="q2a", kind=kind, external_id=str(external)).local_id


def moved_to(client: Client, old: str) -> str:
    response = client.get(old)
    assert response.status_code == 301, (old, response.status_code)
    return str(response["Location"])


def test_question_answer_and_hidden_post_links() -> None:
    client = Client()
    question = Post.objects.get(pk=local("post", 120))  # "Dating apps leave me exhausted"
    page = question.get_absolute_url()
    assert moved_to(client, "/120/dating-apps-leave-me-exhausted") == page
    assert moved_to(client, "/index.php?qa=120&qa_1=dating-apps-leave-me-exhausted") == page
    landed = client.get(page)
    assert landed.status_code == 200 and "Dating apps leave me exhausted" in landed.content.decode()
    best = local("post", 402)  # its selected answer
    assert moved_to(client, "/402") == f"{page}#a{best}"
    assert f'id="a{best}"' in landed.content.decode()
    # Question 114 is hidden: its short address only, which a visitor cannot open.
    hidden = moved_to(client, "/114/anything")
    assert hidden == f"/questions/{local('post', 114)}/"
    assert client.get(hidden).status_code == 404


def test_member_tag_category_and_feed_links() -> None:
    client = Client()
    profile = moved_to(client, "/user/" + quote("José Martín"))
    assert client.get(profile).status_code == 200
    assert (
        moved_to(client, "/user/" + quote("José Martín") + "/answers") == profile + "?tab=answers"
    )
    therapy = Category.objects.get(pk=local("category", 2))  # psychology/therapy
    assert moved_to(client, "/psychology/therapy") == therapy.get_absolute_url()
    assert client.get(therapy.get_absolute_url()).status_code == 200
    tag = moved_to(client, "/tag/" + quote("ångest"))
    assert client.get(tag).status_code == 200
    feed = moved_to(client, "/feed/questions/relationships.rss")
    assert client.get(feed)["Content-Type"].startswith("application/rss+xml")
    assert client.get("/user/nobody-here").status_code == 404
