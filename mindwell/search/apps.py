from typing import Any

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "mindwell.search"
    label = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from mindwell.search.backends.sqlite import register_functions

        # SQLite computes the indexed plain text with Python functions registered on each
        # connection, so a rebuild can be one INSERT … SELECT per batch.
        connection_created.connect(register_functions, dispatch_uid="mindwell-search-sqlite")
        connection_created.connect(_postgres_without_jit, dispatch_uid="mindwell-search-jit")


def _postgres_without_jit(sender: Any, connection: Any, **kwargs: Any) -> None:
    """PostgreSQL compiles a query to machine code (JIT) when its estimated cost is high.
    A search's ranked statement has branches the planner costs highly but never runs (see
    backends.postgres), and compiling them took 300-400 ms of a 20 ms query at a million
    posts. This site only runs short queries, which JIT never speeds up, so it is turned
    off for the connection (settable per database as DATABASES OPTIONS "-c jit=off")."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SET jit = off")
