"""Making stored text safe to put in an XML feed."""

from __future__ import annotations

import re

# Everything XML 1.0 cannot carry (its `Char` production): C0 controls other than tab, line
# feed and carriage return, lone surrogates, and the non-characters U+FFFE and U+FFFF.
# Posts keep whatever people typed; only the copy that goes into a feed loses these, because
# Django's feed writer refuses control characters and readers reject the others.
XML_INVALID = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(value: str | None) -> str:
    """`value` without the characters an XML document cannot contain."""
    if not value:
        return ""
    return XML_INVALID.sub("", value)
