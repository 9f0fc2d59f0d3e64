"""The search backend for a database, chosen from its vendor."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.db import connections

from mindwell.search.backends.base import Hit, SearchBackend, SimilarRow


def get_backend(using: str = "default") -> SearchBackend:
    vendor = connections[using].vendor
    if vendor == "sqlite":
        from mindwell.search.backends.sqlite import SqliteBackend

        return SqliteBackend(using)
    if vendor == "postgresql":
        from mindwell.search.backends.postgres import PostgresBackend

        return PostgresBackend(using)
    raise ImproperlyConfigured(f"Mindwell's search supports SQLite and PostgreSQL, not {vendor}.")


__all__ = ["Hit", "SearchBackend", "SimilarRow", "get_backend"]
