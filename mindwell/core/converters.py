"""The `<username:…>` URL converter: a path segment for any stored username.

Registration keeps names to letters, digits and a few marks, but imported members keep the
names they had elsewhere (Question2Answer allows "/", "%", "?" and more), and a name that
a URL cannot carry would make every page linking its member fail. Django percent-encodes
what a converter returns, and the server decodes a request's path once before matching, so
only what survives that decoding as something else needs encoding here: "/" (which would
split the segment), "%" (so that the decoding is exact) and the names "." and ".." (which
browsers resolve away). Every other name's URL is what it always was.
"""

from __future__ import annotations

import re

from django.urls import register_converter

_ESCAPED = re.compile(r"%(25|2F|2E)", re.IGNORECASE)
_DECODED = {"25": "%", "2F": "/", "2E": "."}


class UsernameConverter:
    regex = "[^/]+"

    def to_python(self, value: str) -> str:
        return _ESCAPED.sub(lambda match: _DECODED[match.group(1).upper()], value)

    def to_url(self, value: str) -> str:
        text = str(value).replace("%", "%25").replace("/", "%2F")
        return text.replace(".", "%2E") if text in {".", ".."} else text


register_converter(UsernameConverter, "username")
