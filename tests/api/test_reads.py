"""Members, categories, tags, search and the activity feeds."""

from __future__ import annotations

from mindwell.qa.models import PostStatus
from mindwell.qa.services.publication import post_set_status
from mindwell.taxonomy.models import Category
from tests.api.conftest import ApiClient, assert_error, token_for
from tests.factories import make_answer, make_comment, make_question, make_user


def test_members_by_points_with_public_fields_only(visitor_api, member, other_member):
    member.points, member.location = 900, "Leeds"
    member.save()
    listed = visitor_api.get("/api/users", limit=1).json()
    assert listed["items"][0]["username"] == "alice" and listed["next_cursor"]
    following = visitor_api.get("/api/users", limit=1, cursor=listed["next_cursor"]).json()
    assert following["items"][0]["username"] == "bob"
    profile = visitor_api.get("/api/users/alice").json()
    assert profile["location"] == "Leeds" and profile["rank"] == 1
    assert set(profile) == {
        "username", "url", "points", "level", "about", "location", "website", "pronouns",
        "joined_at", "question_count", "answer_count", "comment_count", "rank",
    }  # fmt: skip


def test_a_members_posts_by_kind(visitor_api, member, question):
    answer = make_answer(question, author=member)
    comment = make_comment(answer, author=member)
    assert [p["id"] for p in visitor_api.get("/api/users/alice/questions").json()["items"]] == [
        question.pk
    ]
    assert [p["id"] for p in visitor_api.get("/api/users/alice/answers").json()["items"]] == [
        answer.pk
    ]
    assert [p["id"] for p in visitor_api.get("/api/users/alice/comments").json()["items"]] == [
        comment.pk
    ]
    assert_error(visitor_api.get("/api/users/alice/votes"), 422, "validation_error")


def test_categories_tree_and_tags(visitor_api, question):
    categories = visitor_api.get("/api/categories").json()
    assert len(categories) == Category.objects.count()
    seen: set[str] = set()
    for category in categories:  # every parent before its children
        assert category["parent"] is None or category["parent"] in seen
        seen.add(category["slug"])
    one = visitor_api.get(f"/api/categories/{question.category.slug}").json()
    assert one["question_count"] == 1
    tags = visitor_api.get("/api/tags").json()["items"]
    assert {t["name"] for t in tags} == {"anxiety", "sleep"}
    assert visitor_api.get("/api/tags/Sleep").json()["question_count"] == 1
    assert_error(visitor_api.get("/api/categories/nope"), 404, "not_found")


def test_search_uses_the_site_search(visitor_api, member):
    wanted = make_question(author=member, title="Panic attacks on the train every morning")
    make_question(author=member, title="Trouble sleeping after a loss")
    result = visitor_api.get("/api/search", q="panic train").json()
    assert [item["post"]["id"] for item in result["items"]] == [wanted.pk]
    assert "<" not in result["items"][0]["snippet"]
    body = assert_error(visitor_api.get("/api/search", q="-panic"), 422, "validation_error")
    assert body["fields"][0]["field"] == "q"
    assert_error(visitor_api.get("/api/search", q="panic", cursor="forged"), 400, "invalid_cursor")
    post_set_status(post=wanted, status=PostStatus.HIDDEN)
    assert visitor_api.get("/api/search", q="panic train").json()["items"] == []


def test_search_pages_by_cursor(visitor_api):
    for n in range(22):
        make_question(title=f"Breathing exercises that help number {n}")  # new askers: no limit
    first = visitor_api.get("/api/search", q="breathing").json()
    assert len(first["items"]) == 20 and first["next_cursor"]
    second = visitor_api.get("/api/search", q="breathing", cursor=first["next_cursor"]).json()
    assert len(second["items"]) == 2 and second["next_cursor"] is None
    assert not {i["post"]["id"] for i in first["items"]} & {
        i["post"]["id"] for i in second["items"]
    }


def test_activity_feed_and_my_updates(member, other_member, question):
    answer = make_answer(question, author=other_member)
    feed = ApiClient().get("/api/activity").json()["items"]
    assert [(e["event"], e["post"]["id"]) for e in feed[:2]] == [
        ("posted", answer.pk),
        ("posted", question.pk),
    ]
    follower = ApiClient(token_for(make_user("follower")))
    assert follower.put(f"/api/follows/question/{question.pk}").status_code == 200
    make_comment(question, author=other_member)
    updates = follower.get("/api/me/updates").json()["items"]
    assert updates and all(item["post"]["question_id"] == question.pk for item in updates)
    assert_error(ApiClient().get("/api/me/updates"), 401, "not_authenticated")
    assert_error(ApiClient().get("/api/activity", cursor="bad"), 400, "invalid_cursor")
