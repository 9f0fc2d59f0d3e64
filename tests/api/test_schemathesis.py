"""schemathesis runs every operation of the live API (reads and writes, with a read-write
token of a member with points to spare): no server error, every response as the schema
says. The run fails this test when schemathesis reports anything."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.api.conftest import token_for
from tests.factories import make_answer, make_comment, make_question, make_user

SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
# Every check but positive_data_acceptance: a request can match the schema and still be
# refused for what only the server knows (a title shorter than the site's run-time minimum,
# a cursor whose signature does not verify), and those refusals are declared 4xx responses.
CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "missing_required_header",
    "unsupported_method",
    "allow_header_conformance",
    "use_after_free",
    "ensure_resource_availability",
    "ignored_auth",
]


@pytest.mark.django_db(transaction=True)
def test_every_operation_conforms(live_server, tmp_path):
    writer = make_user("schemawriter", points=5000)
    asker = make_user("schemaasker")
    for _ in range(3):
        question = make_question(author=asker, tags="anxiety sleep")
        answer = make_answer(question, author=asker)
        make_comment(answer, author=writer)
        make_comment(question, author=asker)
    make_question(author=writer)
    token = token_for(writer)
    result = subprocess.run(  # noqa: S603  # our own arguments, no shell
        [
            str(SCHEMATHESIS),
            "run",
            f"{live_server.url}/api/openapi.json",
            "--header",
            f"Authorization: Bearer {token}",
            "--continue-on-failure",
            "--checks",
            ",".join(CHECKS),
            "--max-examples",
            "5",
            # One worker: CPython 3.11's ast module is not safe across threads, and
            # hypothesis parses sources to describe its strategies.
            "--workers",
            "1",
            "--no-shrink",
            "--seed",
            "20261127",
            "--request-timeout",
            "30",
            "--report-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    output = result.stdout[-20000:] + result.stderr[-5000:]
    assert result.returncode == 0, output
    assert "26 selected" in output or "Tested:" in output, output
