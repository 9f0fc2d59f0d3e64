import os
import subprocess
import sys
from pathlib import Path

import pytest

from mindwell.config.env import database_config, email_config, env_bool

REPO = Path(__file__).resolve().parents[2]


def run_with_settings(module: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    environment.update(env, DJANGO_SETTINGS_MODULE=module)
    return subprocess.run(
        [sys.executable, "-m", "mindwell", "check", "--deploy", "--fail-level", "ERROR"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_the_default_secret():
    result = run_with_settings("mindwell.config.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_debug():
    result = run_with_settings(
        "mindwell.config.settings.production", DEBUG="1", SECRET_KEY="x" * 50
    )
    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr


def test_production_starts_with_a_real_secret():
    result = run_with_settings(
        "mindwell.config.settings.production",
        SECRET_KEY="q8Zr-Lw2v!Tn4pXe9Kc7Hb1Ym6Ud3Sg5Jf0Ra8Vi2Oq4Ws7Ez",
        ALLOWED_HOSTS="example.org",
    )
    assert result.returncode == 0, result.stderr


def test_sqlite_is_the_default_in_wal_mode(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = database_config(tmp_path / "db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def test_database_url_is_honoured(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://me:pw@db.internal:5433/forum")
    config = database_config(tmp_path / "unused.sqlite3")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.internal", 5433, "forum")


def test_email_url_forms():
    smtp = email_config("smtp+tls://user%40x:p%2Fw@mail.example:587")
    assert smtp["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
    assert (smtp["EMAIL_HOST"], smtp["EMAIL_PORT"], smtp["EMAIL_USE_TLS"]) == (
        "mail.example",
        587,
        True,
    )
    assert (smtp["EMAIL_HOST_USER"], smtp["EMAIL_HOST_PASSWORD"]) == ("user@x", "p/w")
    assert email_config("console:")["EMAIL_BACKEND"].endswith("console.EmailBackend")
    with pytest.raises(ValueError, match="EMAIL_URL"):
        email_config("carrier-pigeon://coop")


def test_env_bool_rejects_nonsense(monkeypatch):
    monkeypatch.setenv("DEBUG", "perhaps")
    with pytest.raises(ValueError, match="DEBUG"):
        env_bool("DEBUG")
