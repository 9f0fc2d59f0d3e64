"""Reading configuration from the environment, with defaults that are safe for local use."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ValueError(f"{name} must be one of {sorted(TRUE_WORDS | FALSE_WORDS)}, not {raw!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def database_config(default_sqlite_path: Path) -> dict[str, Any]:
    """DATABASE_URL, or a SQLite file in the local data folder."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        url = f"sqlite:///{default_sqlite_path}"
    config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            # BEGIN IMMEDIATE takes the write lock up front, so concurrent writers queue on
            # the busy timeout instead of failing half-way through a transaction.
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
        }
    return config


def email_config(url: str) -> dict[str, Any]:
    """Turn EMAIL_URL (smtp://user:pass@host:port, smtp+tls://…, console:, locmem:, file:/path)
    into Django email settings."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    backends = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "file": "django.core.mail.backends.filebased.EmailBackend",
        "dummy": "django.core.mail.backends.dummy.EmailBackend",
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtp+tls": "django.core.mail.backends.smtp.EmailBackend",
        "smtps": "django.core.mail.backends.smtp.EmailBackend",
    }
    if scheme not in backends:
        raise ValueError(f"EMAIL_URL scheme must be one of {sorted(backends)}, not {scheme!r}")
    config: dict[str, Any] = {"EMAIL_BACKEND": backends[scheme]}
    if scheme == "file":
        config["EMAIL_FILE_PATH"] = parts.path
    if scheme.startswith("smtp"):
        query = parse_qs(parts.query)
        config.update(
            EMAIL_HOST=parts.hostname or "localhost",
            EMAIL_PORT=parts.port or (465 if scheme == "smtps" else 25),
            EMAIL_HOST_USER=unquote(parts.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
            EMAIL_USE_TLS=scheme == "smtp+tls" or query.get("tls") == ["1"],
            EMAIL_USE_SSL=scheme == "smtps" or query.get("ssl") == ["1"],
        )
    return config


def replica_configs(urls: list[str]) -> dict[str, dict[str, Any]]:
    """DATABASE_REPLICA_URL's databases, as aliases "replica", "replica2"… (routed by
    mindwell.core.db_router)."""
    return {
        "replica" if number == 1 else f"replica{number}": dict(
            dj_database_url.parse(url, conn_max_age=60)
        )
        for number, url in enumerate(urls, start=1)
    }


def upload_storage() -> dict[str, Any]:
    """Where uploads go: an S3-compatible bucket when MINDWELL_S3_BUCKET is set (any app
    server then sees every upload), else MEDIA_ROOT on this machine."""
    bucket = env_str("MINDWELL_S3_BUCKET")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options: dict[str, Any] = {
        "bucket_name": bucket,
        # Uploads are private: pictures are streamed by the site, never linked to the bucket.
        "default_acl": "private",
        "querystring_auth": True,
        "file_overwrite": False,
        "location": env_str("MINDWELL_S3_PREFIX", "media"),
    }
    for option, variable in (
        ("endpoint_url", "MINDWELL_S3_ENDPOINT_URL"),
        ("region_name", "MINDWELL_S3_REGION"),
        ("access_key", "MINDWELL_S3_ACCESS_KEY_ID"),
        ("secret_key", "MINDWELL_S3_SECRET_ACCESS_KEY"),
    ):
        if env_str(variable):
            options[option] = env_str(variable)
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
