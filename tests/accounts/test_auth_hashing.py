"""Passwords are hashed with Argon2; older PBKDF2 hashes still work and are re-hashed with
Argon2 at the next login. (The rest of the suite uses the fast MD5 hasher; these tests switch
to the real list.)"""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import make_password
from django.test import override_settings

from mindwell.accounts.models import User
from mindwell.config.settings import base
from tests.accounts.auth_helpers import log_in, register
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

REAL_HASHERS = override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)


def test_argon2_comes_first_and_pbkdf2_stays_for_old_hashes():
    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert "django.contrib.auth.hashers.PBKDF2PasswordHasher" in base.PASSWORD_HASHERS


@REAL_HASHERS
def test_a_new_members_password_is_stored_with_argon2(client):
    register(client, "newcomer")
    stored = User.objects.get(username="newcomer").password
    assert stored.startswith("argon2$argon2id$")
    assert "correct-horse-battery-9" not in stored


@REAL_HASHERS
def test_a_pbkdf2_hash_is_upgraded_at_login(client):
    member = make_user("oldtimer")
    User.objects.filter(pk=member.pk).update(
        password=make_password(PASSWORD, hasher="pbkdf2_sha256")
    )
    assert User.objects.get(pk=member.pk).password.startswith("pbkdf2_sha256$")

    assert log_in(client, "oldtimer")["Location"] == "/"
    upgraded = User.objects.get(pk=member.pk)
    assert upgraded.password.startswith("argon2$")
    assert upgraded.check_password(PASSWORD)


@REAL_HASHERS
def test_a_changed_password_is_stored_with_argon2(client):
    member = make_user("changer")  # made here, so its first hash is Argon2 too
    client.force_login(member)
    client.post(
        "/accounts/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "fresh-long-pass-88",
            "password2": "fresh-long-pass-88",
        },
    )
    changed = User.objects.get(pk=member.pk)
    assert changed.check_password("fresh-long-pass-88")
    assert changed.password.startswith("argon2$")
