"""One fast settings module for the test suite."""

import os

from mindwell.config.settings.base import *  # noqa: F403
from mindwell.config.settings.base import DATA_DIR, DATABASES
from mindwell.core.tasks import IMMEDIATE_BACKEND, tasks_setting

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    # Imported Question2Answer passwords (tests/importers/q2a/test_hashers.py).
    "mindwell.importers.q2a.hashers.Q2ABcryptPasswordHasher",
    "mindwell.importers.q2a.hashers.Q2ASHA1PasswordHasher",
]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# Tasks run in the test's own process as they are enqueued; services enqueue on commit, so
# they run after the commit as a worker would (tests/core/test_tasks.py runs a real worker).
TASKS = tasks_setting(IMMEDIATE_BACKEND)
WHITENOISE_AUTOREFRESH = True

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not the shared-cache memory database: threads (the live server, the
    # concurrent-vote test) then wait on SQLite's busy timeout instead of failing at once.
    DATABASES["default"]["TEST"] = {
        "NAME": str(DATA_DIR / f"test-{os.getpid()}.sqlite3"),
    }

# Buffered view counts are flushed by the request that finds a flush due, which adds a query
# to that one request; tests that count queries must not depend on the clock. The view
# counting tests turn it on themselves.
MINDWELL_VIEW_FLUSH_SECONDS = 0

# The page cache is off; its tests turn it on (tests/core/pagecache/).
MINDWELL_PAGE_CACHE = False
# A TEST mirror of the default database, for the read-replica router's tests
# (tests/core/test_db_router.py). Nothing is routed to it unless a test turns the router on.
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
