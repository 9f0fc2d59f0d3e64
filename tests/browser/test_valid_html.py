"""Every page of the tour is valid HTML, by the Nu Html Checker (vnu.jar, from npm).

The HTML checked is what the server sends (before any script runs), fetched as the person who
sees the page; the checker runs once for all of them. The 500 page is rendered by the site's
own `handler500` view, since no URL of the site fails on purpose.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from tests.browser.checkers import run_vnu
from tests.browser.tour import build_forum, by_person, server_error_html, tour_stops

pytestmark = pytest.mark.django_db


def test_every_page_of_the_tour_is_valid_html(tmp_path: Path) -> None:
    forum = build_forum()
    files: list[Path] = []
    wrong_status: list[str] = []
    for who, stops in by_person(tour_stops(forum)).items():
        client = Client()
        if who:
            client.force_login(forum.users[who])
        for stop in stops:
            response = client.get(stop.path, follow=True)  # as the browser does
            if response.status_code != stop.status:
                wrong_status.append(f"{stop.name}: {response.status_code}, not {stop.status}")
                continue
            assert response["Content-Type"].startswith("text/html"), stop.name
            files.append(tmp_path / f"{stop.name}.html")
            files[-1].write_bytes(response.content)
    files.append(tmp_path / "server-error.html")
    files[-1].write_text(server_error_html())
    assert wrong_status == []

    errors = run_vnu(files)

    report = "\n".join(
        f"{name}:\n  " + "\n  ".join(messages) for name, messages in sorted(errors.items())
    )
    assert errors == {}, f"the Nu Html Checker found errors:\n{report}"


def test_the_checker_reports_invalid_html(tmp_path: Path) -> None:
    """The check above can fail: the checker is really run, and its errors are read."""
    page = tmp_path / "broken.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head>'
        '<body><div aria-label="counts">1</div><time datetime="yesterday">then</time></body></html>'
    )
    errors = run_vnu([page])
    assert list(errors) == ["broken.html"]
    assert len(errors["broken.html"]) == 2, errors
