"""Similar questions while asking (JSON for the page's script, and the preview step without
JavaScript) and the related questions of a question page."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mindwell.moderation.actions import Hide
from mindwell.qa.models import Post, RiskLevel
from mindwell.qa.services import post_edit
from mindwell.search.similar import related_questions, significant_words, similar_questions
from tests.core.test_hostile_input import texts_of
from tests.factories import category, make_question, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def existing(db):
    return make_question(
        title="How do I stop panic attacks at work?",
        body="My heart races in meetings and I have to leave the room.",
    )


def test_significant_words_leave_out_stop_and_question_words():
    words = significant_words("Is it normal that I can't stop WORRYING about my health?", limit=9)
    assert words == ["stop", "worrying", "health"]
    assert significant_words("how do I get help?", limit=9) == []


def test_similar_questions_find_a_reworded_question(existing):
    other = make_question(title="Best recipes for a quick dinner", body="Cooking for one.")
    ids = [q.id for q in similar_questions("Panic attack during a meeting at my job")]
    assert ids[0] == existing.pk
    assert other.pk not in ids


def test_at_most_five_and_never_the_question_itself(db):
    questions = [make_question(title=f"Coping with grief, part {n}") for n in range(7)]
    found = similar_questions("grief coping", exclude_id=questions[0].pk)
    assert len(found) == 5
    assert questions[0].pk not in [q.id for q in found]


def test_unreadable_and_crisis_questions_are_never_suggested(existing):
    crisis = make_question(title="Panic attacks at work every single day")
    Post.objects.filter(pk=crisis.pk).update(risk_level=RiskLevel.CRISIS)
    Hide(actor=make_user("mod", is_staff=True), post=existing).execute()
    assert similar_questions("panic attacks at work") == []


def test_the_json_endpoint_for_the_ask_page(client, existing):
    response = client.get("/search/similar/", {"title": "panic at work"})
    assert response.status_code == 200
    [item] = response.json()["questions"]
    assert item == {
        "id": existing.pk,
        "title": existing.title,
        "url": existing.get_absolute_url(),
        "answers": 0,
        "answers_label": "0 answers",
        "has_best": False,
    }
    assert client.get("/search/similar/", {"title": "pa"}).json() == {"questions": []}
    assert client.get("/search/similar/").json() == {"questions": []}


def test_the_json_endpoint_is_rate_limited(client, existing):
    for _ in range(60):
        assert client.get("/search/similar/", {"title": "panic"}).status_code == 200
    response = client.get("/search/similar/", {"title": "panic"})
    assert response.status_code == 429
    assert "wait a minute" in response.json()["error"]


def test_the_ask_page_has_the_live_region_for_suggestions(client, member):
    client.force_login(member)
    page = client.get("/ask/").content.decode()
    assert 'data-similar-url="/search/similar/"' in page
    assert 'aria-live="polite" data-similar-results' in page


def test_the_preview_step_shows_similar_questions_without_javascript(client, member, existing):
    client.force_login(member)
    response = client.post(
        "/ask/",
        {
            "title": "Panic attacks in meetings at my job",
            "body": "It happens every week.",
            "category": category("anxiety").pk,
            "tags": "",
            "preview": "1",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    [suggestions] = texts_of(page, "similar-questions")
    assert existing.title in suggestions
    assert f'href="{existing.get_absolute_url()}"' in page
    assert "Panic attacks in meetings at my job" in page  # the typed text is kept
    assert Post.objects.filter(title__startswith="Panic attacks in meetings").count() == 0


def test_the_question_page_shows_related_questions(client, existing):
    related = make_question(title="Panic attacks before work meetings", body="Every Monday.")
    make_question(title="Gardening as a hobby", body="Tomatoes and roses.")
    page = client.get(related.get_absolute_url()).content.decode()
    [block] = texts_of(page, "related-questions")
    assert "Related questions" in block and existing.title in block
    assert related.title not in block and "Gardening" not in block


def _page_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_related_questions_cost_one_query_then_none(client, existing):
    question = make_question(title="Panic attacks on the way to work")
    url = question.get_absolute_url()
    client.get(url)
    cached = _page_queries(client, url)
    cache.delete(f"search:related:{question.pk}:0")
    uncached = _page_queries(client, url)
    assert uncached == cached + 1
    for n in range(6):
        make_question(title=f"Panic attacks at work, again {n}")
    cache.delete(f"search:related:{question.pk}:0")
    assert _page_queries(client, url) == uncached  # five related or one: the same cost


def test_the_related_list_is_cached_until_the_question_is_edited(existing):
    question = make_question(title="Panic attacks in the office", author=make_user("asker"))
    assert [q.id for q in related_questions(question)] == [existing.pk]
    newer = make_question(title="Panic attacks in the office kitchen")
    assert [q.id for q in related_questions(question)] == [existing.pk]  # still cached
    question = post_edit(
        post=question, editor=question.author, title="Panic attacks in the office", body="Help."
    )
    assert newer.pk in [q.id for q in related_questions(question)]
