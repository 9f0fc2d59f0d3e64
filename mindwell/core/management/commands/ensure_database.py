"""Create the configured PostgreSQL database when it does not exist yet, so that
`DATABASE_URL=postgres://… make run` works on a fresh server. SQLite needs nothing."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connections


class Command(BaseCommand):
    help = "Create the PostgreSQL database named in DATABASE_URL if it is missing."

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        settings = connections["default"].settings_dict
        if settings["ENGINE"] != "django.db.backends.postgresql":
            self.stdout.write("Nothing to do: the database is not PostgreSQL.")
            return
        import psycopg
        from psycopg import sql

        name = settings["NAME"]
        params = {
            "host": settings.get("HOST") or None,
            "port": settings.get("PORT") or None,
            "user": settings.get("USER") or None,
            "password": settings.get("PASSWORD") or None,
            "dbname": "postgres",
            "autocommit": True,
        }
        try:
            with psycopg.connect(**{k: v for k, v in params.items() if v is not None}) as conn:
                exists = conn.execute(
                    "SELECT 1 FROM pg_database WHERE datname = %s", [name]
                ).fetchone()
                if exists:
                    self.stdout.write(f"Database {name!r} exists.")
                    return
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        except psycopg.Error as error:
            raise CommandError(
                f"Could not reach PostgreSQL to create {name!r}: {error}. Check DATABASE_URL, "
                "or create the database yourself."
            ) from error
        self.stdout.write(self.style.SUCCESS(f"Created database {name!r}."))
