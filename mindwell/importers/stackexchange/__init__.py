"""Importing a Stack Exchange data dump (``mindwell import_stackexchange DIR``).

One module per stage, run in this order by ``pipeline.import_dump``: users, tags, posts
(questions, then answers), comments, votes, post history, post links, then the totals
(counters, hot scores, search index, points). Every stage commits in batches and records
each object in the shared ledger (mindwell.importers.ledger), so a second run creates
nothing and a stopped run carries on where it stopped.
"""
