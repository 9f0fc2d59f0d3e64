"""The search index: PostgreSQL's table of weighted vectors with its GIN index, or SQLite's
FTS5 table, filled with the posts that exist when it is created."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

FTS5_TABLE = (
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, body, kind, facets, tokenize = 'porter unicode61 remove_diacritics 2')"
)
FTS5_RANK = "INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 0.0, 0.0)')"
GIN_INDEX = "CREATE INDEX search_document_vector_gin ON search_document USING gin (vector)"


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(FTS5_TABLE)
        schema_editor.execute(FTS5_RANK)
    elif vendor == "postgresql":
        schema_editor.execute(GIN_INDEX)
    from mindwell.search.indexing import search_index_rebuild

    search_index_rebuild(using=schema_editor.connection.alias)


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_document_vector_gin")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("qa", "0003_moderation_and_safety_state"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "post",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="qa.post",
                    ),
                ),
                ("kind", models.CharField(max_length=1)),
                ("vector", django.contrib.postgres.search.SearchVectorField(null=True)),
            ],
            options={
                "db_table": "search_document",
            },
        ),
        migrations.RunPython(create_index, drop_index),
    ]
