"""The stages of a Stack Exchange import, in order, with the run's bookkeeping."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from django.db import transaction
from django.utils.text import slugify

from mindwell.core.pagecache import invalidate_site
from mindwell.importers.ledger import ImportLedger
from mindwell.importers.stackexchange.batches import ImportContext
from mindwell.importers.stackexchange.comments import import_comments
from mindwell.importers.stackexchange.dump import Dump, DumpError, open_dump
from mindwell.importers.stackexchange.finish import finish_import
from mindwell.importers.stackexchange.history import import_history
from mindwell.importers.stackexchange.links import import_links, report_badges
from mindwell.importers.stackexchange.posts import import_answers, import_questions
from mindwell.importers.stackexchange.tags import import_tags
from mindwell.importers.stackexchange.users import import_users
from mindwell.importers.stackexchange.votes import import_votes
from mindwell.taxonomy.models import Category

SOURCE = "stackexchange"
STAGES: list[Callable[[ImportContext], None]] = [
    import_users,
    import_tags,
    import_questions,
    import_answers,
    import_comments,
    import_votes,
    import_history,
    import_links,
    report_badges,
    finish_import,
]


class DryRunRollback(Exception):
    """Raised at the end of a dry run to undo everything it wrote."""


def import_dump(
    *,
    folder: str | Path,
    site: str | None = None,
    category_slug: str | None = None,
    batch_size: int = 500,
    dry_run: bool = False,
    out: TextIO | None = None,
) -> ImportLedger:
    """Import a dump folder; returns the ledger, whose ``report()`` says what was done.
    Raises DumpError (nothing written) for a folder that is not a readable dump, and
    DumpError (earlier batches kept, the run marked failed) for a file that turns out
    malformed part way through."""
    dump = open_dump(folder, site=site)
    if not dry_run:
        return _run(dump, category_slug=category_slug, batch_size=batch_size, out=out)
    ledger: ImportLedger | None = None
    try:
        with transaction.atomic():
            ledger = _run(dump, category_slug=category_slug, batch_size=batch_size, out=out)
            raise DryRunRollback
    except DryRunRollback:
        assert ledger is not None
        return ledger


def _run(
    dump: Dump, *, category_slug: str | None, batch_size: int, out: TextIO | None
) -> ImportLedger:
    category = import_category(dump, category_slug)
    ledger = ImportLedger(source=SOURCE, source_key=dump.site, out=out)
    ctx = ImportContext(dump=dump, ledger=ledger, category=category, batch_size=batch_size)
    try:
        for stage in STAGES:
            stage(ctx)
    except DumpError as error:
        ledger.fail(error)
        raise DumpError(
            f"{error} What was imported before it is kept: fix the file and run the command "
            "again to carry on."
        ) from None
    except BaseException as error:
        ledger.fail(error)
        raise
    finally:
        # Posts, members and counts changed under every cached page at once (a failed run
        # keeps its committed batches too). A dry run's rollback drops this with its writes.
        invalidate_site()
    ledger.finish()
    return ledger


def import_category(dump: Dump, slug: str | None) -> Category:
    """The category the questions go into: the one named, or one for the site (made the
    first time, found again on later runs)."""
    if slug:
        category = Category.objects.filter(slug=slug).first()
        if category is None:
            raise DumpError(f"There is no category with the slug {slug!r}.")
        return category
    base = dump.site
    for suffix in (".stackexchange.com", ".com", ".net", ".org"):
        base = base.removesuffix(suffix)
    slug = slugify(base.replace(".", "-"))[:80] or "imported"
    name = base.replace(".", " ").replace("-", " ").capitalize()[:80]
    category, _ = Category.objects.get_or_create(
        slug=slug, defaults={"name": name, "description": f"Questions from {dump.site}."}
    )
    return category
