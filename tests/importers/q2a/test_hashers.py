"""Members imported from Question2Answer log in with their old password, which is then stored
again with the site's own hasher. The bcrypt hashes are the real ones from the fixture dump,
made by Question2Answer's PHP; the SHA-1 digests were computed outside Python (sha1sum)."""

from __future__ import annotations

import re

import bcrypt
import pytest
from django.contrib.auth.hashers import check_password, get_hasher, identify_hasher
from django.test import override_settings

from mindwell.accounts.models import User
from mindwell.config.settings import base
from mindwell.importers.q2a.hashers import Q2ABcryptPasswordHasher, Q2ASHA1PasswordHasher
from tests.accounts.auth_helpers import log_in
from tests.factories import make_user
from tests.importers.q2a.conftest import FIXTURES

FIXTURE = FIXTURES / "q2a-fixture.sql"


def fixture_passhash(handle: str) -> str:
    """`qa_users.passhash` of the member with this handle, read from the mysqldump."""
    for line in FIXTURE.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("INSERT INTO `qa_users` VALUES") and f",'{handle}'," in line:
            found = re.search(r"'(\$2y\$10\$[./A-Za-z0-9]{53})'", line)
            assert found, line
            return found.group(1)
    raise AssertionError(f"no member {handle} in {FIXTURE}")


SUPERADMIN = "q2a_bcrypt$" + fixture_passhash("superadmin")
CALM_RIVER = "q2a_bcrypt$" + fixture_passhash("calm_river")  # user1@example.org
# salt "abcdefgh12345678", password "hunter2": sha1("abcdefgh" + "hunter2" + "12345678").
SHA1_HUNTER2 = "q2a_sha1$abcdefgh12345678$a6d6527ea3f2e0b38e3a22b46324454ad9fd7b16"
# A non-ASCII password, hashed as UTF-8 bytes as PHP does.
SHA1_UMLAUTS = "q2a_sha1$Xy7Qp2LmZ9rT4vBn$e70a55352de5079d0f19b898b9e9d7f6bf012337"


def test_the_hashers_follow_the_preferred_one_in_both_settings_modules():
    from django.conf import settings

    for hashers in (base.PASSWORD_HASHERS, settings.PASSWORD_HASHERS):
        assert hashers[0] not in {
            "mindwell.importers.q2a.hashers.Q2ABcryptPasswordHasher",
            "mindwell.importers.q2a.hashers.Q2ASHA1PasswordHasher",
        }
        assert "mindwell.importers.q2a.hashers.Q2ABcryptPasswordHasher" in hashers[1:]
        assert "mindwell.importers.q2a.hashers.Q2ASHA1PasswordHasher" in hashers[1:]


def test_real_question2answer_bcrypt_hashes_verify():
    assert check_password("SuperAdmin#2024", SUPERADMIN)
    assert check_password("Passw0rd!0", CALM_RIVER)
    assert isinstance(identify_hasher(SUPERADMIN), Q2ABcryptPasswordHasher)


@pytest.mark.parametrize(
    "password", ["SuperAdmin#2025", "superadmin#2024", "", "SuperAdmin#2024x", "Passw0rd!0"]
)
def test_a_wrong_password_is_refused_by_the_bcrypt_hasher(password):
    assert not check_password(password, SUPERADMIN)


def test_the_sha1_scheme_verifies_salt_halves_around_the_password():
    assert check_password("hunter2", SHA1_HUNTER2)
    assert check_password("pässwört€", SHA1_UMLAUTS)
    assert isinstance(identify_hasher(SHA1_HUNTER2), Q2ASHA1PasswordHasher)
    # Upper-case hex (as MySQL's HEX() gives) is the same digest.
    upper_hex = "q2a_sha1$abcdefgh12345678$" + SHA1_HUNTER2.rsplit("$", 1)[1].upper()
    assert check_password("hunter2", upper_hex)


@pytest.mark.parametrize("password", ["hunter3", "Hunter2", "", "abcdefghhunter212345678"])
def test_a_wrong_password_is_refused_by_the_sha1_hasher(password):
    assert not check_password(password, SHA1_HUNTER2)


def test_the_sha1_hasher_encodes_what_it_verifies():
    hasher = get_hasher("q2a_sha1")
    assert hasher.encode("hunter2", "abcdefgh12345678") == SHA1_HUNTER2
    encoded = hasher.encode("another one", hasher.salt())
    assert hasher.verify("another one", encoded)
    assert not hasher.verify("another two", encoded)


def test_surrounding_white_space_is_ignored_as_question2answer_trimmed_it():
    assert check_password("  SuperAdmin#2024\t", SUPERADMIN)
    assert check_password(" hunter2 ", SHA1_HUNTER2)
    assert not check_password("Super Admin#2024", SUPERADMIN)


def test_bcrypt_reads_72_bytes_of_a_long_password_as_php_did():
    long_password = "x" * 72 + "tail that PHP never hashed"
    encoded = "q2a_bcrypt$" + bcrypt.hashpw(b"x" * 72, bcrypt.gensalt(4)).decode()
    assert check_password(long_password, encoded)
    assert not check_password("x" * 71, encoded)


@pytest.mark.parametrize(
    "encoded", ["q2a_bcrypt$", "q2a_bcrypt$$2y$10$short", "q2a_sha1$", "q2a_sha1$salt"]
)
def test_a_malformed_stored_hash_refuses_instead_of_failing(encoded):
    assert not check_password("anything", encoded)


def test_both_must_be_upgraded_and_summaries_are_masked():
    bcrypt_hasher, sha1_hasher = get_hasher("q2a_bcrypt"), get_hasher("q2a_sha1")
    assert bcrypt_hasher.must_update(SUPERADMIN) and sha1_hasher.must_update(SHA1_HUNTER2)
    summary = bcrypt_hasher.safe_summary(SUPERADMIN)
    assert summary["work factor"] == 10
    shown = " ".join(str(value) for value in summary.values())
    assert SUPERADMIN.split("$")[-1][:22] not in shown
    assert SUPERADMIN.split("$")[-1][22:] not in shown
    sha1_summary = " ".join(str(v) for v in sha1_hasher.safe_summary(SHA1_HUNTER2).values())
    assert "a6d6527ea3f2" not in sha1_summary and "abcdefgh1234" not in sha1_summary


def _imported_member(username: str, encoded: str) -> User:
    member = make_user(username)
    User.objects.filter(pk=member.pk).update(password=encoded)
    return member


@pytest.mark.django_db
def test_logging_in_with_the_old_password_upgrades_the_stored_hash(client):
    member = _imported_member("superadmin_q2a", SUPERADMIN)

    response = log_in(client, "superadmin_q2a", "SuperAdmin#2024")

    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").context["user"].pk == member.pk
    stored = User.objects.get(pk=member.pk).password
    assert stored != SUPERADMIN
    assert stored.startswith("md5$")  # the test settings' preferred hasher
    assert check_password("SuperAdmin#2024", stored)


@pytest.mark.django_db
@override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)
def test_with_the_real_settings_an_old_sha1_password_becomes_argon2(client):
    member = _imported_member("old_timer", SHA1_HUNTER2)

    assert log_in(client, "old_timer", "hunter2")["Location"] == "/"

    stored = User.objects.get(pk=member.pk).password
    assert stored.startswith("argon2$argon2id$")
    assert check_password("hunter2", stored)


@pytest.mark.django_db
def test_a_wrong_password_at_the_login_page_changes_nothing(client):
    member = _imported_member("calm_river", CALM_RIVER)

    response = log_in(client, "calm_river", "Passw0rd!1")

    assert response.status_code == 200  # the form again, with its error
    assert "_auth_user_id" not in client.session
    assert User.objects.get(pk=member.pk).password == CALM_RIVER
