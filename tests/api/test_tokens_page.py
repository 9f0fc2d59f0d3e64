"""The "API tokens" page of the account settings: make a token, see it once, revoke it."""

from __future__ import annotations

import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from mindwell.api.models import PersonalAccessToken
from mindwell.api.services import token_digest
from tests.api.conftest import ApiClient
from tests.factories import PASSWORD

URL = "/accounts/api-tokens/"


def logged_in(user) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_the_page_is_for_members(db):
    response = Client().get(URL)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_account_settings_navigation_links_to_it(member):
    page = logged_in(member).get("/accounts/password/change/").content.decode()
    assert f'href="{URL}"' in page and "API tokens" in page
    own = logged_in(member).get(URL).content.decode()
    assert f'href="{URL}" aria-current="page"' in own


def test_a_new_token_is_shown_once_stored_hashed_and_works(member):
    client = logged_in(member)
    response = client.post(URL, {"name": "my reader", "scope": "read"})
    assert response.status_code == 201
    page = response.content.decode()
    raw = re.search(r'class="token-value">(mw_[^<]+)<', page).group(1)
    token = PersonalAccessToken.objects.get()
    assert token.digest == token_digest(raw) and token.scope == "read" and token.user == member
    assert (
        "no-store" in response.get("Cache-Control", "") or "max-age=0" in response["Cache-Control"]
    )
    again = client.get(URL).content.decode()
    assert raw not in again and token.prefix in again and "my reader" in again
    assert ApiClient(raw).get("/api/me").json()["username"] == member.username


def test_a_bad_form_keeps_what_was_typed_and_says_why(member):
    response = logged_in(member).post(URL, {"name": "kept name", "scope": "everything"})
    assert response.status_code == 400
    assert 'value="kept name"' in response.content.decode()
    assert not PersonalAccessToken.objects.exists()


def test_revoking_on_the_page_stops_the_token(member, other_member):
    client = logged_in(member)
    page = client.post(URL, {"name": "phone", "scope": "read-write"}).content.decode()
    raw = re.search(r'class="token-value">(mw_[^<]+)<', page).group(1)
    token = PersonalAccessToken.objects.get()
    # Someone else cannot revoke it.
    assert logged_in(other_member).post(f"{URL}{token.pk}/revoke/").status_code == 404
    assert ApiClient(raw).get("/api/me").status_code == 200
    response = client.post(f"{URL}{token.pk}/revoke/", follow=True)
    assert "no longer works" in response.content.decode()
    assert ApiClient(raw).get("/api/me").status_code == 401
    assert "revoked" in client.get(URL).content.decode()


def test_the_page_reads_a_fixed_number_of_queries(member):
    client = logged_in(member)
    for n in range(2):
        client.post(URL, {"name": f"token {n}", "scope": "read"})
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for n in range(6):
        client.post(URL, {"name": f"more {n}", "scope": "read"})
    with CaptureQueriesContext(connection) as many:
        client.get(URL)
    assert len(many) == len(few)
