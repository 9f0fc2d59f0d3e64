"""Who may call: tokens (hashed, scoped, revocable, refused for restricted members) and
the site's own session, which must carry the CSRF token on writes."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from mindwell.api.models import PersonalAccessToken
from mindwell.api.services import token_create, token_digest, token_revoke
from tests.api.conftest import ApiClient, assert_error, token_for
from tests.factories import PASSWORD

ASK = {"title": "How do I stop replaying conversations?", "body": "Every night.", "tags": []}


def ask(client: ApiClient, question) -> object:
    return client.post("/api/questions", {**ASK, "category": question.category_id})


def test_a_token_is_stored_only_as_a_digest_with_a_visible_prefix(writer):
    token, raw = token_create(user=writer, name="reader", scope="read")
    row = PersonalAccessToken.objects.get(pk=token.pk)
    assert raw.startswith(row.prefix) and len(row.prefix) == 11
    assert row.digest == token_digest(raw) and len(row.digest) == 64
    assert raw not in {row.digest, row.prefix, row.name}
    # Nowhere in the row is the secret part of the token.
    secret = raw[len(row.prefix) :]
    assert not any(
        secret in str(value) for value in PersonalAccessToken.objects.values().get().values()
    )


def test_a_token_identifies_its_member_and_records_its_use(writer):
    client = ApiClient(token_for(writer, "read"))
    response = client.get("/api/me")
    assert response.status_code == 200
    assert response.json()["username"] == "writer"
    assert response.json()["token_scope"] == "read"
    assert PersonalAccessToken.objects.get().last_used_at is not None


def test_a_read_only_token_gets_a_clear_403_on_writes(writer, question):
    client = ApiClient(token_for(writer, "read"))
    assert client.get(f"/api/questions/{question.pk}").status_code == 200
    body = assert_error(ask(client, question), 403, "read_only_token")
    assert "read" in body["message"]
    assert_error(
        client.post(f"/api/posts/{question.pk}/vote", {"value": "up"}), 403, "read_only_token"
    )


def test_a_revoked_token_stops_working(writer, question):
    raw = token_for(writer)
    client = ApiClient(raw)
    assert client.get("/api/me").status_code == 200
    token_revoke(user=writer, token_id=PersonalAccessToken.objects.get().pk)
    assert_error(client.get("/api/me"), 401, "invalid_token")
    assert_error(client.get("/api/questions"), 401, "invalid_token")


def test_unknown_and_malformed_tokens_are_refused(db):
    assert_error(ApiClient("mw_00000000_nope").get("/api/questions"), 401, "invalid_token")
    bad = Client().get("/api/questions", headers={"Authorization": "Basic abc"})
    assert_error(bad, 401, "invalid_token")


def test_suspended_and_blocked_members_tokens_stop_working(writer):
    client = ApiClient(token_for(writer))
    writer.suspended_until = timezone.now() + timedelta(days=1)
    writer.save()
    assert_error(client.get("/api/me"), 403, "account_restricted")
    writer.suspended_until = None
    writer.blocked_at = timezone.now()
    writer.save()
    assert_error(client.get("/api/questions"), 403, "account_restricted")


def test_a_silenced_member_reads_but_cannot_write(writer, question):
    client = ApiClient(token_for(writer))
    writer.silenced_until = timezone.now() + timedelta(days=1)
    writer.save()
    assert client.get("/api/questions").status_code == 200
    assert_error(ask(client, question), 403, "forbidden")
    assert_error(client.post(f"/api/posts/{question.pk}/vote", {"value": "up"}), 403, "forbidden")


def test_writes_need_a_member(visitor_api, question):
    assert visitor_api.get("/api/questions").status_code == 200
    assert_error(ask(visitor_api, question), 401, "not_authenticated")
    assert_error(visitor_api.get("/api/me"), 401, "not_authenticated")


def test_session_writes_need_the_csrf_token(writer, question):
    client = Client(enforce_csrf_checks=True)
    assert client.login(username="writer", password=PASSWORD)
    body = {**ASK, "category": question.category_id}
    refused = client.post("/api/questions", body, content_type="application/json")
    assert_error(refused, 403, "csrf_failed")
    client.get("/ask/")  # the page sets the CSRF cookie, as the site's pages do
    csrf = client.cookies["csrftoken"].value
    accepted = client.post(
        "/api/questions", body, content_type="application/json", headers={"X-CSRFToken": csrf}
    )
    assert accepted.status_code == 201, accepted.content
    # Reads with the session need nothing more.
    assert client.get("/api/me").json()["token_scope"] == "session"


def test_token_writes_need_no_csrf_token(writer, question):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/api/questions",
        {**ASK, "category": question.category_id},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token_for(writer)}"},
    )
    assert response.status_code == 201, response.content


def test_tokens_are_listed_and_revoked_through_the_api_but_not_by_themselves(writer):
    first = ApiClient(token_for(writer))
    token_for(writer, "read")
    listed = first.get("/api/me/tokens").json()
    assert [t["scope"] for t in listed] == ["read", "read-write"]
    assert all("digest" not in t and len(t["prefix"]) == 11 for t in listed)
    own_id = listed[1]["id"]
    assert_error(first.delete(f"/api/me/tokens/{own_id}"), 409, "token_in_use")
    revoked = first.delete(f"/api/me/tokens/{listed[0]['id']}")
    assert revoked.status_code == 200 and revoked.json()["revoked_at"] is not None


def test_nobody_revokes_another_members_token(writer, other_member):
    theirs, _raw = token_create(user=other_member, name="theirs", scope="read")
    assert_error(
        ApiClient(token_for(writer)).delete(f"/api/me/tokens/{theirs.pk}"), 404, "not_found"
    )
    assert PersonalAccessToken.objects.get(pk=theirs.pk).revoked_at is None
