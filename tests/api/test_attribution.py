"""Imported posts carry their CC BY-SA attribution in every post the API returns (null for
posts written here), read for a whole page in one query."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mindwell.importers.models import ImportedAttribution, ImportedObject
from mindwell.qa.models import Post
from tests.api.conftest import ApiClient, token_for
from tests.factories import make_answer, make_comment, make_question, make_user
from tests.importers.stackexchange.helpers import SYNTHETIC

pytestmark = pytest.mark.django_db

BY_SA_4 = "https://creativecommons.org/licenses/by-sa/4.0/"


def imported(post: Post, name: str = "Ann Example") -> dict[str, str]:
    """Mark `post` as imported, as the Stack Exchange importer does; what the API should say."""
    ImportedAttribution.objects.create(
        post=post,
        source_url=f"https://mindful.stackexchange.com/q/{post.pk}",
        author_name=name,
        author_url="https://mindful.stackexchange.com/users/1",
        licence="CC BY-SA 4.0",
        licence_url=BY_SA_4,
    )
    return {
        "author_name": name,
        "source_url": f"https://mindful.stackexchange.com/q/{post.pk}",
        "licence": "CC BY-SA 4.0",
        "licence_url": BY_SA_4,
    }


def ok(response: Any) -> Any:
    assert response.status_code == 200, response.content
    return response.json()


def test_every_post_in_a_thread_says_where_it_came_from(visitor_api, member, other_member):
    question = make_question(author=member)
    answer = make_answer(question, author=other_member)
    comment = make_comment(answer, author=member)
    native_answer = make_answer(question, author=member)
    native_comment = make_comment(question, author=other_member)
    expected = {
        question.pk: imported(question),
        answer.pk: imported(answer, "Ben Helper"),
        comment.pk: imported(comment, "Old Timer"),
    }
    thread = ok(visitor_api.get(f"/api/questions/{question.pk}"))
    assert thread["attribution"] == expected[question.pk]
    answers = {a["id"]: a for a in thread["answers"]}
    assert answers[answer.pk]["attribution"] == expected[answer.pk]
    assert answers[answer.pk]["comments"][0]["attribution"] == expected[comment.pk]
    assert answers[native_answer.pk]["attribution"] is None
    assert [c["attribution"] for c in thread["comments"]] == [None]  # native_comment
    for post in (question, answer, comment):
        assert ok(visitor_api.get(f"/api/posts/{post.pk}"))["attribution"] == expected[post.pk]
    assert ok(visitor_api.get(f"/api/posts/{native_comment.pk}"))["attribution"] is None
    comments = ok(visitor_api.get(f"/api/posts/{answer.pk}/comments"))
    assert [c["attribution"] for c in comments] == [expected[comment.pk]]


def test_lists_carry_attributions_too(visitor_api, member):
    native = make_question(author=member, title="A question asked here about panic")
    question = make_question(author=member, title="A question imported about panic")
    expected = imported(question)
    items = {q["id"]: q for q in ok(visitor_api.get("/api/questions"))["items"]}
    assert items[question.pk]["attribution"] == expected
    assert items[native.pk]["attribution"] is None
    activity = {i["post"]["id"]: i["post"] for i in ok(visitor_api.get("/api/activity"))["items"]}
    assert activity[question.pk]["attribution"] == expected
    assert activity[native.pk]["attribution"] is None
    posts = ok(visitor_api.get(f"/api/users/{member.username}/questions"))["items"]
    assert {p["id"]: p["attribution"] for p in posts} == {question.pk: expected, native.pk: None}
    found = ok(visitor_api.get("/api/search", q="panic"))["items"]
    assert {r["post"]["id"]: r["post"]["attribution"] for r in found} == {
        question.pk: expected,
        native.pk: None,
    }


def test_a_new_post_has_no_attribution(api, question):
    response = api.post(f"/api/questions/{question.pk}/answers", {"body": "Walks help me a lot."})
    assert response.status_code == 201, response.content
    assert response.json()["post"]["attribution"] is None


def test_an_edited_imported_post_keeps_its_attribution(member):
    staff = ApiClient(token_for(make_user("editor", is_staff=True, is_superuser=True)))
    question = make_question(author=member)
    expected = imported(question)
    response = staff.patch(
        f"/api/posts/{question.pk}", {"body": "Edited: I have been anxious for weeks now."}
    )
    assert response.status_code == 200, response.content
    assert response.json()["attribution"] == expected


def test_a_real_import_reads_as_the_question_page_shows_it(visitor_api):
    call_command("import_stackexchange", str(SYNTHETIC), stdout=StringIO())
    local = ImportedObject.objects.get(kind="post", external_id="10").local_id
    thread = ok(visitor_api.get(f"/api/questions/{local}"))
    assert thread["attribution"] == {
        "author_name": "Ann Example",
        "source_url": "https://mindful.stackexchange.com/q/10",
        "licence": "CC BY-SA 3.0",
        "licence_url": "https://creativecommons.org/licenses/by-sa/3.0/",
    }
    sources = {a["attribution"]["source_url"] for a in thread["answers"]}
    assert {"https://mindful.stackexchange.com/a/11", "https://mindful.stackexchange.com/a/12"} <= (
        sources
    )


def _attribution_queries(client: ApiClient, path: str) -> tuple[int, int]:
    """All queries of a warm request, and those reading attributions."""
    client.get(path)  # warm: cached settings and policy rules are read once per process
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    sql = [q["sql"] for q in queries.captured_queries]
    return len(sql), sum("importedattribution" in s for s in sql)


def test_one_query_per_page_however_many_posts_are_imported(member, other_member):
    client = ApiClient(token_for(make_user("reader")))
    question = make_question(author=member)
    imported(question)
    imported(make_comment(question, author=other_member))
    paths = (
        "/api/questions",
        f"/api/questions/{question.pk}",
        "/api/activity",
        f"/api/posts/{question.pk}/comments",
        f"/api/users/{member.username}/questions",
    )
    few = [_attribution_queries(client, path) for path in paths]
    # One each; for comments it is the comments' own query, which joins their attributions.
    assert [reads for _, reads in few] == [1, 1, 1, 1, 1]
    for n in range(6):
        imported(make_question(author=member, tags=f"tag{n} sleep"))
        imported(make_answer(question, author=make_user()))
        imported(make_comment(question, author=make_user()))
    assert [_attribution_queries(client, path) for path in paths] == few


def test_the_schema_describes_the_field(visitor_api):
    schemas = ok(visitor_api.get("/api/openapi.json"))["components"]["schemas"]
    assert set(schemas["AttributionOut"]["required"]) == {
        "author_name",
        "source_url",
        "licence",
        "licence_url",
    }
    for name in ("PostOut", "AnswerOut", "QuestionDetail", "QuestionSummary", "PostBrief"):
        field = schemas[name]["properties"]["attribution"]
        assert "attribution" in schemas[name]["required"], name
        assert field["anyOf"] == [{"$ref": "#/components/schemas/AttributionOut"}, {"type": "null"}]
