"""What an import has done so far, so that a second run skips it and a killed run resumes.

Every object an importer creates is remembered in ``ImportedObject`` under the source's own
id. Importers look an id up before creating anything, so running twice creates nothing new,
and a run stopped half way simply carries on from the first object it has not seen.
``ImportRun`` keeps one row per run with its counts and the reasons things were skipped.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.db import models


class ImportRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        FINISHED = "finished", "Finished"
        FAILED = "failed", "Failed"

    # "q2a" or "stackexchange"; ``source_key`` names the database or folder imported.
    source = models.CharField(max_length=32)
    source_key = models.CharField(max_length=500)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.RUNNING)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # {"users": {"imported": 10, "already": 2, "skipped": 1}, ...}
    counts = models.JSONField(default=dict, blank=True)
    # [{"kind": "post", "id": "17", "reason": "parent 12 was not imported"}, ...]
    skipped = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.source} import of {self.source_key} ({self.status})"


class ImportedObject(models.Model):
    """One object brought over: the source's id and the id it has here."""

    source = models.CharField(max_length=32)
    # Distinguishes two databases imported with the same importer (host/db/prefix or folder).
    source_key = models.CharField(max_length=200)
    # "user", "category", "post", "vote", "flag", "message", "tag"...
    kind = models.CharField(max_length=32)
    external_id = models.CharField(max_length=100)
    local_id = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_key", "kind", "external_id"],
                name="importedobject_unique_external",
            )
        ]
        indexes = [models.Index(fields=["kind", "local_id"], name="importedobject_local")]

    def __str__(self) -> str:
        return f"{self.source}:{self.kind}:{self.external_id} -> {self.local_id}"


class ImportedAttribution(models.Model):
    """Where an imported post came from, shown under it: CC BY-SA content (Stack Exchange)
    must keep its author's name, a link to the original and the licence."""

    post = models.OneToOneField(
        "qa.Post", on_delete=models.CASCADE, related_name="imported_attribution"
    )
    source_url = models.URLField(max_length=300)
    author_name = models.CharField(max_length=150)
    # The author's page on the original site; empty for authors known only by name.
    author_url = models.URLField(max_length=300, blank=True)
    licence = models.CharField(max_length=20)
    licence_url = models.URLField(max_length=200)

    def __str__(self) -> str:
        return f"{self.source_url} by {self.author_name} ({self.licence})"

    @property
    def source_site(self) -> str:
        return urlsplit(self.source_url).netloc
