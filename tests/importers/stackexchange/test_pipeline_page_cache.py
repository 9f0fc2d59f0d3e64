"""An import ends by refreshing every cached anonymous page: the importer writes in bulk, so
no per-post signal tells the page cache, and a list or question page cached before the run
would otherwise go on showing the site as it was."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from mindwell.importers.stackexchange.pipeline import import_dump
from tests.core.pagecache.helpers import visitor, x_cache

from .helpers import SYNTHETIC

pytestmark = pytest.mark.django_db

_visits = iter(range(1, 10_000))


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.MINDWELL_PAGE_CACHE = True
    settings.MINDWELL_PAGE_CACHE_SECONDS = 300


def _cached(url: str) -> None:
    visitor(next(_visits)).get(url)
    assert x_cache(visitor(next(_visits)).get(url)) == "hit"


def test_pages_cached_before_an_import_are_rendered_afresh_after_it(
    question, django_capture_on_commit_callbacks
):
    url = question.get_absolute_url()
    _cached("/")
    _cached(url)
    # Into an existing category, so that no category row is created (whose own save would
    # refresh the pages and hide a missing refresh at the end of the run).
    # The test runs in one transaction: run the import's on-commit work as a commit would.
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "import_stackexchange", str(SYNTHETIC), "--category", "psychology", stdout=StringIO()
        )
    response = visitor(next(_visits)).get("/")
    assert x_cache(response) == "miss"
    assert "mindful.stackexchange.com" not in response.content.decode()  # no attribution on lists
    assert x_cache(visitor(next(_visits)).get(url)) == "miss"


def test_a_dry_run_leaves_cached_pages_alone(question, django_capture_on_commit_callbacks):
    url = question.get_absolute_url()
    _cached(url)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        import_dump(folder=SYNTHETIC, category_slug="psychology", dry_run=True, out=StringIO())
    assert callbacks == []  # rolled back with the rows
    assert x_cache(visitor(next(_visits)).get(url)) == "hit"
