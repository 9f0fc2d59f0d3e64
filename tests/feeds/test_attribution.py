"""Imported posts keep their CC BY-SA attribution in feeds: the original author as the item's
author (Atom: with their page on the original site) and a line with the source link and the
licence under the text, with no query per item."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mindwell.importers.models import ImportedAttribution, ImportedObject
from mindwell.qa.models import ContentWarning, Post
from tests.factories import make_answer, make_question
from tests.feeds.feed_helpers import FORMATS, fetch
from tests.importers.stackexchange.helpers import SYNTHETIC

pytestmark = pytest.mark.django_db

BY_SA_4 = "https://creativecommons.org/licenses/by-sa/4.0/"
AUTHOR_PAGE = "https://mindful.stackexchange.com/users/7"


def imported(post: Post, name: str = "Ann <Example> & Co") -> str:
    """Mark `post` as imported; the line its feed item should end with (as HTML)."""
    source = f"https://mindful.stackexchange.com/q/{post.pk}"
    ImportedAttribution.objects.create(
        post=post,
        source_url=source,
        author_name=name,
        author_url=AUTHOR_PAGE,
        licence="CC BY-SA 4.0",
        licence_url=BY_SA_4,
    )
    escaped = name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (
        f'<p>By {escaped}, from <a href="{source}">mindful.stackexchange.com</a>, '
        f'under <a href="{BY_SA_4}">CC BY-SA 4.0</a></p>'
    )


def entries_by_link(parsed) -> dict[str, object]:
    return {entry.link: entry for entry in parsed.entries}


@pytest.mark.parametrize("fmt", FORMATS)
def test_list_feed_items_name_the_original_author_source_and_licence(client, member, fmt):
    native = make_question(author=member, title="A question asked here, about sleep")
    question = make_question(author=member, title="A question imported, about sleep")
    line = imported(question)
    parsed, raw = fetch(client, f"/feeds/recent.{fmt}")
    items = entries_by_link(parsed)
    item = items[f"http://testserver{question.get_absolute_url()}"]
    assert item.author == "Ann <Example> & Co"
    assert item.summary.endswith(line)
    assert "I have been anxious for weeks" in item.summary  # the text is still there
    if fmt == "atom":
        assert item.author_detail.href == AUTHOR_PAGE
    mine = items[f"http://testserver{native.get_absolute_url()}"]
    assert mine.author == member.username
    assert "stackexchange" not in mine.summary
    assert raw.decode().count("mindful.stackexchange.com/q/") == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_question_feed_names_each_imported_answers_author(client, question, member, fmt):
    answer = make_answer(question, body="A short walk helps me every morning.")
    native = make_answer(question, author=member, body="Writing worries down works for me.")
    line = imported(answer, name="Ben Helper")
    parsed, _ = fetch(client, f"/questions/{question.pk}/feed.{fmt}")
    items = {entry.id.rsplit("#", 1)[1]: entry for entry in parsed.entries}
    assert items[answer.anchor].author == "Ben Helper"
    assert items[answer.anchor].title.startswith("Answer by Ben Helper to")
    assert items[answer.anchor].summary.endswith(line)
    assert items[native.anchor].author == member.username
    assert "stackexchange" not in items[native.anchor].summary


def test_taxonomy_and_search_feeds_carry_the_attribution(client, member):
    question = make_question(author=member, title="Panic on the train every morning")
    answer = make_answer(make_question(title="Panic at the shops"), body="Panic eases in time.")
    question_line, answer_line = imported(question), imported(answer, name="Ben Helper")
    for url in ("/categories/psychology/feed.rss", "/tags/anxiety/feed.atom"):
        parsed, _ = fetch(client, url)
        items = entries_by_link(parsed)
        assert items[f"http://testserver{question.get_absolute_url()}"].summary.endswith(
            question_line
        )
    parsed, _ = fetch(client, "/search/feed.atom?q=panic")
    summaries = {entry.author: entry.summary for entry in parsed.entries}
    assert summaries["Ann <Example> & Co"].endswith(question_line)
    assert summaries["Ben Helper"].endswith(answer_line)


def test_a_post_behind_a_content_warning_still_names_its_author(client, member):
    question = make_question(author=member, content_warning=ContentWarning.SELF_HARM)
    line = imported(question)
    parsed, _ = fetch(client, "/feeds/recent.rss")
    item = entries_by_link(parsed)[f"http://testserver{question.get_absolute_url()}"]
    assert "Content warning" in item.summary
    assert "I have been anxious" not in item.summary
    assert item.summary.endswith(line)


def test_a_real_import_reads_as_the_question_page_shows_it(client):
    call_command("import_stackexchange", str(SYNTHETIC), stdout=StringIO())
    local = ImportedObject.objects.get(kind="post", external_id="10").local_id
    question = Post.objects.get(pk=local)
    parsed, _ = fetch(client, "/feeds/recent.atom")
    item = entries_by_link(parsed)[f"http://testserver{question.get_absolute_url()}"]
    assert item.author == "Ann Example"
    assert item.author_detail.href == "https://mindful.stackexchange.com/users/1"
    assert item.summary.endswith(
        '<p>By Ann Example, from <a href="https://mindful.stackexchange.com/q/10">'
        "mindful.stackexchange.com</a>, under "
        '<a href="https://creativecommons.org/licenses/by-sa/3.0/">CC BY-SA 3.0</a></p>'
    )


def _queries(client, url: str) -> int:
    client.get(url)  # warm: per-process caches (settings, rules)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_imports_add_no_query_per_item(client, question):
    make_answer(question)
    urls = (
        "/feeds/recent.rss",
        "/categories/psychology/feed.atom",
        f"/questions/{question.pk}/feed.rss",
        "/search/feed.rss?q=anxious",
    )
    before = [_queries(client, url) for url in urls]
    for _ in range(5):
        imported(make_question())
        imported(make_answer(question), name="Ben Helper")
    after = [_queries(client, url) for url in urls]
    assert after == before
    parsed, _ = fetch(client, f"/questions/{question.pk}/feed.rss")
    assert [entry.author for entry in parsed.entries].count("Ben Helper") == 5
