"""Hostile text in every place a person can type: nothing may run, nothing may crash.

The payloads are the XSS lists in ../shared/corpora/xss and the Big List of Naughty Strings in
../shared/corpora/blns, plus a few made here (NUL bytes, overlong text). Each one is written as
a question title, question body, answer body, comment body, anonymous display name and tag.

(a) Every payload goes through the services (what every form calls); a ServiceError is a clean
    refusal, anything else fails. The resulting question pages are rendered once per batch and
    checked for anything executable.
(b) A sample of the nastiest payloads is also posted through the real forms: no response may
    be a server error, and a refused form must give the person their text back.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import pytest

from mindwell.core.errors import ServiceError
from mindwell.moderation.models import WriteLimit
from mindwell.qa.models import Post
from mindwell.qa.services import answer_create, comment_create, question_create
from mindwell.qa.services.common import Poster
from tests.factories import category, make_answer, make_question, make_user
from tests.shared import CORPORA


def _load_payloads() -> list[str]:
    payloads: list[str] = []
    for path in sorted((CORPORA / "xss").glob("*.txt")):
        if path.name == "SOURCE_COMMIT.txt":
            continue
        for line in path.read_text(encoding="utf-8").split("\n"):
            line = line.removesuffix("\r")
            if line.strip():
                payloads.append(line)
    blns = json.loads((CORPORA / "blns" / "blns.json").read_text(encoding="utf-8"))
    payloads.extend(s for s in blns if s)
    payloads.extend(
        [
            "<script>\x00alert(1)</script> NUL inside a tag name",
            "\x00\x00\x00",
            '[a](java\x00script:alert(1)) and <a href="java\x00script:alert(1)">x</a>',
            "<img src=x onerror=alert(1)>" * 5_000,  # longer than any field allows
            "a" * 100_001,
            "x " * 600_000,  # over a megabyte
        ]
    )
    return list(dict.fromkeys(payloads))  # unique, in corpus order


PAYLOADS = _load_payloads()
BATCH_SIZE = 50
BATCHES = [PAYLOADS[i : i + BATCH_SIZE] for i in range(0, len(PAYLOADS), BATCH_SIZE)]

# --- the "no executable script" check ------------------------------------------------------

FORBIDDEN_ELEMENTS = {
    "iframe", "frame", "frameset", "object", "embed", "applet", "base", "svg", "math", "style",
}  # fmt: skip
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "data", "xlink:href", "background", "poster",
    "codebase", "lowsrc", "dynsrc",
}  # fmt: skip
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")


def _normalised_url(value: str) -> str:
    """What a browser sees as the scheme: whitespace and control characters do not count."""
    return "".join(ch for ch in value if ord(ch) > 0x20 and ch != "\x7f").lower()


class _ScriptFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        where = f"<{tag}> at line {self.getpos()[0]}"
        values = {name: value or "" for name, value in attrs}
        if (
            tag == "script"
            and values.get("type") in ("application/ld+json", "application/json")
            and not values.get("src")
        ):
            # Structured data (and the script's translated strings, type application/json) is
            # not executed; it must still hold JSON and nothing else, so a payload that closed
            # the element early shows up as invalid JSON below.
            self._data_block = []
        elif tag == "script" and not values.get("src", "").startswith("/static/"):
            self.problems.append(f"script element {values!r} {where}")
        if tag in FORBIDDEN_ELEMENTS:
            self.problems.append(f"forbidden element {where}")
        if tag == "meta" and values.get("http-equiv", "").strip().lower() == "refresh":
            self.problems.append(f"meta refresh {where}")
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"event handler {name}={value!r} {where}")
            if name == "srcdoc":
                self.problems.append(f"srcdoc {where}")
            if name in URL_ATTRIBUTES and _normalised_url(value).startswith(BAD_SCHEMES):
                self.problems.append(f"{name}={value!r} {where}")

    handle_startendtag = handle_starttag

    _data_block: list[str] | None = None

    def handle_data(self, data: str) -> None:
        if self._data_block is not None:
            self._data_block.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._data_block is not None:
            text = "".join(self._data_block)
            self._data_block = None
            try:
                json.loads(text)
            except ValueError:
                self.problems.append(f"structured data is not JSON: {text[:80]!r}")


def assert_no_executable_script(html: str) -> None:
    finder = _ScriptFinder()
    finder.feed(html)
    finder.close()
    assert not finder.problems, "\n".join(finder.problems[:20])


class _FormValues(HTMLParser):
    """The value of each form control by id, as the browser will show it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: dict[str, str] = {}
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "input" and "id" in values:
            self.values[values["id"]] = values.get("value", "")
        if tag == "textarea" and "id" in values:
            self._textarea = values["id"]
            self.values[self._textarea] = ""

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self.values[self._textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self._textarea is not None:
            # HTML drops one newline straight after <textarea>.
            self.values[self._textarea] = self.values[self._textarea].removeprefix("\n")
            self._textarea = None


class _TextOf(HTMLParser):
    """The text of each element with this CSS class or id."""

    def __init__(self, css_class: str) -> None:
        super().__init__(convert_charrefs=True)
        self.css_class = css_class
        self.texts: list[str] = []
        self._open: list[str] = []  # tags opened inside the element being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._open:
            self._open.append(tag)
            return
        values = dict(attrs)
        if self.css_class in (values.get("class") or "").split() or values.get("id") == (
            self.css_class
        ):
            self._open.append(tag)
            self.texts.append("")

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag == self._open[-1]:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open:
            self.texts[-1] += data


def texts_of(html: str, css_class: str) -> list[str]:
    parser = _TextOf(css_class)
    parser.feed(html)
    parser.close()
    return parser.texts


def form_values(html: str) -> dict[str, str]:
    parser = _FormValues()
    parser.feed(html)
    parser.close()
    return parser.values


def test_the_check_catches_what_it_should():
    bad = [
        "<script>alert(1)</script>",
        '<script src="https://evil.example/x.js"></script>',
        "<img src=x onerror=alert(1)>",
        '<a href=" jav&#x09;ascript:alert(1)">x</a>',
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        '<a href="&#1;data:text/html,x">x</a>',
        '<form><button formaction="vbscript:x">x</button></form>',
        '<object data="data:text/html,x"></object>',
        "<svg><a xlink:href='javascript:x'>x</a></svg>",
        '<meta http-equiv="Refresh" content="0;url=https://evil.example">',
        "<base href=https://evil.example/>",
        "<iframe srcdoc='x'></iframe>",
        "<math></math>",
        "<style>*{}</style>",
        "<br/ onload=alert(1)>",
    ]
    for html in bad:
        with pytest.raises(AssertionError):
            assert_no_executable_script(html)
    assert_no_executable_script(
        '<script src="/static/mindwell/mindwell.js" defer></script>'
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1) onload=x</p>"
        '<a href="/questions/1/x/" title="javascript:">ok</a>'
    )


# --- (a) every payload, through the services -----------------------------------------------


def attempt(call: Callable[[], Any]) -> Any:
    """Run a service call: the result, or None when it refused cleanly with a ServiceError."""
    try:
        return call()
    except ServiceError as error:
        assert error.message, "a refusal must say why"
        return None


def test_payload_corpus_is_loaded():
    assert len(PAYLOADS) > 700
    assert any("<script" in p.lower() for p in PAYLOADS)
    assert any("\x00" in p for p in PAYLOADS)


@pytest.mark.django_db
@pytest.mark.parametrize("batch", BATCHES, ids=[f"batch{i:02d}" for i in range(len(BATCHES))])
def test_payloads_through_services_and_pages(batch, client):
    # One member posts the whole corpus: lift the hourly write limits meant for people.
    WriteLimit.objects.update(per_member_per_hour=0, per_ip_per_hour=0)
    member = make_user()
    category_id = category().pk
    host = make_question(author=member, title="A calm question that collects every reply")
    host_answer = make_answer(host, author=member)
    as_member = Poster(user=member)
    payload_questions: list[Post] = []
    accepted = {"title": 0, "body": 0, "tags": 0, "answer": 0, "comment": 0, "name": 0}

    for n, payload in enumerate(batch):

        def ask(title: str, body: str, tags: str) -> Post | None:
            return attempt(
                lambda: question_create(  # noqa: B023
                    poster=as_member, title=title, body=body, category_id=category_id, tags=tags
                )
            )

        # Title and body together; if that is refused, each on its own.
        question = ask(payload, payload, "calm")
        if question is None:
            question = ask(payload, "An ordinary body.", "calm")
            accepted["title"] += question is not None
            if question is not None:
                payload_questions.append(question)
            question = ask(f"An ordinary question number {n}", payload, "calm")
            accepted["body"] += question is not None
        else:
            accepted["title"] += 1
            accepted["body"] += 1
        if question is not None:
            payload_questions.append(question)
        question = ask(f"An ordinary tagged question {n}", "Body.", payload)
        if question is not None:
            accepted["tags"] += 1
            payload_questions.append(question)

        # Answers and comments: anonymous name and body together, then each alone.
        target = host if n % 2 else host_answer
        for kind, create in (
            ("answer", lambda poster, body: answer_create(poster=poster, question=host, body=body)),
            (
                "comment",
                lambda poster, body: comment_create(
                    poster=poster,
                    parent=target,  # noqa: B023
                    body=body,
                ),
            ),
        ):
            post = attempt(lambda: create(Poster(name=payload), payload))  # noqa: B023
            if post is None:
                accepted["name"] += (
                    attempt(lambda: create(Poster(name=payload), f"An ordinary {kind}."))  # noqa: B023
                    is not None
                )
                accepted[kind] += attempt(lambda: create(as_member, payload)) is not None  # noqa: B023
            else:
                accepted["name"] += 1
                accepted[kind] += 1

    # The corpus is mostly text a person may legitimately write: most of it must get through.
    assert accepted["body"] >= len(batch) * 0.8, accepted
    assert accepted["comment"] >= len(batch) * 0.5, accepted

    # One render of the thread that holds this batch's answers, comments and names: nothing
    # executable, every reply shown, and every name shown exactly as it was stored.
    response = client.get(host.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert_no_executable_script(html)
    replies = list(Post.objects.filter(question=host).exclude(pk=host.pk))
    assert html.count('class="post answer') == sum(r.kind == "A" for r in replies)
    assert html.count('class="comment"') == sum(r.kind == "C" for r in replies)
    assert sorted(texts_of(html, "anonymous")) == sorted(
        r.display_name for r in replies if r.author_id is None
    )

    # What a question page inserts unescaped is body_html: check every one. Titles and tags
    # are checked on the list pages, which show them all; and every fifth question's own page
    # is rendered too (the rest render the same template with other text).
    for question in payload_questions:
        assert_no_executable_script(question.body_html)
    for question in payload_questions[::5]:
        response = client.get(question.get_absolute_url())
        assert response.status_code == 200, question.pk
        html = response.content.decode()
        assert_no_executable_script(html)
        assert texts_of(html, "question-title") == [question.title]
    titles, tags = [], []
    total = Post.objects.filter(kind="Q").count()
    for page in range(1, (total + 19) // 20 + 1):
        response = client.get(f"/?page={page}")
        assert response.status_code == 200
        html = response.content.decode()
        assert_no_executable_script(html)
        titles += texts_of(html, "question-title")
        tags += texts_of(html, "tag")
    assert sorted(titles) == sorted(Post.objects.filter(kind="Q").values_list("title", flat=True))
    assert set(tags) == set(
        Post.objects.filter(kind="Q", tags__isnull=False).values_list("tags__name", flat=True)
    )
    response = client.get("/tags/")
    assert response.status_code == 200
    assert_no_executable_script(response.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize("batch", BATCHES, ids=[f"batch{i:02d}" for i in range(len(BATCHES))])
def test_payloads_through_the_preview(batch, client):
    for payload in batch:
        response = client.post("/preview/", {"body": payload})
        assert response.status_code == 200
        assert_no_executable_script(response.content.decode())


# --- (b) the nastiest payloads, through the real forms -------------------------------------

_NASTY_MARKERS: list[Callable[[str], bool]] = [
    lambda p: 100_000 < len(p) < 500_000,  # over every field's limit, under the upload limit
    lambda p: "<script" in p.lower(),
    lambda p: "javascript:" in p.lower().replace(" ", ""),
    lambda p: "onerror" in p.lower(),
    lambda p: "onload" in p.lower(),
    lambda p: "<svg" in p.lower(),
    lambda p: "<iframe" in p.lower(),
    lambda p: "data:" in p.lower(),
    lambda p: "vbscript" in p.lower(),
    lambda p: "<style" in p.lower() or "expression(" in p.lower(),
    lambda p: "<meta" in p.lower() or "<base" in p.lower(),
    lambda p: "&#" in p,
    lambda p: "](" in p,
    lambda p: '">' in p or "'>" in p,
    lambda p: "\x00" in p,
    lambda p: any(ord(c) < 0x20 and c not in "\n\t" for c in p),
    lambda p: any(c in p for c in "\u202e\u202d\u2066\u2067"),
    lambda p: any(c in p for c in "\u200b\ufeff\u2028\u2029"),
    lambda p: any(0x300 <= ord(c) <= 0x36F for c in p),
    lambda p: any(ord(c) > 0xFFFF for c in p),
    lambda p: len(p) > 150,
    lambda p: "{{" in p or "${" in p or "%s" in p,
    lambda p: "' or" in p.lower() or "drop table" in p.lower(),
    lambda p: "../" in p or "..\\" in p,
]


def _nastiest(count: int = 60) -> list[str]:
    """Round-robin over the markers, so the sample covers every kind of nastiness."""
    chosen: list[str] = []
    queues = [[p for p in PAYLOADS if marker(p)] for marker in _NASTY_MARKERS]
    while len(chosen) < count and any(queues):
        for queue in queues:
            while queue and queue[0] in chosen:
                queue.pop(0)
            if queue and len(chosen) < count:
                chosen.append(queue.pop(0))
    return chosen


NASTIEST = _nastiest()


def _posted(client, url: str, data: dict[str, str], kept: dict[str, str]) -> None:
    """POST a form: never a server error, nothing executable, and a refusal keeps the text."""
    response = client.post(url, data)
    assert response.status_code < 500
    if response.status_code in (301, 302):
        page = client.get(response["Location"], follow=True)
        assert page.status_code == 200
        assert_no_executable_script(page.content.decode())
        return
    assert response.status_code in (200, 400), response.status_code
    html = response.content.decode()
    assert_no_executable_script(html)
    values = form_values(html)
    for control_id, text in kept.items():
        assert values.get(control_id) == text, f"{control_id} lost the person's text"


def test_nastiest_sample_is_varied():
    assert len(NASTIEST) == 60
    assert len(set(NASTIEST)) == 60


@pytest.mark.django_db
@pytest.mark.parametrize("payload", NASTIEST, ids=[f"nasty{i:02d}" for i in range(len(NASTIEST))])
def test_nastiest_payloads_through_the_forms(payload, client, question, member):
    category_id = str(category().pk)
    client.force_login(member)
    for data in (
        {"title": payload, "body": payload, "tags": payload},
        {"title": payload, "body": payload, "tags": "calm"},
        {"title": "An ordinary question about sleep", "body": payload, "tags": "calm"},
    ):
        _posted(
            client,
            "/ask/",
            {**data, "category": category_id, "submit_token": uuid.uuid4().hex},
            kept={"id_title": data["title"], "id_body": data["body"], "id_tags": data["tags"]},
        )
    _posted(
        client,
        "/ask/",
        {"title": payload, "body": payload, "category": category_id, "preview": "1"},
        kept={"id_title": payload, "id_body": payload},
    )
    client.logout()

    answer_url = f"/questions/{question.pk}/answer/"
    for data in (
        {"body": payload, "anon_name": payload},
        {"body": "An ordinary answer that helps.", "anon_name": payload},
        {"body": payload, "anon_name": "", "preview": "1"},
    ):
        _posted(
            client,
            answer_url,
            {**data, "submit_token": uuid.uuid4().hex},
            kept={"id_body": data["body"], "id_anon_name": data["anon_name"]},
        )
    answer = Post.objects.filter(question=question, kind="A").first() or make_answer(question)
    for parent in (question, answer):
        _posted(
            client,
            f"/posts/{parent.pk}/comment/",
            {"body": payload, "anon_name": payload, "submit_token": uuid.uuid4().hex},
            kept={"id_body": payload, "id_anon_name": payload},
        )
    response = client.get(question.get_absolute_url())
    assert response.status_code == 200
    assert_no_executable_script(response.content.decode())


@pytest.mark.django_db
def test_a_post_over_the_upload_limit_is_refused_without_a_server_error(client, question):
    response = client.post(f"/questions/{question.pk}/answer/", {"body": "x " * 1_500_000})
    assert response.status_code == 400
    assert not Post.objects.filter(kind="A").exists()
