"""The data export: a ZIP of account.json and a Markdown file per post, anonymous ones
included, with no secrets and nothing of other members'."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from mindwell.follows.services import follow_add
from mindwell.moderation.services.flags import flag_create
from mindwell.privacy.models import Pseudonym
from mindwell.privacy.services.export import EXPORTS_PER_HOUR
from mindwell.votes.services import vote_cast
from tests.factories import make_answer, make_comment, make_question, make_user
from tests.moderation.moderation_helpers import make_moderator
from tests.privacy.privacy_helpers import (
    account_json,
    answer_anonymously,
    ask_anonymously,
    read_zip,
    text,
)

pytestmark = pytest.mark.django_db


def download(user) -> tuple[Client, object]:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client, client.post("/privacy/export/")


def test_the_export_page_explains_and_offers_a_button(member):
    client = Client()
    client.force_login(member)
    html = text(client.get("/privacy/export/"))
    assert "account.json" in html
    assert '<button type="submit" class="button primary">Download my data</button>' in html


def test_the_export_needs_a_login():
    response = Client().post("/privacy/export/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_archive_holds_account_json_and_every_post_as_markdown(member, other_member):
    question = make_question(member, title="Why do I feel so tired all the time lately?")
    answer = make_answer(make_question(other_member), member)
    comment = make_comment(question, member, body="Thanks, I will try to rest more.")
    secret = ask_anonymously(member, title="How do I talk about my past abuse?")
    _, response = download(member)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert (
        f'attachment; filename="mindwell-data-{member.username}-' in response["Content-Disposition"]
    )
    files = read_zip(response)
    assert {
        "account.json",
        "README.txt",
        f"posts/question-{question.pk}.md",
        f"posts/answer-{answer.pk}.md",
        f"posts/comment-{comment.pk}.md",
        f"posts/question-{secret.pk}.md",
    } <= set(files)
    markdown = files[f"posts/question-{question.pk}.md"]
    assert markdown.startswith("---\nkind: question\n")
    assert 'title: "Why do I feel so tired all the time lately?"' in markdown
    assert "status: published" in markdown
    assert f'question: "http://testserver/questions/{question.pk}/' in markdown
    assert "# Why do I feel so tired all the time lately?" in markdown
    assert question.body in markdown
    anonymous_md = files[f"posts/question-{secret.pk}.md"]
    assert f'posted anonymously as: "{secret.anon_name}"' in anonymous_md
    data = account_json(files)
    assert data["format"] == "mindwell-export-1"
    kinds = {(p["kind"], p["id"]) for p in data["posts"]}
    assert ("question", secret.pk) in kinds and ("comment", comment.pk) in kinds
    assert next(p for p in data["posts"] if p["id"] == secret.pk)["posted_anonymously_as"] == (
        secret.anon_name
    )


def test_account_json_covers_every_record_and_no_secret(member, other_member):
    theirs = make_question(other_member)
    vote_cast(user=member, post=theirs, value=1)
    flag_create(user=member, post=theirs, reason="other", note="This looks like an advert.")
    follow_add(user=member, target=theirs)
    follow_add(user=other_member, target=member)
    ask_anonymously(member)
    member.crisis_country = "IE"
    member.hidden_warnings = ["suicide"]
    member.save()
    data = account_json(read_zip(download(member)[1]))
    account = data["account"]
    assert account["username"] == member.username
    assert account["email"] == member.email
    assert account["crisis_country"] == "IE"
    assert account["hidden_warnings"] == ["suicide"]
    assert "points" in account
    assert "password" not in account
    assert "password" in data["not_included"]["account_fields_left_out"]
    records = data["records"]
    assert records["votes.vote.user"][0]["post_id"] == theirs.pk
    assert records["moderation.flag.user"][0]["note"] == "This looks like an advert."
    assert records["follows.follow.user"][0]["question_id"] == theirs.pk
    assert records["privacy.pseudonym.user"][0]["name"] == Pseudonym.objects.get(user=member).name
    assert records["reputation.pointsevent.user"]
    assert records["account.emailaddress.user"][0]["email"] == member.email
    # Someone following the member is listed by date only: not who it is.
    follower = records["follows.follow.followed_user"][0]
    assert set(follower) == {"id", "relation", "created_at"}
    dump = str(data)
    assert other_member.username not in dump
    assert other_member.email not in dump
    assert "pbkdf2" not in dump and "md5$" not in dump and "argon2" not in dump


def test_other_members_named_in_a_record_are_left_out(member):
    moderator = make_moderator("keeperofpeace")
    post = make_question(member)
    from mindwell.moderation.services.audit import audit_write

    audit_write(actor=moderator, action="hide", post=post, target_user=member, reason="Off topic")
    data = account_json(read_zip(download(member)[1]))
    entry = data["records"]["moderation.auditentry.target_user"][0]
    assert entry["reason"] == "Off topic"
    assert entry["target_user_id"] == member.pk
    assert entry["actor_id"] is None
    assert moderator.username not in str(data)


def test_a_moderator_export_lists_what_they_handled_without_others_data(member):
    moderator = make_moderator("keeperofpeace")
    visitor_post = make_question(member)
    from mindwell.moderation.actions.threads import Close

    Close(actor=moderator, post=visitor_post, reason="Answered elsewhere").execute()
    data = account_json(read_zip(download(moderator)[1]))
    closed = data["records"]["qa.post.closed_by"]
    assert closed == [
        {
            "id": visitor_post.pk,
            "relation": "closed_by",
            **{k: v for k, v in closed[0].items() if k not in ("id", "relation")},
        }
    ]
    assert "body" not in closed[0] and "author_ip" not in closed[0]
    assert member.email not in str(data)


def test_exports_are_limited_per_hour(member):
    client = Client()
    client.force_login(member)
    for _ in range(EXPORTS_PER_HOUR):
        assert client.post("/privacy/export/").status_code == 200
    response = client.post("/privacy/export/")
    assert response.status_code == 429
    assert f"You can download your data {EXPORTS_PER_HOUR} times an hour." in text(response)


def test_the_export_costs_the_same_however_much_was_written(member, other_member):
    make_question(member)
    client = Client()
    client.force_login(member)
    with CaptureQueriesContext(connection) as few:
        read_zip(client.post("/privacy/export/"))
    question = make_question(other_member)
    for n in range(8):
        answer = make_answer(question, member, body=f"Answer number {n}, with some advice.")
        make_comment(answer, member)
        vote_cast(user=member, post=make_question(make_user()), value=1)
    answer_anonymously(question, member)
    with CaptureQueriesContext(connection) as many:
        files = read_zip(client.post("/privacy/export/"))
    assert len([n for n in files if n.startswith("posts/")]) == 1 + 16 + 1
    assert len(many) <= len(few)
