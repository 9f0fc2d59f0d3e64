"""What every stage of a Question2Answer import shares: the source, the ledger, the batch
size, and a few lookups later stages need (kept here so no stage queries them twice)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TextIO

from mindwell.importers.ledger import ImportLedger
from mindwell.importers.q2a.source import Q2ASource, Row

SOURCE = "q2a"


@dataclass
class Context:
    source: Q2ASource
    ledger: ImportLedger
    out: TextIO
    batch_size: int = 500
    # Question2Answer's options (qa_options), read once.
    options: dict[str, str] = field(default_factory=dict)

    def t(self, name: str) -> str:
        return self.source.table(name)

    def batches(self, rows: Iterator[Row]) -> Iterator[list[Row]]:
        """Rows in lists of `batch_size`; each list is written in one transaction."""
        batch: list[Row] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= self.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    def say(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()
