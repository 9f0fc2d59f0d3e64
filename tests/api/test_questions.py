"""Question lists (sorts, filters, cursors) and one question's thread, as the site shows
them, with query counts that do not grow with the content."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from mindwell.qa.models import Post, PostStatus
from mindwell.qa.services.publication import post_set_status
from mindwell.taxonomy.models import Category
from tests.api.conftest import ApiClient, assert_error, token_for
from tests.factories import make_answer, make_comment, make_question, make_user


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def test_sorts_match_the_site(visitor_api, member):
    quiet = make_question(author=member, title="A quiet question about worry")
    answered = make_question(author=member, title="An answered question about worry")
    make_answer(answered)
    assert ids(visitor_api.get("/api/questions"))[:2] == [answered.pk, quiet.pk]
    assert ids(visitor_api.get("/api/questions", sort="answers"))[0] == answered.pk
    assert ids(visitor_api.get("/api/questions", sort="unanswered")) == [quiet.pk]
    for sort in ("active", "hot", "votes", "views"):
        assert set(ids(visitor_api.get("/api/questions", sort=sort))) == {quiet.pk, answered.pk}
    assert_error(visitor_api.get("/api/questions", sort="best"), 422, "validation_error")


def test_category_filter_includes_sub_categories_and_tag_filter(visitor_api, member):
    child = Category.objects.filter(parent__isnull=False).select_related("parent").first()
    in_child = make_question(author=member, category_id=child.pk, tags="grief")
    elsewhere = make_question(author=member, tags="sleep")
    assert ids(visitor_api.get("/api/questions", category=child.parent.slug)) == [in_child.pk]
    assert ids(visitor_api.get("/api/questions", tag="sleep")) == [elsewhere.pk]
    assert_error(visitor_api.get("/api/questions", category="no-such"), 404, "not_found")
    assert_error(visitor_api.get("/api/questions", tag="no-such"), 404, "not_found")


def test_cursor_pages_are_stable_while_questions_arrive(visitor_api, member):
    made = [make_question(author=member) for _ in range(5)]
    first = visitor_api.get("/api/questions", limit=2).json()
    assert [q["id"] for q in first["items"]] == [made[4].pk, made[3].pk]
    newcomer = make_question(author=member)  # lands on top: must not shift later pages
    second = visitor_api.get("/api/questions", limit=2, cursor=first["next_cursor"]).json()
    third = visitor_api.get("/api/questions", limit=2, cursor=second["next_cursor"]).json()
    assert [q["id"] for q in second["items"]] == [made[2].pk, made[1].pk]
    assert [q["id"] for q in third["items"]] == [made[0].pk]
    assert third["next_cursor"] is None
    assert newcomer.pk in ids(visitor_api.get("/api/questions", limit=2))


def test_a_damaged_or_foreign_cursor_is_a_400(visitor_api, member):
    for _ in range(3):
        make_question(author=member)
    cursor = visitor_api.get("/api/questions", limit=1).json()["next_cursor"]
    assert_error(visitor_api.get("/api/questions", cursor=cursor + "x"), 400, "invalid_cursor")
    # Bound to its order: a "recent" cursor is no good for "votes".
    assert_error(
        visitor_api.get("/api/questions", sort="votes", cursor=cursor), 400, "invalid_cursor"
    )
    assert_error(visitor_api.get("/api/questions", limit=0), 422, "validation_error")
    assert_error(visitor_api.get("/api/questions", limit=101), 422, "validation_error")


def test_a_question_with_its_answers_and_comments(visitor_api, member, other_member):
    question = make_question(author=member)
    answer = make_answer(question, author=other_member)
    make_comment(answer, author=member, body="Thank you, that helps me a lot.")
    make_comment(question, author=other_member, body="Could you say more about it?")
    data = visitor_api.get(f"/api/questions/{question.pk}").json()
    assert data["title"] == question.title and data["kind"] == "question"
    assert (
        data["answers"][0]["id"] == answer.pk and data["answers"][0]["author"]["username"] == "bob"
    )
    assert data["answers"][0]["comments"][0]["body"] == "Thank you, that helps me a lot."
    assert data["comments"][0]["body"] == "Could you say more about it?"
    assert data["tags"] == ["anxiety", "sleep"]
    listed = visitor_api.get(f"/api/posts/{answer.pk}/comments").json()
    assert [c["body"] for c in listed] == ["Thank you, that helps me a lot."]
    assert visitor_api.get(f"/api/posts/{answer.pk}").json()["parent_id"] == question.pk
    assert_error(visitor_api.get("/api/questions/999999"), 404, "not_found")
    # An answer's id is not a question.
    assert_error(visitor_api.get(f"/api/questions/{answer.pk}"), 404, "not_found")


def test_hidden_queued_and_deleted_posts_are_invisible_to_those_who_cannot_see_them(
    member, other_member
):
    question = make_question(author=member)
    hidden_answer = make_answer(question, author=other_member)
    post_set_status(post=hidden_answer, status=PostStatus.HIDDEN)
    hidden_question = make_question(author=member, title="A hidden question about sleep")
    post_set_status(post=hidden_question, status=PostStatus.HIDDEN)
    moderator = make_user("moderator", is_staff=True)
    stranger, staff = ApiClient(token_for(other_member)), ApiClient(token_for(moderator))
    assert_error(stranger.get(f"/api/questions/{hidden_question.pk}"), 404, "not_found")
    assert_error(stranger.get(f"/api/posts/{hidden_answer.pk}"), 404, "not_found")
    assert hidden_question.pk not in ids(stranger.get("/api/questions"))
    thread = stranger.get(f"/api/questions/{question.pk}").json()
    assert thread["answers"] == []
    assert staff.get(f"/api/questions/{hidden_question.pk}").json()["status"] == "hidden"
    assert hidden_question.pk in ids(staff.get("/api/questions"))
    post_set_status(post=question, status=PostStatus.DELETED)
    assert_error(staff.get(f"/api/questions/{question.pk}"), 404, "not_found")
    # Nor can anyone act on what they cannot see.
    assert_error(
        stranger.post(f"/api/posts/{hidden_answer.pk}/vote", {"value": "up"}), 404, "not_found"
    )


def _queries(client: ApiClient, path: str) -> int:
    client.get(path)  # warm: cached settings and policy rules are read once per process
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_list_and_question_queries_do_not_grow_with_content(member, other_member):
    client = ApiClient(token_for(make_user("reader")))
    question = make_question(author=member)
    make_comment(make_answer(question, author=other_member), author=member)
    small_list = _queries(client, "/api/questions")
    small_thread = _queries(client, f"/api/questions/{question.pk}")
    small_activity = _queries(client, "/api/activity")
    small_comments = _queries(client, f"/api/posts/{question.pk}/comments")
    for n in range(6):
        make_question(author=other_member, tags=f"tag{n} sleep")
        answer = make_answer(question, author=make_user())
        make_comment(answer, author=member)
        make_comment(question, author=make_user())
    assert _queries(client, "/api/questions") == small_list
    assert _queries(client, f"/api/questions/{question.pk}") == small_thread
    assert _queries(client, "/api/activity") == small_activity
    assert _queries(client, f"/api/posts/{question.pk}/comments") == small_comments
    assert Post.objects.count() > 25
