"""A whole Question2Answer import, stage by stage.

Each stage reads the source once and writes in batches, each batch in one transaction with
the id map of what it made (mindwell.importers.ledger). A second run skips everything the
first one brought over, and a run that was killed carries on where it stopped; the stages
that derive data (links between posts, counters, points, the search index) work over all
imported rows every time, so they finish the job whatever the first run reached.

Nothing a live post triggers happens here: no notifications, emails, badges or safety queue.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from mindwell.core.pagecache import invalidate_site
from mindwell.importers.ledger import ImportLedger
from mindwell.importers.q2a import derived, interactions, messages, points, posts, taxonomy, users
from mindwell.importers.q2a.context import SOURCE, Context
from mindwell.importers.q2a.source import Q2ASource

Stage = Callable[[Context], None]

STAGES: list[tuple[str, Stage]] = [
    ("points settings", points.import_points_settings),
    ("categories", taxonomy.import_categories),
    ("members", users.import_users),
    ("category levels", users.import_category_levels),
    ("posts", posts.import_posts),
    ("best answers and closed questions", posts.link_questions),
    ("votes and flags", interactions.import_votes_and_flags),
    ("favourites", interactions.import_favourites),
    ("messages and walls", messages.import_messages),
    ("counters", derived.refresh_derived),
    ("bonus points", points.import_bonuses),
    ("points", points.recalculate_and_check),
    ("search index", derived.rebuild_search),
]


@dataclass(frozen=True)
class Options:
    url: str
    prefix: str = "qa_"
    batch_size: int = 500
    search_index: bool = True


def run_import(options: Options, *, out: TextIO) -> ImportLedger:
    """Import everything; raises SourceError when the source cannot be read. The returned
    ledger has the run's counts and report."""
    source = Q2ASource(options.url, prefix=options.prefix)
    ledger = ImportLedger(source=SOURCE, source_key=source.key, out=out)
    ctx = Context(source=source, ledger=ledger, out=out, batch_size=options.batch_size)
    try:
        ctx.options = source.options()
        for name, stage in STAGES:
            if name == "search index" and not options.search_index:
                continue
            began = time.monotonic()
            ctx.say(f"{name}...")
            stage(ctx)
            ledger.checkpoint()
            ctx.say(f"  done in {time.monotonic() - began:.1f} s")
    except BaseException as error:
        ledger.fail(error)
        raise
    finally:
        source.close()
    ledger.finish()
    # Posts, members and counts changed under every cached page at once.
    invalidate_site()
    return ledger
