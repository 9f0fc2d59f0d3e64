import uuid

import pytest
from django.core.management import call_command
from django.db import connection


@pytest.mark.django_db
def test_ensure_database_creates_a_missing_postgres_database(capsys, monkeypatch):
    if connection.vendor != "postgresql":
        call_command("ensure_database")
        assert "not PostgreSQL" in capsys.readouterr().out
        return
    import psycopg

    name = f"mindwell_probe_{uuid.uuid4().hex[:10]}"
    monkeypatch.setitem(connection.settings_dict, "NAME", name)
    call_command("ensure_database")
    assert f"Created database '{name}'" in capsys.readouterr().out
    call_command("ensure_database")
    assert f"Database '{name}' exists" in capsys.readouterr().out
    monkeypatch.undo()
    settings = connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"], port=settings["PORT"] or 5432, user=settings["USER"],
        dbname="postgres", autocommit=True,
    ) as conn:  # fmt: skip
        conn.execute(f'DROP DATABASE "{name}"')
