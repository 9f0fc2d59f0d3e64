"""Cross-site scripting, end to end: every payload of the shared XSS corpora and the Big List of
Naughty Strings goes in as a question title and body, a comment, a member's name, an anonymous
poster's name, a tag, profile fields and a search query, through the real services; then
Chromium reads every page that shows them, and the feeds are read as text.

A page passes when no dialog opens, no payload's script runs (alert, confirm, prompt and print
are replaced by a sentinel before any page script), the DOM holds no injected handler, script,
frame or javascript: URL, the browser reports no console error and no Content-Security-Policy
violation, and no response is a server error. Payloads are batched, dozens to a page.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode
from xml.etree import ElementTree

import pytest
from django.db import transaction

from mindwell.accounts.models import User
from mindwell.accounts.services_profile import profile_update
from mindwell.core.errors import ServiceError
from mindwell.qa.models import Post
from mindwell.qa.services import comment_create, question_create
from mindwell.qa.services.common import Poster
from mindwell.qa.validation import parse_tags
from mindwell.search.query import MAX_QUERY_LENGTH, MAX_WORDS
from mindwell.siteconfig.models import SiteSettings
from tests.factories import category, make_user

pytestmark = pytest.mark.browser

CORPORA = Path(
    os.environ.get("MINDWELL_CORPORA", Path(__file__).resolve().parents[3] / "shared" / "corpora")
)
NOT_PAYLOADS = {"LICENSE", "SOURCE_COMMIT.txt", "README.md"}
PER_PAGE = 25

# Runs before any script of the page: a payload that gets to call a dialog function, or that
# gets blocked by the Content-Security-Policy, leaves a trace the test reads.
SENTINEL = """
(() => {
  window.__xss = [];
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    const original = window[name];
    window[name] = function (...args) {
      window.__xss.push(name + ": " + String(args[0]).slice(0, 80));
      return original.apply(this, args);
    };
  }
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.__csp.push(event.effectiveDirective + " " + event.blockedURI + " " + event.sample);
  });
})();
"""

# What escaped markup would leave in the DOM, even where the sentinel cannot see it run.
DOM_AUDIT = """
() => {
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/[\\s\\x00-\\x1f]/g, "").toLowerCase();
      if (name.startsWith("on")) found.push(element.tagName + " " + name);
      const url = ["href", "src", "action", "formaction", "xlink:href", "data", "poster"];
      const bad = ["javascript:", "vbscript:", "data:text/html"];
      if (url.includes(name) && bad.some((scheme) => value.startsWith(scheme))) {
        found.push(element.tagName + " " + name + "=" + value.slice(0, 40));
      }
    }
  }
  for (const script of document.querySelectorAll("script")) {
    // Ours: the site's script, structured data, and the script's words (a JSON data block).
    const ours = (script.src && new URL(script.src).pathname.startsWith("/static/"))
      || script.type === "application/ld+json"
      || (script.id === "mw-i18n" && script.type === "application/json"
        && script === document.head.querySelector("script#mw-i18n"));
    if (!ours) found.push("script " + (script.src || script.textContent.slice(0, 40)));
  }
  const foreign = ["iframe", "frame", "object", "embed", "base", "meta[http-equiv]",
    "link[rel=import]", "form[action^='http']"];
  for (const tag of foreign) {
    for (const element of document.querySelectorAll(tag)) found.push(tag);
  }
  return found;
}
"""


def load_payloads() -> list[str]:
    xss = CORPORA / "xss"
    blns = CORPORA / "blns" / "blns.json"
    assert xss.is_dir() and blns.is_file(), f"the shared corpora are missing under {CORPORA}"
    payloads: list[str] = []
    for path in sorted(xss.iterdir()):
        if path.name not in NOT_PAYLOADS:
            payloads += path.read_text(encoding="utf-8", errors="replace").splitlines()
    payloads += json.loads(blns.read_text(encoding="utf-8"))
    unique = list(dict.fromkeys(text for text in payloads if text.strip()))
    assert len(unique) > 700
    return unique


def chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def pack(items: list[str], limit: int, separator: str = " | ") -> str:
    """As many items as fit in `limit` characters, the last one cut if need be."""
    return separator.join(items)[:limit]


@dataclass
class Seeded:
    questions: list[Post] = field(default_factory=list)
    authors: list[User] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    searches: list[str] = field(default_factory=list)
    unsearched: list[str] = field(default_factory=list)
    comments: int = 0
    refused: list[str] = field(default_factory=list)


def try_service(seeded: Seeded, what: str, call: Any) -> Any:
    """A refusal with a clear message is a fine answer to hostile input; anything else
    (an exception that is not a ServiceError) fails the test."""
    try:
        return call()
    except ServiceError as error:
        assert error.message, what
        seeded.refused.append(f"{what}: {error.message}")
        return None


def member_name(text: str, taken: set[str]) -> str | None:
    """`text` as a username, when it can be one: any text an import could keep, slashes
    and all (mindwell.core.converters gives every name a profile URL)."""
    name = text.strip()[:150]
    if not name or name.lower() in taken:
        return None
    taken.add(name.lower())
    return name


def seed(payloads: list[str]) -> Seeded:
    site = SiteSettings.current()
    seeded = Seeded()
    taken: set[str] = set()
    for number, batch in enumerate(chunks(payloads, PER_PAGE)):
        author = make_user(f"xss-author-{number}")
        try_service(
            seeded,
            "profile",
            lambda author=author, batch=batch: profile_update(
                user=author,
                about="\n".join(batch)[:2000],
                location=pack(batch, 100),
                website="",
                pronouns=pack(batch, 40),
                accepts_messages=True,
                show_wall=True,
            ),
        )
        for text in batch:
            try_service(
                seeded,
                "website",
                lambda text=text, author=author: profile_update(
                    user=author,
                    about=author.about,
                    location=author.location,
                    website=text,
                    pronouns=author.pronouns,
                    accepts_messages=True,
                    show_wall=True,
                ),
            )
        tags: list[str] = []
        for text in batch:
            accepted = try_service(seeded, "tag", lambda text=text: parse_tags(text, site=site))
            for tag in accepted or []:
                if tag not in seeded.tags and len(tags) < site.max_tags:
                    tags.append(tag)
                    seeded.tags.append(tag)
        title = pack(batch, site.title_max_length)
        question = question_create(
            poster=Poster(user=author),
            title=title if len(title) >= site.title_min_length else f"{title} (batch {number})",
            body="\n\n".join(batch)[: site.question_body_max_length],
            category_id=category().pk,
            tags=tags,
        )
        seeded.questions.append(question)
        for index, text in enumerate(batch):
            body = text[: site.comment_max_length]
            body = body if len(body.strip()) >= site.comment_min_length else f"{body} ."
            # Every payload is a comment, by a member named by it (as an import from another
            # forum could name them) or by a visitor giving it as their name, in turn.
            name = member_name(text, taken) if index % 2 == 0 else None
            poster = (
                Poster(user=User.objects.create(username=name, email=""))
                if name
                else Poster(name=text[:40])
            )
            created = try_service(
                seeded,
                "comment",
                lambda body=body, poster=poster, question=question: comment_create(
                    poster=poster, parent=question, body=body
                ),
            )
            seeded.comments += created is not None
        seeded.authors.append(author)
    seeded.searches, seeded.unsearched = search_queries(payloads)
    return seeded


def search_queries(payloads: list[str]) -> tuple[list[str], list[str]]:
    """Payloads packed into queries the search accepts (at most 300 characters and 16 words),
    and the payloads too long to go into one whole."""
    queries: list[str] = []
    current: list[str] = []
    alone: list[str] = []
    for text in payloads:
        if len(text) > MAX_QUERY_LENGTH or len(text.split()) > MAX_WORDS:
            alone.append(text)
            continue
        joined = " ".join([*current, text])
        if len(joined) > MAX_QUERY_LENGTH or len(joined.split()) > MAX_WORDS:
            queries.append(" ".join(current))
            current = []
        current.append(text)
    if current:
        queries.append(" ".join(current))
    return queries, alone


class Watch:
    """What one browser page did that it must not: dialogs, errors, server errors."""

    def __init__(self, page: Any) -> None:
        self.problems: list[str] = []
        page.on("dialog", self.on_dialog)
        page.on("console", self.on_console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("response", self.on_response)

    def on_dialog(self, dialog: Any) -> None:
        self.problems.append(f"dialog {dialog.type}: {dialog.message[:80]}")
        dialog.dismiss()

    def on_console(self, message: Any) -> None:
        # A clear refusal (a search of too many words is a 400) is logged by the browser as a
        # failed load; that is the page's status, checked separately, not a script error.
        if message.type == "error" and not re.match(
            r"Failed to load resource: the server responded with a status of 4\d\d", message.text
        ):
            self.problems.append(f"console error: {message.text[:200]}")

    def on_response(self, response: Any) -> None:
        if response.status >= 500:
            self.problems.append(f"{response.status} from {response.url}")


# Pages are read this many at a time, one to a browser tab, so that their loads overlap.
TABS = 4


class Tab:
    """A browser tab, what it did that it must not, and the status of its page."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.watch = Watch(page)
        self.status: int | None = None
        page.on("response", self.on_response)

    def on_response(self, response: Any) -> None:
        if response.request.is_navigation_request() and response.frame == self.page.main_frame:
            self.status = response.status


def visit_all(tabs: list[Tab], base: str, paths: list[str], timings: dict[str, float]) -> None:
    """Each page is loaded in a tab of its own, a few at once, and then judged. The fragment
    (which no page reads) tells each tab's new page from the one it had."""
    for start in range(0, len(paths), len(tabs)):
        group = list(zip(tabs, paths[start : start + len(tabs)], strict=False))
        started = time.monotonic()
        for number, (tab, path) in enumerate(group):
            tab.status = None
            target = f"{base}{path}#visit-{start + number}"
            tab.page.evaluate("url => { window.location.href = url; }", target)
        for number, (tab, path) in enumerate(group):
            marker = f"#visit-{start + number}"
            tab.page.wait_for_url(lambda url, marker=marker: url.endswith(marker))
            timings[path] = time.monotonic() - started
        # Lazy handlers (focus, toggle, animations) get their chance before the page is judged.
        group[0][0].page.wait_for_timeout(50)
        for tab, path in group:
            judge(tab, path)


def judge(tab: Tab, path: str) -> None:
    traces, injected = tab.page.evaluate(f"[[...window.__xss, ...window.__csp], ({DOM_AUDIT})()]")
    watch = tab.watch
    problems = watch.problems + [f"ran: {t}" for t in traces] + [f"in DOM: {i}" for i in injected]
    watch.problems.clear()
    assert not problems, f"{path}: {problems[:10]}"
    assert tab.status is not None, path
    assert tab.status < 500, path


def test_hostile_text_is_shown_as_text_everywhere(live_server, new_context):
    payloads = load_payloads()
    started = time.monotonic()
    # One transaction: the services' own commits cost more than their work on SQLite.
    with transaction.atomic():
        seeded = seed(payloads)
    print(f"seeded {len(payloads)} payloads in {time.monotonic() - started:.0f} s")
    assert len(seeded.questions) * PER_PAGE >= len(payloads)
    assert seeded.comments > 0.9 * len(payloads)  # almost every payload is a comment too
    assert seeded.tags  # some payloads are valid tags and are shown on tag pages

    context = new_context()
    context.add_init_script(SENTINEL)
    # Pages of dozens of hostile posts are slow to search and render on a busy machine.
    context.set_default_timeout(30_000)
    tabs = [Tab(context.new_page()) for _ in range(TABS)]
    page = tabs[0].page

    paths = ["/", "/?sort=unanswered", "/activity/", "/tags/", "/users/", "/users/?sort=new"]
    paths += [f"/?page={n}" for n in range(2, len(seeded.questions) // 20 + 2)]
    paths += [question.get_absolute_url() for question in seeded.questions]
    paths += [author.get_absolute_url() for author in seeded.authors]
    named = User.objects.exclude(username__startswith="xss-author-").order_by("pk")
    paths += [member.get_absolute_url() for member in named[:: max(1, named.count() // 15)]]
    paths += [f"/tags/{quote(tag, safe='')}/" for tag in seeded.tags[:15]]
    paths += [f"/search/?{urlencode({'q': query})}" for query in seeded.searches]
    timings: dict[str, float] = {}
    reading = time.monotonic()
    visit_all(tabs, live_server.url, list(dict.fromkeys(paths)), timings)
    slowest = sorted(timings.items(), key=lambda item: -item[1])[:3]
    print(f"read {len(paths)} pages in {time.monotonic() - reading:.0f} s; slowest:")
    for path, seconds in slowest:
        print(f"  {seconds:.1f} s {path[:120]}")

    # Feeds are read as text: well-formed XML whatever the titles and names hold.
    feeds = ["/feeds/recent.rss", "/feeds/recent.atom", "/feeds/active.rss"]
    feeds += [f"/questions/{question.pk}/feed.rss" for question in seeded.questions[:5]]
    feeds += [f"/tags/{quote(tag, safe='')}/feed.atom" for tag in seeded.tags[:10]]
    feeds += [f"/search/feed.rss?{urlencode({'q': query})}" for query in seeded.searches[:20]]
    for path in feeds:
        response = page.request.get(path)
        assert response.status < 500, path
        if response.status == 200:
            ElementTree.fromstring(response.body())  # noqa: S314 (our own server's feed)

    # The payloads too long to share a query are searched for alone: a clear answer (too
    # long, too many words), never a server error, and the query shown escaped.
    for text in seeded.unsearched:
        response = page.request.get(f"/search/?{urlencode({'q': text})}")
        assert response.status < 500, text
        if re.search(r"<[a-z!/]", text, re.IGNORECASE):
            assert text not in response.text(), text


def test_the_watch_catches_a_script_that_runs(new_context):
    """The checks above can fail: markup that did get through is caught by each of them."""
    context = new_context()
    context.add_init_script(SENTINEL)
    page = context.new_page()
    watch = Watch(page)
    page.set_content(
        '<p>x</p><img src="data:," onerror="alert(1)"><a href="javascript:void(0)">y</a>'
    )
    page.wait_for_timeout(100)
    assert page.evaluate("window.__xss") == ["alert: 1"]
    assert any(problem.startswith("dialog alert") for problem in watch.problems)
    injected = page.evaluate(DOM_AUDIT)
    assert "IMG onerror" in injected
    assert any(item.startswith("A href=javascript:") for item in injected)
