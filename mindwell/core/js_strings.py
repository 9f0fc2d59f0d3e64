"""The words mindwell.js shows, in the reader's language.

The script cannot call gettext and the Content-Security-Policy forbids inline scripts, so
base.html carries these as a JSON data block (`<script id="mw-i18n" type="application/json">`,
which browsers never run) that mindwell.js reads once. The keys are the script's names for
them; a placeholder the script fills in keeps its %(name)s form.
"""

from __future__ import annotations

from django.utils.translation import gettext

ELEMENT_ID = "mw-i18n"


def js_strings() -> dict[str, str]:
    return {
        # The formatting toolbar: the text put in when nothing is selected.
        "boldText": gettext("bold text"),
        "italicText": gettext("italic text"),
        "linkText": gettext("link text"),
        "listItem": gettext("list item"),
        "quotedText": gettext("quoted text"),
        "linkPrompt": gettext("Link address (https://…)"),
        "preview": gettext("Preview"),
        "voteFailed": gettext("Your vote could not be saved."),
        "backToPost": gettext("Back to the post"),
        "similarHeading": gettext("Questions that may already answer yours"),
        "oneChosenAsBest": gettext("one chosen as best"),
        "follow": gettext("Follow"),
        "unfollow": gettext("Unfollow"),
        "youFollow": gettext("You follow %(label)s."),
        "youNoLongerFollow": gettext("You no longer follow %(label)s."),
        "tryAgain": gettext("That did not work; please try again."),
    }
