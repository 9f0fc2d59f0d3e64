"""The real Question2Answer fixture, loaded into a MariaDB database of its own for this test
run (a unique name, so runs on SQLite and PostgreSQL can go at the same time), and imported
into the test database once per test module."""

from __future__ import annotations

import io
import json
import os
import secrets
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pymysql
import pytest
from django.core.management import call_command

from tests.shared import SHARED

FIXTURES = Path(os.environ.get("MINDWELL_Q2A_FIXTURES") or SHARED / "fixtures" / "q2a")
MARIADB = {"host": "127.0.0.1", "port": 3306, "user": "root", "password": ""}


@pytest.fixture(scope="session")
def facts() -> dict[str, Any]:
    return json.loads((FIXTURES / "fixture-facts.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def q2a_url() -> Iterator[str]:
    """A fresh MariaDB database holding the fixture dump; dropped at the end."""
    name = f"mw_q2a_test_{os.getpid()}_{secrets.token_hex(3)}"
    server = pymysql.connect(**MARIADB)  # type: ignore[arg-type]
    with server.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8")
    try:
        with (FIXTURES / "q2a-fixture.sql").open("rb") as dump:
            subprocess.run(  # noqa: S603 (our own arguments)
                ["/usr/bin/mysql", "-h", MARIADB["host"], "-u", MARIADB["user"], name],
                stdin=dump,
                check=True,
                capture_output=True,
            )
        yield f"mysql://{MARIADB['user']}@{MARIADB['host']}:{MARIADB['port']}/{name}"
    finally:
        with server.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")
        server.close()


@pytest.fixture(scope="session")
def q2a_rows(q2a_url: str) -> Any:
    """Run a query on the Question2Answer database (to compare with what was imported)."""
    connection = pymysql.connect(
        **MARIADB,  # type: ignore[arg-type]
        database=q2a_url.rsplit("/", 1)[1],
        charset="utf8mb4",
        cursorclass=pymysql.cursors.DictCursor,
    )

    def query(sql: str) -> list[dict[str, Any]]:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return list(cursor.fetchall())

    yield query
    connection.close()


def run_import(url: str, *args: str) -> str:
    out = io.StringIO()
    call_command("import_q2a", "--source", url, *args, stdout=out)
    return out.getvalue()


def reset_database() -> None:
    """Empty the test database and put the migrations' rows back, as a transactional test
    leaves it, so the imported forum does not leak into other tests."""
    from tests.conftest import _empty_sqlite_search_index, _seed_reference_data

    call_command("flush", interactive=False, verbosity=0)
    _seed_reference_data()
    _empty_sqlite_search_index()


@pytest.fixture(scope="module")
def imported(django_db_setup: Any, django_db_blocker: Any, q2a_url: str) -> Iterator[str]:
    """The fixture imported (committed) once for the module; the output of the run."""
    with django_db_blocker.unblock():
        output = run_import(q2a_url)
    yield output
    with django_db_blocker.unblock():
        reset_database()
