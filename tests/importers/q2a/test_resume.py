"""An import killed half way (a real process, killed with SIGKILL) and started again ends
with exactly what an uninterrupted run gives; a bad source is refused with a clear message,
a non-zero exit and no traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError
from django.db import connection

from mindwell.importers.models import ImportedObject, ImportRun
from mindwell.qa.models import Post
from mindwell.votes.models import Vote
from tests.importers.q2a.conftest import run_import

ROOT = Path(__file__).resolve().parents[3]


def database_url() -> str:
    """The test database, for a command run in another process."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    user = settings.get("USER") or "postgres"
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    return (
        f"postgres://{user}{password}@{settings.get('HOST') or '127.0.0.1'}:"
        f"{settings.get('PORT') or 5432}/{settings['NAME']}"
    )


def command(*args: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "mindwell.config.settings.test",
        "PYTHONUNBUFFERED": "1",
    }
    return subprocess.Popen(  # noqa: S603 (our own arguments)
        [sys.executable, "-m", "mindwell", "import_q2a", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.django_db(transaction=True)
def test_killed_run_resumes_to_the_same_result(q2a_url: str, facts: dict[str, Any]) -> None:
    process = command("--source", q2a_url, "--batch-size", "50", "--skip-search-index")
    assert process.stdout is not None
    for line in process.stdout:
        # Every question is in; answers are being written: kill it there.
        if line.strip().startswith("questions: 152/152"):
            process.send_signal(signal.SIGSTOP)
            process.kill()
            break
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL

    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.RUNNING  # it never got to say it finished
    posts_before = ImportedObject.objects.filter(kind="post").count()
    assert 152 <= posts_before < 852
    assert Post.objects.count() == posts_before  # each batch committed with its id map

    output = run_import(q2a_url, "--batch-size", "50")
    assert "questions: 152 already imported" in output
    assert Post.objects.count() == ImportedObject.objects.filter(kind="post").count() == 852
    assert Vote.objects.count() == facts["votes"]["votes_nonzero"]
    assert "points: 41 equal to Question2Answer's" in output
    assert ImportRun.objects.latest("started_at").status == ImportRun.Status.FINISHED


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("source", "prefix", "message"),
    [
        ("mysql://root@127.0.0.1:1/x", "qa_", "Cannot connect to the Question2Answer database"),
        ("postgres://x@y/z", "qa_", "must look like mysql://"),
        ("mysql://root@127.0.0.1:3306/", "qa_", "names no database"),
        ("{url}", "nope_", "no Question2Answer tables with the prefix 'nope_'"),
        ("{url}", "qa_;drop", "is not valid"),
    ],
)
def test_bad_source_is_refused_clearly(
    q2a_url: str, source: str, prefix: str, message: str
) -> None:
    with pytest.raises(CommandError, match=message):
        run_import(source.format(url=q2a_url), "--prefix", prefix)
    assert not Post.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_unreachable_server_exits_non_zero_without_traceback() -> None:
    process = command("--source", "mysql://root@127.0.0.1:1/forum")
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 1
    assert "Cannot connect to the Question2Answer database at 127.0.0.1:1/forum" in stderr
    assert "Traceback" not in stderr
