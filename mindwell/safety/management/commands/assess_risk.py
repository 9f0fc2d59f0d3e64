"""Assess crisis risk for a stream of posts: JSON lines in, JSON lines out.

Each input line is an object {"id": ..., "text": "...", "title": "..." (optional)}. For
each, one line {"id": ..., "level": "none|elevated|crisis", "reasons": [{"rule", "phrase",
"level"}, ...]} is written and flushed at once, so the command can sit in a pipeline and
answer as posts arrive. A line that cannot be assessed (not JSON, not an object, no "text",
"text" or "title" not a string) gets {"id": <its id or null>, "error": "..."} and the
stream carries on; blank lines are skipped. The exit status is 0 unless the command itself
fails. Output is UTF-8 (non-ASCII characters are written as themselves).

    mindwell assess_risk < posts.jsonl > levels.jsonl
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from typing import IO, Any

from django.core.management.base import BaseCommand

from mindwell.safety.risk import assess


class Command(BaseCommand):
    help = (
        'Read JSON lines {"id", "text", "title"?} from stdin and write one JSON line per '
        'post with its crisis risk level and reasons ({"id", "level", "reasons"}); bad lines '
        'get {"id", "error"}.'
    )
    # call_command(..., stdin=StringIO(...)) passes the input stream in tests.
    stealth_options = ("stdin",)
    # Pure text processing: no models involved, so start answering without system checks.
    requires_system_checks: list[str] = []

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdin: IO[str] | None = options.get("stdin")
        self._utf8_stdout()
        for raw in self._lines():
            if not raw.strip():
                continue
            self.stdout.write(json.dumps(self._answer(raw), ensure_ascii=False))
            self.stdout.flush()

    def _lines(self) -> Iterator[str]:
        """Input lines, one at a time as they arrive (no read-ahead of the whole stream)."""
        if self.stdin is not None:
            yield from iter(self.stdin.readline, "")
            return
        # Real stdin: read bytes and decode as UTF-8 whatever the locale says.
        for line in iter(sys.stdin.buffer.readline, b""):
            yield line.decode("utf-8", "replace")

    def _utf8_stdout(self) -> None:
        out = getattr(self.stdout, "_out", None)
        if out is sys.stdout and isinstance(out, io.TextIOWrapper) and out.encoding != "utf-8":
            out.reconfigure(encoding="utf-8")

    def _answer(self, raw: str) -> dict[str, Any]:
        try:
            item = json.loads(raw)
        except ValueError as exc:
            return {"id": None, "error": f"not valid JSON: {exc}"}
        if not isinstance(item, dict):
            return {"id": None, "error": "expected a JSON object"}
        ident = item.get("id")
        if "text" not in item:
            return {"id": ident, "error": 'missing "text"'}
        text, title = item["text"], item.get("title", "")
        if not isinstance(text, str):
            return {"id": ident, "error": '"text" must be a string'}
        if title is None:
            title = ""
        if not isinstance(title, str):
            return {"id": ident, "error": '"title" must be a string'}
        result = assess(_clean(text), title=_clean(title)).as_dict()
        return {"id": ident, **result}


def _clean(value: str) -> str:
    # JSON may carry lone surrogates ("\ud800"); the assessor copes, but keep output encodable.
    return value.encode("utf-8", "replace").decode("utf-8")
