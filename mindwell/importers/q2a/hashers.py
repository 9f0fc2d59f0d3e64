"""Password hashers for members brought over from Question2Answer, so they log in with the
password they already have.

The Question2Answer importer stores each member's old hash under one of two prefixes:

``q2a_bcrypt$<passhash>``
    Question2Answer 1.6 and later: PHP's ``password_hash`` (bcrypt, ``$2y$10$…``).
``q2a_sha1$<passsalt>$<hex of passcheck>``
    Older accounts: ``passcheck = SHA1(salt[:8] + password + salt[8:])``, 20 raw bytes.

Both are listed after the preferred hasher in ``PASSWORD_HASHERS``: Django checks the old
hash once, at the first successful login, and stores the password again with the preferred
hasher. Neither is ever used for a new password.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import TYPE_CHECKING, Any

import bcrypt
from django.contrib.auth.hashers import BasePasswordHasher, mask_hash
from django.utils.crypto import get_random_string

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

# What Django's safe_summary returns (labels may be lazy translations).
Summary = dict["str | StrPromise", Any]

# PHP's trim(): Question2Answer trimmed every posted field, passwords included, both when the
# password was set and at login, so the stored hash is of the trimmed text.
_PHP_TRIM = " \t\n\r\0\x0b"
# PHP's bcrypt reads at most 72 bytes of the password; the bcrypt package refuses longer ones.
_BCRYPT_MAX_BYTES = 72


def _candidates(password: str) -> list[bytes]:
    """The typed password, and the trimmed one Question2Answer would have hashed."""
    raw = password.encode()
    trimmed = password.strip(_PHP_TRIM).encode()
    return [raw] if trimmed == raw else [raw, trimmed]


class Q2ABcryptPasswordHasher(BasePasswordHasher):
    """PHP ``password_hash`` hashes from Question2Answer's ``qa_users.passhash``."""

    algorithm = "q2a_bcrypt"

    def salt(self) -> str:
        return bcrypt.gensalt(rounds=10).decode()

    def encode(self, password: str, salt: str) -> str:
        # Only for completeness and tests: imported hashes arrive already encoded.
        if password is None:
            raise TypeError("password must be provided.")
        hashed = bcrypt.hashpw(password.encode()[:_BCRYPT_MAX_BYTES], salt.encode()).decode()
        return f"{self.algorithm}${hashed}"

    def decode(self, encoded: str) -> dict[str, Any]:
        algorithm, hashed = encoded.split("$", 1)
        assert algorithm == self.algorithm
        # "$2y$10$" + 22 characters of salt + 31 of checksum.
        _, variant, cost, rest = hashed.split("$", 3)
        return {
            "algorithm": algorithm,
            "variant": variant,
            "work_factor": int(cost),
            "salt": rest[:22],
            "checksum": rest[22:],
            "hash": hashed,
        }

    def verify(self, password: str, encoded: str) -> bool:
        try:
            hashed = self.decode(encoded)["hash"].encode()
        except (ValueError, AssertionError):
            return False
        for candidate in _candidates(password):
            try:
                # checkpw compares in constant time.
                if bcrypt.checkpw(candidate[:_BCRYPT_MAX_BYTES], hashed):
                    return True
            except ValueError:  # a malformed stored hash, or a NUL byte in the password
                return False
        return False

    def safe_summary(self, encoded: str) -> Summary:
        decoded = self.decode(encoded)
        return {
            "algorithm": decoded["algorithm"],
            "variant": decoded["variant"],
            "work factor": decoded["work_factor"],
            "salt": mask_hash(decoded["salt"]),
            "checksum": mask_hash(decoded["checksum"]),
        }

    def must_update(self, encoded: str) -> bool:
        return True

    def harden_runtime(self, password: str, encoded: str) -> None:
        # Never the preferred hasher, so Django never asks this one to pad a check's time.
        pass


class Q2ASHA1PasswordHasher(BasePasswordHasher):
    """Question2Answer's salted SHA-1 (``qa_users.passsalt`` and ``passcheck``), used by
    accounts whose password was last set before version 1.6."""

    algorithm = "q2a_sha1"

    def salt(self) -> str:
        # Question2Answer's salts were 16 random letters and digits.
        return get_random_string(16)

    def encode(self, password: str, salt: str) -> str:
        if password is None:
            raise TypeError("password must be provided.")
        if not salt or "$" in salt:
            raise ValueError("salt must be provided and cannot contain $.")
        return f"{self.algorithm}${salt}${self._passcheck(password.encode(), salt)}"

    @staticmethod
    def _passcheck(password: bytes, salt: str) -> str:
        # PHP's substr counts bytes; the salt is ASCII, so characters are bytes here.
        salt_bytes = salt.encode()
        return hashlib.sha1(salt_bytes[:8] + password + salt_bytes[8:]).hexdigest()  # noqa: S324

    def decode(self, encoded: str) -> dict[str, Any]:
        algorithm, salt, passcheck = encoded.split("$", 2)
        assert algorithm == self.algorithm
        return {"algorithm": algorithm, "salt": salt, "hash": passcheck.lower()}

    def verify(self, password: str, encoded: str) -> bool:
        try:
            decoded = self.decode(encoded)
        except (ValueError, AssertionError):
            return False
        expected = decoded["hash"].encode()
        matches = [
            hmac.compare_digest(self._passcheck(candidate, decoded["salt"]).encode(), expected)
            for candidate in _candidates(password)
        ]
        return any(matches)

    def safe_summary(self, encoded: str) -> Summary:
        decoded = self.decode(encoded)
        return {
            "algorithm": decoded["algorithm"],
            "salt": mask_hash(decoded["salt"], show=2),
            "hash": mask_hash(decoded["hash"]),
        }

    def must_update(self, encoded: str) -> bool:
        return True

    def harden_runtime(self, password: str, encoded: str) -> None:
        pass
