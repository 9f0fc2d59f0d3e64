"""Words too common to help find anything. Plain search drops them when a query has other
words (PostgreSQL's English configuration drops them anyway; this keeps SQLite in step), and
similar questions ignore them."""

# One long string split at import: far easier to read and edit than a list of literals.
STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do does
    doesn't doing don't down during each few for from further had hadn't has hasn't have
    haven't having he he'd he'll he's her here here's hers herself him himself his how how's i
    i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my
    myself no nor not of off on once only or other ought our ours ourselves out over own same
    shan't she she'd she'll she's should shouldn't so some such than that that's the their
    theirs them themselves then there there's these they they'd they'll they're they've this
    those through to too under until up very was wasn't we we'd we'll we're we've were weren't
    what what's when when's where where's which while who who's whom why why's will with won't
    would wouldn't you you'd you'll you're you've your yours yourself yourselves
    im ive dont cant wont isnt doesnt didnt s t d ll m re ve just also
    """.split()  # noqa: SIM905
)

# Words that say "this is a question" rather than what it is about: they carry no topic, so
# similar questions leave them out as well.
QUESTION_WORDS = frozenset(
    """
    anyone anybody someone somebody anything something everyone get gets getting got really
    know normal okay ok ask asking question advice help tips way ways thing things much many
    even still keep keeps lot lots like one
    """.split()  # noqa: SIM905
)
