"""The bookkeeping every importer shares: id maps, counts, skips and progress output."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from typing import TextIO

from django.db import transaction
from django.utils import timezone

from .models import ImportedObject, ImportRun


class ImportLedger:
    """Remembers what one source has brought over and reports as it goes.

    ``known(kind)`` loads a kind's id map once (external id -> local id); ``remember`` adds to
    it and to the database in the caller's transaction, so an object and its mapping commit
    together and a killed run never leaves one without the other.
    """

    def __init__(
        self, *, source: str, source_key: str, out: TextIO | None = None, every: float = 2.0
    ) -> None:
        self.source = source
        self.source_key = source_key[:200]
        self.out = out or sys.stdout
        self.every = every
        self._maps: dict[str, dict[str, int]] = {}
        self._last_progress = 0.0
        self.run = ImportRun.objects.create(source=source, source_key=source_key[:500])

    # -- id maps -------------------------------------------------------------------------
    def known(self, kind: str) -> dict[str, int]:
        if kind not in self._maps:
            rows = ImportedObject.objects.filter(
                source=self.source, source_key=self.source_key, kind=kind
            ).values_list("external_id", "local_id")
            self._maps[kind] = {ext: local for ext, local in rows.iterator(chunk_size=5000)}
        return self._maps[kind]

    def local_id(self, kind: str, external_id: object) -> int | None:
        return self.known(kind).get(str(external_id))

    def remember(self, kind: str, external_id: object, local_id: int) -> None:
        self.remember_many(kind, [(external_id, local_id)])

    def remember_many(self, kind: str, pairs: Iterable[tuple[object, int]]) -> None:
        rows = [(str(ext), int(local)) for ext, local in pairs]
        if not rows:
            return
        ImportedObject.objects.bulk_create(
            [
                ImportedObject(
                    source=self.source,
                    source_key=self.source_key,
                    kind=kind,
                    external_id=ext,
                    local_id=local,
                )
                for ext, local in rows
            ],
            batch_size=1000,
            ignore_conflicts=True,
        )
        self.known(kind).update(rows)

    # -- counts and skips ----------------------------------------------------------------
    def count(self, kind: str, outcome: str = "imported", n: int = 1) -> None:
        if n == 0:
            return  # "0 already imported" says nothing
        per_kind = self.run.counts.setdefault(kind, {})
        per_kind[outcome] = per_kind.get(outcome, 0) + n

    def skip(self, kind: str, external_id: object, reason: str) -> None:
        self.count(kind, "skipped")
        if len(self.run.skipped) < 10_000:
            self.run.skipped.append({"kind": kind, "id": str(external_id), "reason": reason})

    def checkpoint(self) -> None:
        """Save counts so far (called after each committed batch)."""
        ImportRun.objects.filter(pk=self.run.pk).update(
            counts=self.run.counts, skipped=self.run.skipped
        )

    def progress(
        self, stage: str, done: int, total: int | None = None, force: bool = False
    ) -> None:
        now = time.monotonic()
        if not force and now - self._last_progress < self.every:
            return
        self._last_progress = now
        if total:
            self.out.write(f"  {stage}: {done:,}/{total:,} ({100 * done / total:.0f}%)\n")
        else:
            self.out.write(f"  {stage}: {done:,}\n")
        self.out.flush()

    # -- end of run ----------------------------------------------------------------------
    def finish(self) -> ImportRun:
        self.run.status = ImportRun.Status.FINISHED
        self.run.finished_at = timezone.now()
        self.run.save()
        return self.run

    def fail(self, error: BaseException) -> None:
        # The failed batch rolled back; what committed before it stays and is skipped next time.
        with transaction.atomic():
            self.run.status = ImportRun.Status.FAILED
            self.run.error = f"{type(error).__name__}: {error}"[:5000]
            self.run.finished_at = timezone.now()
            self.run.save()

    def report(self) -> str:
        lines = [f"Import from {self.source} ({self.source_key}): {self.run.status}"]
        for kind, outcomes in self.run.counts.items():
            parts = ", ".join(f"{n:,} {outcome}" for outcome, n in sorted(outcomes.items()))
            lines.append(f"  {kind}: {parts}")
        if self.run.skipped:
            reasons: dict[str, int] = {}
            for row in self.run.skipped:
                key = f"{row['kind']}: {row['reason']}"
                reasons[key] = reasons.get(key, 0) + 1
            lines.append("Skipped, with reasons:")
            for reason, n in sorted(reasons.items(), key=lambda item: -item[1]):
                lines.append(f"  {n:,} × {reason}")
        return "\n".join(lines)
