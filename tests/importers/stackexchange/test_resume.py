"""A run killed half way (SIGKILL, a real child process) is finished by the next run, with
nothing twice and nothing missing."""

from __future__ import annotations

import signal
import time
from io import StringIO

import pytest
from django.core.management import call_command

from mindwell.importers.models import ImportedAttribution, ImportedObject, ImportRun
from mindwell.qa.models import Post, PostKind

from .helpers import write_posts
from .subprocess_helpers import mindwell

QUESTIONS = 1500


@pytest.mark.django_db(transaction=True)
def test_a_killed_import_resumes_where_it_stopped(tmp_path):
    dump = tmp_path / "generated.stackexchange.com"
    dump.mkdir()
    write_posts(dump / "Posts.xml", questions=QUESTIONS, answers_each=1)
    process = mindwell("import_stackexchange", str(dump), "--batch-size", "50")
    try:
        deadline = time.monotonic() + 120
        while ImportedObject.objects.filter(kind="post").count() < 300:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the import did not start"
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    killed = ImportRun.objects.get()
    assert killed.status == ImportRun.Status.RUNNING  # it had no chance to say anything
    done = ImportedObject.objects.filter(kind="post").count()
    assert 300 <= done < 2 * QUESTIONS
    # Every committed batch is whole: each remembered post exists with its attribution.
    assert Post.objects.count() == done == ImportedAttribution.objects.count()

    out = StringIO()
    call_command("import_stackexchange", str(dump), stdout=out)
    report = out.getvalue()
    assert "finished" in report
    questions = Post.objects.filter(kind=PostKind.QUESTION)
    assert questions.count() == QUESTIONS
    assert Post.objects.filter(kind=PostKind.ANSWER).count() == QUESTIONS
    assert ImportedObject.objects.filter(kind="post").count() == 2 * QUESTIONS
    assert not questions.exclude(answer_count=1).exists()
    assert ImportedAttribution.objects.count() == 2 * QUESTIONS
