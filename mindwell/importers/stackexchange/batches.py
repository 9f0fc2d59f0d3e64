"""What every stage shares: the import's context and committing rows batch by batch."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from django.db import transaction

from mindwell.importers.ledger import ImportLedger
from mindwell.importers.stackexchange.dump import Dump
from mindwell.taxonomy.models import Category

T = TypeVar("T")


@dataclass
class ImportContext:
    dump: Dump
    ledger: ImportLedger
    category: Category
    batch_size: int = 500


def in_batches(
    ctx: ImportContext, stage: str, rows: Iterable[T], handle: Callable[[list[T]], None]
) -> int:
    """Hand `rows` to `handle` a batch at a time, each batch in its own transaction: a
    failure (or a kill) loses only the batch in progress, which the next run redoes."""
    batch: list[T] = []
    done = 0
    for row in rows:
        batch.append(row)
        if len(batch) >= ctx.batch_size:
            done += _commit(ctx, handle, batch)
            ctx.ledger.progress(stage, done)
            batch = []
    if batch:
        done += _commit(ctx, handle, batch)
    ctx.ledger.progress(stage, done, force=True)
    return done


def _commit(ctx: ImportContext, handle: Callable[[list[T]], None], batch: list[T]) -> int:
    with transaction.atomic():
        handle(batch)
    ctx.ledger.checkpoint()
    return len(batch)
