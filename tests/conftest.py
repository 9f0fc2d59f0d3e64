import importlib
import os
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connections

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls made from
# the same thread by the tests themselves are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits and cached settings must not leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


def _seed_reference_data() -> None:
    """The rows the data migrations create (categories, pages, crisis lines, limits)."""
    from django.apps import apps

    for module, function in DATA_MIGRATIONS:
        getattr(importlib.import_module(f"mindwell.{module}"), function)(apps, None)


def _empty_sqlite_search_index() -> None:
    """The flush after a transactional test empties the model tables, but SQLite's FTS5 index
    is not a model table: rows a test indexed (an import, a live-server test) would outlive
    their posts and show up in the next test's index."""
    connection = connections["default"]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        if "search_fts" in connection.introspection.table_names(cursor):
            cursor.execute("DELETE FROM search_fts")


DATA_MIGRATIONS = [
    ("taxonomy.migrations.0002_seed_categories", "seed"),
    ("taxonomy.migrations.0004_support_category_defaults", "apply"),
    ("siteconfig.migrations.0002_default_pages", "create_pages"),
    ("siteconfig.migrations.0005_accessibility_statement", "create_statement"),
    ("safety.migrations.0002_default_crisis_resources", "seed"),
    ("moderation.migrations.0002_default_write_limits", "seed"),
    ("reputation.migrations.0004_seed_permission_rules", "seed"),
    ("reputation.migrations.0006_seed_points_settings_and_titles", "seed"),
    ("badges.migrations.0002_seed_badges", "seed"),
]


def _is_transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return (
        "live_server" in fixtures
        or "transactional_db" in fixtures
        or bool(marker and marker.kwargs.get("transaction"))
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """After a transactional test's flush, put the migrations' rows back so the tests that run
    next see the database as migrated."""
    result = yield
    if nextitem is not None and _is_transactional(item):
        blocker = item.session.config.stash.get(_BLOCKER_KEY, None)
        if blocker is not None:
            with blocker.unblock():
                _seed_reference_data()
                _empty_sqlite_search_index()
                # Hooks may run in another context than the tests (Playwright switches
                # greenlets), so this may be a connection of its own: close it, or
                # PostgreSQL refuses to drop the test database at the end.
                connections.close_all()
    return result


_BLOCKER_KEY = pytest.StashKey[Any]()


@pytest.fixture(scope="session", autouse=True)
def _remember_blocker(request: pytest.FixtureRequest, django_db_blocker: Any) -> None:
    request.config.stash[_BLOCKER_KEY] = django_db_blocker


@pytest.fixture
def member(db):
    from tests.factories import make_user

    return make_user("alice")


@pytest.fixture
def other_member(db):
    from tests.factories import make_user

    return make_user("bob")


@pytest.fixture
def question(db, member):
    from tests.factories import make_question

    return make_question(author=member, title="Is it normal to feel anxious every morning?")
