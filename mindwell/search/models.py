from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchDocument(models.Model):
    """PostgreSQL's index row for one readable post (SQLite keeps its index in the FTS5
    table `search_fts` instead, and leaves this table empty). Rows are written by
    mindwell.search.backends.postgres, never through the ORM; the GIN index on `vector` is
    created by the migration on PostgreSQL only."""

    post = models.OneToOneField(
        "qa.Post", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=1)
    # Title (weight A) and body text (weight B); nothing else, so rows stay narrow.
    vector = SearchVectorField(null=True)

    class Meta:
        db_table = "search_document"

    def __str__(self) -> str:
        return f"Search document for post {self.post_id}"
