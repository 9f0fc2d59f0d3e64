"""The plural messages templates ask for with `{{ n|plural:"answer,answers" }}`.

The `plural` filter builds its msgid from the filter argument, which `makemessages` cannot
see; listing each pair here puts it in the catalogues. Add a line when a template uses a new
pair (tests/core/test_translations.py checks every pair used in a template is listed).
"""

from django.utils.translation import ngettext


def _catalogue() -> None:  # never called: read by makemessages only
    ngettext("%(count)s answer", "%(count)s answers", 1)
    ngettext("%(count)s Answer", "%(count)s Answers", 1)
    ngettext("%(count)s comment", "%(count)s comments", 1)
    ngettext("%(count)s entry", "%(count)s entries", 1)
    ngettext("%(count)s flag", "%(count)s flags", 1)
    ngettext("%(count)s new message", "%(count)s new messages", 1)
    ngettext("%(count)s open flag", "%(count)s open flags", 1)
    ngettext("%(count)s post", "%(count)s posts", 1)
    ngettext("%(count)s question", "%(count)s questions", 1)
    ngettext("%(count)s safety case", "%(count)s safety cases", 1)
    ngettext("%(count)s view", "%(count)s views", 1)
