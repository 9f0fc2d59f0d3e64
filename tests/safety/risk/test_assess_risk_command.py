"""`mindwell assess_risk`: JSON lines in, one JSON line out per post, bad lines reported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[3]


def run(lines: list[str]) -> list[dict]:
    out = StringIO()
    call_command("assess_risk", stdin=StringIO("\n".join(lines) + "\n"), stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_one_answer_per_post_in_order():
    answers = run(
        [
            json.dumps({"id": 1, "text": "I want to kill myself tonight"}),
            json.dumps({"id": "b", "text": "My back is killing me", "title": "Moving day"}),
            json.dumps({"id": 3, "text": "Please help", "title": "I want to end my life"}),
        ]
    )
    assert [a["id"] for a in answers] == [1, "b", 3]
    assert [a["level"] for a in answers] == ["crisis", "none", "crisis"]
    assert answers[0]["reasons"] == [
        {"rule": "explicit-intent", "phrase": "kill myself", "level": "crisis"}
    ]
    assert answers[1]["reasons"] == []


def test_bad_lines_get_an_error_and_the_stream_continues():
    answers = run(
        [
            "not json at all",
            "",
            "   ",
            "[1, 2, 3]",
            json.dumps({"id": 7}),
            json.dumps({"id": 8, "text": 42}),
            json.dumps({"id": 9, "text": "hi", "title": ["x"]}),
            json.dumps({"id": 10, "text": "I wish I could disappear"}),
        ]
    )
    assert answers[0]["id"] is None and "JSON" in answers[0]["error"]
    assert answers[1] == {"id": None, "error": "expected a JSON object"}
    assert answers[2] == {"id": 7, "error": 'missing "text"'}
    assert answers[3] == {"id": 8, "error": '"text" must be a string'}
    assert answers[4] == {"id": 9, "error": '"title" must be a string'}
    assert answers[5]["id"] == 10 and answers[5]["level"] == "elevated"
    assert len(answers) == 6  # blank lines are skipped


def test_output_is_utf8_not_escaped():
    out = StringIO()
    line = json.dumps({"id": "é-1", "text": "Je veux me suicider"}, ensure_ascii=True)
    call_command("assess_risk", stdin=StringIO(line + "\n"), stdout=out)
    assert '"id": "é-1"' in out.getvalue()
    assert json.loads(out.getvalue())["level"] == "crisis"


def test_lone_surrogates_in_input_do_not_break_output():
    answers = run(['{"id": "\\ud800", "text": "I want to die \\udfff"}'])
    assert answers[0]["level"] == "crisis"


def test_runs_as_a_console_command():
    lines = [
        json.dumps({"id": "c", "text": "I'm going to end my life tonight."}),
        json.dumps({"id": "i", "text": "I nearly died laughing at the wedding speech."}),
        "{broken",
    ]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "mindwell.config.settings.test"}
    done = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "mindwell", "assess_risk"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a.get("level") for a in answers] == ["crisis", "none", None]
    assert answers[2]["id"] is None and "error" in answers[2]
