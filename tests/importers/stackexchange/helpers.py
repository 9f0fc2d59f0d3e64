"""Shared by the Stack Exchange importer tests: fixture paths and generated dumps."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import quoteattr

from tests.shared import SHARED as SHARED_DIR

FIXTURES = Path(__file__).parent / "fixtures"
SYNTHETIC = FIXTURES / "mindful.stackexchange.com"
SHARED = SHARED_DIR / "fixtures" / "stackexchange"


def write_posts(
    path: Path, *, questions: int, answers_each: int = 0, body_bytes: int = 200
) -> None:
    """A Posts.xml of `questions` questions, each with `answers_each` answers, written row by
    row (a test must not build the large file in memory either)."""
    filler = ("Sleep comes easier after a walk. " * (body_bytes // 32 + 1))[:body_bytes]
    body = quoteattr(f"<p>{filler}</p>")
    next_id = 1
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<posts>\n')
        for n in range(questions):
            qid = next_id
            next_id += 1
            out.write(
                f'  <row Id="{qid}" PostTypeId="1" CreationDate="2019-01-01T00:00:00.000" '
                f'Score="{n % 7}" ViewCount="{n}" Title="Generated question number {n}" '
                f'Tags="&lt;sleep&gt;" OwnerDisplayName="writer{n % 50}" Body={body} />\n'
            )
            for _ in range(answers_each):
                out.write(
                    f'  <row Id="{next_id}" PostTypeId="2" ParentId="{qid}" Score="1" '
                    f'CreationDate="2019-01-02T00:00:00.000" OwnerDisplayName="helper" '
                    f"Body={body} />\n"
                )
                next_id += 1
        out.write("</posts>\n")
