"""Two-factor authentication with an authenticator app (allauth.mfa, TOTP per RFC 6238) and
recovery codes, end to end through the pages: set up, log in with a code, the pages being for
staff only, and the setting that requires it of administrators.

The codes are computed here from the secret shown on the set-up page, independently of
allauth, as an authenticator app would."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import struct
import time

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.test import override_settings

from tests.accounts.auth_helpers import log_in, text, words
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

ACTIVATE = "/accounts/2fa/totp/activate/"
AUTHENTICATE = "/accounts/2fa/authenticate/"


def totp(secret: str, at: float | None = None) -> str:
    """RFC 6238: HMAC-SHA1 over the 30-second counter, dynamically truncated to 6 digits."""
    key = base64.b32decode(secret, casefold=True)
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = (int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF) % 1_000_000
    return f"{value:06d}"


def wrong(code: str) -> str:
    return f"{(int(code) + 500_000) % 1_000_000:06d}"


def secret_on(page: str) -> str:
    match = re.search(r'id="totp-secret" type="text" value="([A-Z2-7=]+)"', page)
    assert match, "no secret key on the set-up page"
    return match.group(1)


def open_set_up_page(client) -> str:
    """Open the set-up page; allauth first asks for the password again, as a person would
    type it."""
    response = client.get(ACTIVATE)
    if response.status_code == 302:
        assert response["Location"].startswith("/accounts/reauthenticate/")
        confirm_page = client.get(response["Location"])
        assert "Confirm it is you" in text(confirm_page)
        back = client.post(response["Location"], {"password": PASSWORD})
        assert back["Location"] == ACTIVATE
        response = client.get(ACTIVATE)
    assert response.status_code == 200
    return text(response)


def set_up_two_factor(client, user) -> tuple[str, list[str]]:
    """Log in and turn on two-factor authentication through the pages; returns the secret
    and the recovery codes shown."""
    assert log_in(client, user.username)["Location"] == "/"
    page = open_set_up_page(client)
    assert 'alt="QR code holding the secret key below, for your authenticator app"' in page
    assert 'src="data:image/svg+xml;base64,' in page  # drawn here; nothing fetched elsewhere
    secret = secret_on(page)
    response = client.post(ACTIVATE, {"code": totp(secret)})
    assert response.status_code == 302
    codes_page = text(client.get(response["Location"]))
    codes = re.findall(r"<li><code>(\w+)</code></li>", codes_page)
    assert len(codes) == 10
    client.post("/accounts/logout/")
    return secret, codes


# Transactional: allauth mails the member once the set-up is committed, during the request.
@pytest.mark.django_db(transaction=True)
def test_staff_set_up_an_authenticator_app_and_then_log_in_with_its_code(client):
    moderator = make_user("mo", is_staff=True)
    assert log_in(client, "mo")["Location"] == "/"
    index = words(client.get("/accounts/2fa/"))
    assert "Authenticator app Off." in index

    secret = secret_on(open_set_up_page(client))
    refused = client.post(ACTIVATE, {"code": wrong(totp(secret))})
    assert refused.status_code == 200
    assert "That code is not right." in text(refused)
    assert not Authenticator.objects.filter(user=moderator).exists()
    assert secret_on(text(refused)) == secret  # the same key, so the app's entry still works

    response = client.post(ACTIVATE, {"code": totp(secret)})
    assert response["Location"] == "/accounts/2fa/recovery-codes/"
    assert set(Authenticator.objects.filter(user=moderator).values_list("type", flat=True)) == {
        Authenticator.Type.TOTP,
        Authenticator.Type.RECOVERY_CODES,
    }
    # The member hears of it by email, in case it was not them.
    (notice,) = mail.outbox
    assert notice.subject == "[Mindwellnessforum] Two-factor authentication is on"
    assert notice.to == ["mo@example.test"]
    assert "Authenticator app On." in words(client.get("/accounts/2fa/"))

    client.post("/accounts/logout/")
    response = log_in(client, "mo")
    assert response["Location"] == AUTHENTICATE
    assert not client.get("/").context["user"].is_authenticated  # the password is not enough
    assert "Two-factor code" in text(client.get(AUTHENTICATE))
    refused = client.post(AUTHENTICATE, {"code": wrong(totp(secret))})
    assert "That code is not right." in text(refused)
    assert client.post(AUTHENTICATE, {"code": totp(secret)})["Location"] == "/"
    assert client.get("/").context["user"] == moderator


def test_a_code_works_once_and_recovery_codes_stand_in_for_the_phone(client):
    moderator = make_user("mo", is_staff=True)
    secret, codes = set_up_two_factor(client, moderator)
    code = totp(secret)
    log_in(client, "mo")
    assert client.post(AUTHENTICATE, {"code": code})["Location"] == "/"
    client.post("/accounts/logout/")

    log_in(client, "mo")
    replayed = client.post(AUTHENTICATE, {"code": code})
    assert "That code is not right." in text(replayed)  # a seen code cannot be replayed
    assert client.post(AUTHENTICATE, {"code": codes[0]})["Location"] == "/"
    assert client.get("/").context["user"] == moderator
    assert "9 of 10 recovery codes are unused" in words(client.get("/accounts/2fa/"))


def test_members_are_told_two_factor_is_for_staff(client, member):
    client.force_login(member)
    for url in ("/accounts/2fa/", ACTIVATE, "/accounts/2fa/recovery-codes/"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "offered to moderators and administrators" in text(response)
    assert "Two-factor authentication</a>" not in text(client.get("/accounts/email/"))
    assert not Authenticator.objects.exists()


def test_staff_see_the_two_factor_page_in_their_account_menu(client):
    client.force_login(make_user("mo", is_staff=True))
    assert 'href="/accounts/2fa/">Two-factor authentication</a>' in text(
        client.get("/accounts/email/")
    )


def test_someone_who_has_it_can_still_turn_it_off_after_leaving_staff(client):
    former = make_user("former", is_staff=True)
    set_up_two_factor(client, former)
    former.is_staff = False
    former.save(update_fields=["is_staff"])
    client.force_login(former)
    assert client.get("/accounts/2fa/").status_code == 200


@override_settings(MINDWELL_REQUIRE_2FA_FOR_ADMINS=True)
def test_when_required_an_administrator_must_set_it_up_first(client):
    admin = make_user("root", is_staff=True, is_superuser=True)
    log_in(client, "root")
    response = client.get("/")
    assert response["Location"] == ACTIVATE
    page = client.get("/moderation/queue/", follow=True)
    assert page.redirect_chain[0][0] == ACTIVATE
    assert "This site asks administrators to use two-factor authentication." in text(page)
    assert client.get("/accounts/logout/").status_code == 200  # leaving stays possible

    secret = secret_on(open_set_up_page(client))
    client.post(ACTIVATE, {"code": totp(secret)})
    assert client.get("/").status_code == 200

    # It cannot then be turned off.
    refused = client.post("/accounts/2fa/totp/deactivate/")
    assert "Administrators on this site must use two-factor authentication" in text(refused)
    assert Authenticator.objects.filter(user=admin, type=Authenticator.Type.TOTP).exists()


@override_settings(MINDWELL_REQUIRE_2FA_FOR_ADMINS=True)
def test_the_requirement_is_for_administrators_only(client):
    client.force_login(make_user("mo", is_staff=True))
    assert client.get("/").status_code == 200
    client.force_login(make_user("plain"))
    assert client.get("/").status_code == 200


def test_without_the_setting_administrators_are_not_sent_to_set_up(client):
    client.force_login(make_user("root", is_staff=True, is_superuser=True))
    assert client.get("/").status_code == 200
