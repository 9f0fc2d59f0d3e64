"""No email and no anonymous writer's identity in any API response: visitors who left an
email, and members who posted under their pseudonym, look alike to every reader, moderators
included."""

from __future__ import annotations

import json

from mindwell.qa.models import Post
from mindwell.qa.services import question_create
from mindwell.qa.services.common import Poster
from tests.api.conftest import ApiClient, set_site, token_for
from tests.factories import category, make_answer, make_comment, make_user
from tests.privacy.privacy_helpers import answer_anonymously, ask_anonymously, comment_anonymously

SECRET_EMAIL = "visitor-secret@mail.example"


def _everything(client: ApiClient, posts: list[Post], usernames: list[str]) -> str:
    """Every read endpoint's answer, concatenated."""
    paths = [
        "/api/questions",
        "/api/questions?sort=unanswered",
        "/api/activity",
        "/api/search?q=partner",
        "/api/search?q=struggling",
        "/api/users",
        "/api/tags",
        "/api/categories",
    ]
    for post in posts:
        paths.append(f"/api/posts/{post.pk}")
        if post.kind == "Q":
            paths.append(f"/api/questions/{post.pk}")
    for name in usernames:
        paths += [f"/api/users/{name}"] + [
            f"/api/users/{name}/{kind}" for kind in ("questions", "answers", "comments")
        ]
    texts = []
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, (path, response.content)
        texts.append(json.dumps(response.json()))
    return "\n".join(texts)


def test_no_email_or_anonymous_identity_in_any_response(db):
    set_site(anonymous_questions=True)
    shy = make_user("shymember")
    helper = make_user("helper")
    visitor_question = question_create(
        poster=Poster(name="Quiet visitor", email=SECRET_EMAIL, notify=True, ip="203.0.113.9"),
        title="How do I tell my partner I have been struggling lately?",
        body="I have been struggling for months.",
        category_id=category().pk,
        tags="relationships",
    )
    shy_question = ask_anonymously(shy)
    shy_answer = answer_anonymously(visitor_question, shy)
    shy_comment = comment_anonymously(shy_question, shy)
    make_comment(make_answer(shy_question, author=helper), author=helper)
    posts = [visitor_question, shy_question, shy_answer, shy_comment]
    pseudonym = Post.objects.get(pk=shy_question.pk).anon_name
    assert pseudonym and pseudonym != "shymember"
    moderator = make_user("moderator", is_staff=True)
    for client in (ApiClient(), ApiClient(token_for(helper)), ApiClient(token_for(moderator))):
        everything = _everything(client, posts, ["shymember", "helper"])
        assert SECRET_EMAIL not in everything and "@" not in everything.replace("@example", "")
        assert "203.0.113.9" not in everything
        assert pseudonym in everything and "Quiet visitor" in everything
        for post in posts:
            data = client.get(f"/api/posts/{post.pk}").json()
            assert data["author"]["anonymous"] is True and data["author"]["username"] is None
            assert "shymember" not in json.dumps(data)
        # The member's own lists never include what they posted under the pseudonym.
        for kind in ("questions", "answers", "comments"):
            assert client.get(f"/api/users/shymember/{kind}").json()["items"] == []


def test_member_emails_are_never_shown(member):
    member.about = "Hello"
    member.save()
    for path in ("/api/users", "/api/users/alice", "/api/me"):
        text = ApiClient(token_for(member)).get(path).content.decode()
        assert member.email not in text and "email" not in text
