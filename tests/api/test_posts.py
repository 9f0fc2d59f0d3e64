"""Writing through the API goes through the site's services, with everything they enforce:
permissions, pre-moderation, the crisis assessment, write limits."""

from __future__ import annotations

from mindwell.moderation.models import Flag, WriteAction, WriteLimit
from mindwell.qa.models import Post, PostStatus, RiskLevel
from mindwell.safety.models import SafetyCase
from mindwell.votes.models import Vote
from tests.api.conftest import ApiClient, assert_error, set_site, token_for
from tests.factories import make_answer, make_question, make_user
from tests.safety.helpers import CRISIS_TEXT

QUESTION = {"title": "How do I stop replaying conversations?", "body": "Every night, for hours."}


def ask(client: ApiClient, **fields) -> object:
    from tests.factories import category

    return client.post(
        "/api/questions", {**QUESTION, "category": category().pk, "tags": ["sleep"], **fields}
    )


def test_asking_publishes_through_the_service(api, writer):
    response = ask(api)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "published" and data["support"] is None
    post = Post.objects.get(pk=data["post"]["id"])
    assert post.author == writer and post.title == QUESTION["title"]
    assert [t.name for t in post.tags.all()] == ["sleep"]
    assert data["post"]["url"] == post.get_absolute_url()


def test_validation_errors_name_the_field(api):
    body = assert_error(ask(api, title="Hi"), 422, "validation_error")
    assert body["fields"][0]["field"] == "title"
    body = assert_error(api.post("/api/questions", {"body": "no title"}), 422, "validation_error")
    assert {f["field"] for f in body["fields"]} >= {"title", "category"}
    assert_error(ask(api, category=999999), 422, "validation_error")


def test_pre_moderation_answers_queued(writer, question):
    set_site(premoderate_points_below=10_000)
    client = ApiClient(token_for(writer))
    data = ask(client).json()
    assert data["status"] == "queued" and "waiting for approval" in data["message"]
    assert Post.objects.get(pk=data["post"]["id"]).status == PostStatus.QUEUED
    # The writer sees it; a visitor does not.
    assert client.get(f"/api/questions/{data['post']['id']}").status_code == 200
    assert_error(ApiClient().get(f"/api/questions/{data['post']['id']}"), 404, "not_found")
    answer = client.post(
        f"/api/questions/{question.pk}/answers", {"body": "Try writing it down first."}
    )
    assert answer.json()["status"] == "queued"


def test_the_crisis_assessment_runs_and_the_writer_gets_crisis_lines(api, question):
    response = api.post(f"/api/questions/{question.pk}/answers", {"body": CRISIS_TEXT})
    assert response.status_code == 201, response.content
    data = response.json()
    post = Post.objects.get(pk=data["post"]["id"])
    assert post.risk_level == RiskLevel.CRISIS
    assert SafetyCase.objects.filter(post=post).exists()
    assert data["support"]["level"] == "crisis" and data["support"]["lines"]
    assert data["support"]["lines"][0]["name"]


def test_answer_comment_and_edit(api, writer, question, other_member):
    answer = api.post(
        f"/api/questions/{question.pk}/answers", {"body": "Breathing slowly helps me."}
    )
    answer_id = answer.json()["post"]["id"]
    comment = api.post(f"/api/posts/{answer_id}/comments", {"body": "Here is what I mean."})
    assert comment.status_code == 201 and comment.json()["post"]["parent_id"] == answer_id
    edited = api.patch(f"/api/posts/{answer_id}", {"body": "Breathing slowly, counting to four."})
    assert edited.status_code == 200 and edited.json()["edited_by"]["username"] == "writer"
    assert Post.objects.get(pk=answer_id).revisions.count() == 1
    # Someone else's question needs the edit_others privilege (2,000 points; writer has them).
    newcomer = ApiClient(token_for(other_member))
    assert_error(
        newcomer.patch(f"/api/posts/{question.pk}", {"body": "Mine now."}), 403, "forbidden"
    )
    assert api.patch(f"/api/posts/{question.pk}", {"body": "Tidied up."}).status_code == 200
    # Comments go on questions and answers only.
    assert_error(
        api.post(f"/api/posts/{comment.json()['post']['id']}/comments", {"body": "nested"}),
        404,
        "not_found",
    )


def test_votes_follow_the_policy(api, writer, question, other_member):
    response = api.post(f"/api/posts/{question.pk}/vote", {"value": "up"})
    assert response.json() == {"post_id": question.pk, "score": 1, "vote": 1}
    assert Vote.objects.get(user=writer, post=question).value == 1
    assert api.post(f"/api/posts/{question.pk}/vote", {"value": "retract"}).json()["score"] == 0
    own = make_question(author=writer)
    assert_error(api.post(f"/api/posts/{own.pk}/vote", {"value": "up"}), 403, "forbidden")
    newcomer = ApiClient(token_for(make_user("newcomer", points=0)))
    assert_error(
        newcomer.post(f"/api/posts/{question.pk}/vote", {"value": "down"}), 403, "forbidden"
    )
    assert_error(
        api.post(f"/api/posts/{question.pk}/vote", {"value": "sideways"}), 422, "validation_error"
    )


def test_only_the_asker_chooses_the_best_answer(member, other_member, question, api):
    answer = make_answer(question, author=other_member)
    assert_error(
        api.put(f"/api/questions/{question.pk}/best-answer", {"answer_id": answer.pk}),
        403,
        "forbidden",
    )
    asker = ApiClient(token_for(member))
    chosen = asker.put(f"/api/questions/{question.pk}/best-answer", {"answer_id": answer.pk})
    assert chosen.json() == {"question_id": question.pk, "best_answer_id": answer.pk}
    assert (
        asker.delete(f"/api/questions/{question.pk}/best-answer").json()["best_answer_id"] is None
    )


def test_flags_are_recorded_once(api, writer, question):
    response = api.post(f"/api/posts/{question.pk}/flags", {"reason": "spam"})
    assert response.status_code == 201 and "moderators" in response.json()["message"]
    assert Flag.objects.filter(post=question, user=writer).count() == 1
    assert_error(
        api.post(f"/api/posts/{question.pk}/flags", {"reason": "spam"}), 409, "already_flagged"
    )
    at_risk = api.post(f"/api/posts/{make_question().pk}/flags", {"reason": "at-risk"})
    assert at_risk.status_code == 201 and "safety team" in at_risk.json()["message"]
    body = assert_error(
        api.post(f"/api/posts/{make_question().pk}/flags", {"reason": "harmful"}),
        422,
        "validation_error",
    )
    assert body["fields"][0]["field"] == "harmful_kind"


def test_write_limits_answer_429_with_when_to_retry(api, question):
    limit = WriteLimit.objects.get(action=WriteAction.VOTE)
    limit.per_member_per_hour = 1
    limit.save()
    assert api.post(f"/api/posts/{question.pk}/vote", {"value": "up"}).status_code == 200
    response = api.post(f"/api/posts/{question.pk}/vote", {"value": "retract"})
    body = assert_error(response, 429, "rate_limited")
    assert body["retry_after"] == 3600 and response["Retry-After"] == "3600"


def test_following_and_unfollowing(api, writer, question):
    followed = api.put(f"/api/follows/question/{question.pk}")
    assert followed.json()["following"] is True
    assert writer.follows.filter(question=question).exists()
    assert api.put("/api/follows/tag/sleep").status_code == 200
    assert api.delete(f"/api/follows/question/{question.pk}").json()["following"] is False
    assert not writer.follows.filter(question=question).exists()
    assert_error(api.put("/api/follows/user/writer"), 409, "refused")  # not oneself
    assert_error(api.put("/api/follows/tag/no-such-tag"), 404, "not_found")
    assert_error(api.put("/api/follows/planet/mars"), 422, "validation_error")
