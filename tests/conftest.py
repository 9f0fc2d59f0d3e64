import os

import pytest
from django.core.cache import cache

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls made from
# the same thread by the tests themselves are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits and cached settings must not leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


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
