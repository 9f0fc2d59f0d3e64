"""Full-text search over questions, answers and comments, and "similar questions".

One interface (`selectors.search`, `similar.similar_questions`) over two real backends
chosen from the database vendor (`backends.get_backend`): SQLite FTS5, the embedded
default, and PostgreSQL, a weighted tsvector with a GIN index. Both index the same thing:
the plain text of every post the public can read (a published post in a published thread),
with its kind and its thread's category, tags and author as "facet" words. Hidden, queued
and deleted posts are taken out of the index, not filtered at query time; `indexing` says
when rows change (inside the writing transaction). `query` parses what people type,
`filters` turns operators into index words or row conditions, and `backends.base` explains
how the work per query stays bounded on a large site.
"""
