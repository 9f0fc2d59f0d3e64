"""Bad input: a clear one-line error, a non-zero exit, no traceback, nothing half-written."""

from __future__ import annotations

import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from mindwell.importers.models import ImportedObject, ImportRun
from mindwell.qa.models import Post

from .helpers import FIXTURES, SYNTHETIC
from .subprocess_helpers import mindwell


def fails(*args: str) -> tuple[int, str, str]:
    process = mindwell("import_stackexchange", *args)
    out, err = process.communicate(timeout=120)
    return process.returncode, out, err


@pytest.mark.django_db(transaction=True)
def test_a_missing_folder_exits_with_a_clear_error(tmp_path):
    code, _, err = fails(str(tmp_path / "missing"), "--site", "a.stackexchange.com")
    assert code == 1
    assert "There is no folder" in err and "Traceback" not in err
    code, _, err = fails(str(tmp_path), "--site", "a.stackexchange.com")
    assert code == 1
    assert "has no Posts.xml" in err and "Traceback" not in err
    assert not ImportRun.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_malformed_xml_exits_with_the_place_and_writes_no_half_batch(tmp_path):
    code, out, err = fails(str(FIXTURES / "broken"), "--site", "broken.stackexchange.com")
    assert code == 1 and "Traceback" not in err, err
    assert "Posts.xml is not well-formed XML (line 5" in err, err
    assert "run the command again to carry on" in err
    # The bad row was in the first batch: that batch rolled back as a whole.
    assert not Post.objects.exists() and not ImportedObject.objects.exists()
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED and "not well-formed" in run.error


def test_a_bad_batch_size_is_refused(db):
    with pytest.raises(CommandError, match="--batch-size must be at least 1"):
        call_command("import_stackexchange", str(SYNTHETIC), "--batch-size", "0")


def test_a_file_broken_half_way_keeps_whole_batches_and_the_next_run_finishes(db, tmp_path):
    dump = tmp_path / "mindful.stackexchange.com"
    shutil.copytree(SYNTHETIC, dump)
    good = (dump / "Comments.xml").read_text()
    lines = good.splitlines()
    # Two good comments, then the file ends in the middle of a row.
    (dump / "Comments.xml").write_text("\n".join(lines[:4]) + '\n  <row Id="3" PostId=')
    with pytest.raises(CommandError, match="Comments.xml is not well-formed"):
        call_command("import_stackexchange", str(dump), "--batch-size", "1", stdout=StringIO())
    assert ImportRun.objects.get().status == ImportRun.Status.FAILED
    assert ImportedObject.objects.filter(kind="comment").count() == 2
    assert Post.objects.filter(kind="C").count() == 2
    (dump / "Comments.xml").write_text(good)
    out = StringIO()
    call_command("import_stackexchange", str(dump), stdout=out)
    assert "comment: 2 already, 1 imported, 1 skipped" in out.getvalue()
    assert Post.objects.filter(kind="C").count() == 3
    assert ImportRun.objects.filter(status=ImportRun.Status.FINISHED).count() == 1
