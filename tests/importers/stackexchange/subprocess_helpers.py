"""Running the real `mindwell` command in a child process against the test database."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

from django.db import connection


def database_url() -> str:
    """The test database as a DATABASE_URL, for a child process to use."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    user = settings.get("USER") or "postgres"
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    return f"postgres://{user}@{host}:{port}/{settings['NAME']}"


def mindwell(*args: str, **kwargs: Any) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "mindwell.config.settings.test",
    }
    return subprocess.Popen(  # noqa: S603 - our own command, arguments from the tests
        [sys.executable, "-m", "mindwell", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )
