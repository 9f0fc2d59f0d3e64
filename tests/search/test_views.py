"""The search page through the client: results, help, refusals, paging, query counts, and
hostile queries that must never cause a server error."""

from __future__ import annotations

import html as html_lib
import json
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mindwell.search.query import MAX_QUERY_LENGTH
from tests.core.test_hostile_input import assert_no_executable_script, form_values, texts_of
from tests.factories import category, make_answer, make_question
from tests.shared import CORPORA

pytestmark = pytest.mark.django_db


def get(client, q, **params):
    return client.get("/search/?" + urlencode({"q": q, **params}))


def text(response) -> str:
    return html_lib.unescape(response.content.decode())


def test_an_empty_search_page_explains_the_operators(client):
    response = client.get("/search/")
    assert response.status_code == 200
    page = text(response)
    assert '<label for="search-q">' in page and 'id="search-q" name="q"' in page
    for operator in ("[insomnia]", "category:", "user:", "is:question", "answers:0", "score:>=5"):
        assert operator in page
    assert "hasbest:yes" in page and '"panic attack"' in page


def test_the_header_has_a_labelled_search_box(client):
    page = client.get("/").content.decode()
    assert 'action="/search/"' in page
    assert '<label for="header-search-q"' in page and 'name="q"' in page


def test_results_show_title_kind_snippet_category_and_counts(client, question):
    answer = make_answer(question, body="Morning walks settle my anxious stomach.")
    response = get(client, "anxious")
    assert response.status_code == 200
    items = texts_of(response.content.decode(), "search-result")
    assert len(items) == 2
    page = response.content.decode()
    assert f'href="{question.get_absolute_url()}"' in page
    assert f'href="{question.get_absolute_url()}#{answer.anchor}"' in page
    assert "Answer on the question" in text(response)
    assert "<mark>anxious</mark>" in page
    assert question.category.name in text(response)
    assert "0 votes" in text(response) and "1 answer" in text(response)


def test_a_malformed_query_is_refused_with_the_text_kept(client):
    response = get(client, "worry score:lots")
    assert response.status_code == 400
    assert "“score:” takes a whole number" in text(response)
    assert form_values(response.content.decode())["search-q"] == "worry score:lots"
    assert 'aria-invalid="true"' in response.content.decode()


def test_an_overlong_query_is_refused_not_cut(client):
    response = get(client, "calm " * 100)
    assert response.status_code == 400
    assert f"at most {MAX_QUERY_LENGTH}" in text(response)


def test_an_unknown_category_is_a_notice_not_an_error(client, question):
    response = get(client, "anxious category:astrology")
    assert response.status_code == 200
    assert "There is no category called “astrology”." in text(response)


def test_nothing_found_gives_tips(client, question):
    response = get(client, "zebras")
    assert response.status_code == 200
    assert "Nothing matches “zebras”" in text(response)
    assert "ask your question" in text(response)


def test_pages_link_to_each_other_keeping_the_query(client, db):
    for n in range(23):
        make_question(title=f"Journaling habit number {n}", body="Writing helps.")
    first = get(client, "journaling")
    assert 'rel="next" href="?q=journaling&amp;page=2"' in first.content.decode()
    second = get(client, "journaling", page=2)
    assert len(texts_of(second.content.decode(), "search-result")) == 3
    assert 'rel="prev" href="?q=journaling&amp;page=1"' in second.content.decode()


def _search_queries(client, q: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert get(client, q).status_code == 200
    return len(queries)


def test_the_query_count_does_not_grow_with_results(client, db):
    cats = [category("anxiety"), category("relationships"), category("grief-loss")]
    make_question(title="Rumination about the past", category_id=cats[0].pk, tags="a1")
    get(client, "warm up")  # cached settings are read once per process
    few = _search_queries(client, "rumination")
    few_ops = _search_queries(client, "rumination category:anxiety is:question score:>=0")
    for n in range(15):
        question = make_question(
            title=f"Rumination loop {n}", category_id=cats[n % 3].pk, tags=f"t{n} u{n}"
        )
        make_answer(question, body=f"Rumination eases with practice {n}.")
    many = _search_queries(client, "rumination")
    many_ops = _search_queries(client, "rumination category:anxiety is:question score:>=0")
    assert many == few
    assert many_ops == few_ops
    assert len(texts_of(get(client, "rumination").content.decode(), "search-result")) == 20


def test_a_member_with_hidden_warnings_sees_no_snippet_for_those_posts(client, member):
    member.hidden_warnings = ["self-harm"]
    member.save()
    make_question(
        title="Urges are back after a calm year",
        body="The urges came back this week.",
        content_warning="self-harm",
    )
    client.force_login(member)
    page = text(get(client, "urges"))
    assert "The urges came back" not in page
    assert "content warning you chose to keep collapsed" in page
    client.logout()
    assert "came back" in text(get(client, "urges"))


def test_a_query_with_markup_is_shown_back_escaped(client, question):
    response = get(client, '"><script>alert(1)</script> anxious')
    assert response.status_code == 200
    assert_no_executable_script(response.content.decode())
    assert "&lt;script&gt;" in response.content.decode()


def test_snippets_from_hostile_posts_are_escaped_on_the_page(client, db):
    make_question(
        title="Panic <img src=x onerror=alert(1)> help",
        body="panic `<script>alert(1)</script>` <svg onload=alert(1)> [x](javascript:alert(1))",
    )
    response = get(client, "panic")
    assert response.status_code == 200
    assert len(texts_of(response.content.decode(), "search-result")) == 1
    assert_no_executable_script(response.content.decode())


def test_no_naughty_string_makes_the_search_page_fail(client, member):
    make_question(author=member, title="Feeling anxious before exams", body="Help with nerves.")
    strings = json.loads((CORPORA / "blns" / "blns.json").read_text(encoding="utf-8"))
    statuses = set()
    for value in strings:
        # The test client, like a browser, cannot send a NUL in a URL.
        value = value.replace("\x00", "")
        response = client.get("/search/", {"q": value, "page": value})
        statuses.add(response.status_code)
        assert response.status_code in (200, 400), (value, response.status_code)
        if response.status_code == 400:
            assert texts_of(response.content.decode(), "form-error"), value
    assert 200 in statuses


def test_the_similar_endpoint_never_fails_on_naughty_strings(client, question):
    strings = json.loads((CORPORA / "blns" / "blns.json").read_text(encoding="utf-8"))
    for value in strings[::3]:
        response = client.get("/search/similar/", {"title": value.replace("\x00", "")})
        assert response.status_code in (200, 429), value
        assert "questions" in response.json() or "error" in response.json()


def test_searching_costs_no_write(client, question):
    with CaptureQueriesContext(connection) as queries:
        get(client, "anxious")
    writes = [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []


def test_anonymous_and_members_see_the_same_readable_results(client, question):
    anonymous = texts_of(get(client, "anxious").content.decode(), "search-result")
    client.force_login(question.author)
    member = texts_of(get(client, "anxious").content.decode(), "search-result")
    assert anonymous == member
