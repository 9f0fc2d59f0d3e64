"""Reading a Stack Exchange data dump: one XML file per table, ``<row .../>`` per record.

Files are streamed with ``iterparse`` and every row is cleared once read (and the root's
list of children with it), so memory stays flat however large Posts.xml or Votes.xml is.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

# The files a dump holds, and the ones an import needs.
POSTS = "Posts.xml"
OPTIONAL_FILES = (
    "Users.xml",
    "Tags.xml",
    "Comments.xml",
    "Votes.xml",
    "PostHistory.xml",
    "PostLinks.xml",
    "Badges.xml",
)
# Posts made from 2 May 2018 on are CC BY-SA 4.0; earlier ones 3.0 (Stack Exchange's terms).
LICENCE_4_FROM = datetime(2018, 5, 2, tzinfo=UTC)
LICENCES = {
    "CC BY-SA 3.0": "https://creativecommons.org/licenses/by-sa/3.0/",
    "CC BY-SA 4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
}
_SITE = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
_ANGLE_TAGS = re.compile(r"<([^<>]+)>")


class DumpError(Exception):
    """The dump cannot be read; the message says what to fix."""


@dataclass(frozen=True)
class Dump:
    folder: Path
    site: str

    def path(self, name: str) -> Path:
        return self.folder / name

    def has(self, name: str) -> bool:
        return self.path(name).is_file()

    def rows(self, name: str) -> Iterator[dict[str, str]]:
        return read_rows(self.path(name))

    # -- attribution ----------------------------------------------------------------------
    def post_url(self, *, kind: str, external_id: str) -> str:
        # /q/ and /a/ are the site's permanent short links to a question and an answer.
        return f"https://{self.site}/{'q' if kind == 'Q' else 'a'}/{external_id}"

    def comment_url(self, external_id: str) -> str:
        # Stack Exchange redirects this to the comment in its thread.
        return f"https://{self.site}/posts/comments/{external_id}"

    def user_url(self, external_id: str) -> str:
        return f"https://{self.site}/users/{external_id}"


def open_dump(folder: str | Path, *, site: str | None = None) -> Dump:
    """Check the folder and work out the site; raises DumpError with a clear message."""
    path = Path(folder).expanduser()
    if not path.is_dir():
        raise DumpError(f"There is no folder {path}.")
    if not (path / POSTS).is_file():
        raise DumpError(f"{path} has no {POSTS}: is it an unpacked Stack Exchange dump?")
    name = (site or "").strip().lower().removeprefix("https://").removeprefix("http://")
    name = name.strip("/")
    if not name:
        guess = path.resolve().name.lower()
        if not _SITE.match(guess):
            raise DumpError(
                f"The folder name {path.name!r} is not a site name; please say which site the "
                "dump comes from, e.g. --site parenting.stackexchange.com."
            )
        name = guess
    if not _SITE.match(name):
        raise DumpError(f"{site!r} is not a site name like parenting.stackexchange.com.")
    return Dump(folder=path, site=name)


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    """Each ``<row>``'s attributes, in file order. Malformed XML raises DumpError."""
    try:
        # ElementTree never fetches external entities, and expat (2.4.1 and later) limits
        # entity expansion, which is what defusedxml would add; the dump is the admin's own.
        events = ET.iterparse(path, events=("start", "end"))  # noqa: S314
        root: ET.Element | None = None
        for event, element in events:
            if root is None:
                root = element
                continue
            if event == "end" and element.tag == "row":
                row = dict(element.attrib)
                element.clear()
                root.clear()  # drops the root's reference to the rows already read
                yield row
    except ET.ParseError as error:
        line, column = error.position
        raise DumpError(
            f"{path.name} is not well-formed XML (line {line}, column {column}): {error.msg}"
            if hasattr(error, "msg")
            else f"{path.name} is not well-formed XML (line {line}, column {column})."
        ) from None
    except OSError as error:
        raise DumpError(f"{path.name} cannot be read: {error.strerror or error}") from None


# -- values -------------------------------------------------------------------------------
def parse_date(value: str | None) -> datetime | None:
    """Dump dates are UTC without a zone: 2017-09-03T09:32:13.130."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    except ValueError:
        return None


def parse_int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value not in (None, "") else default  # type: ignore[arg-type]
    except ValueError:
        return default


def parse_tag_list(value: str | None) -> list[str]:
    """Tags as older dumps write them (``<a><b>``) or newer ones (``|a|b|``)."""
    value = (value or "").strip()
    if not value:
        return []
    names = _ANGLE_TAGS.findall(value) if value.startswith("<") else value.split("|")
    return list(dict.fromkeys(name.strip().lower() for name in names if name.strip()))


def licence_for(created_at: datetime | None) -> str:
    if created_at is not None and created_at < LICENCE_4_FROM:
        return "CC BY-SA 3.0"
    return "CC BY-SA 4.0"


def clean(value: str | None) -> str:
    # NUL bytes cannot be stored in PostgreSQL text and never mean anything in a post.
    return (value or "").replace("\x00", "").replace("\r\n", "\n").strip()
