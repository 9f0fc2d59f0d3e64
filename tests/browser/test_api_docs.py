"""The docs page in Chromium: it draws every operation from this site's own files, under
the site's Content-Security-Policy, and asks no other host for anything."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.django_db(transaction=True)
def test_the_docs_page_renders_every_operation_locally(page: Any, request_log: Any) -> None:
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text or message.type == "error"
            else None
        ),
    )
    page.goto("/api/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=20_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/questions" in " ".join(paths)
    assert len(paths) >= 25
    assert request_log.foreign() == []
    assert request_log.broken_assets() == {}
    assert request_log.script_errors == []
    assert violations == []
