"""Every page the benchmark measures costs the same number of queries however big the forum
grows: in answers and comments on the page's question, tags per question, and rows per list.

The question page's own thread-size test lives in test_question_detail.py and the list
sorts' in tests/qa/test_lists_views.py; this one grows everything at once and checks the
seven pages of `make bench` (bench/run.py records the same counts on the bench database)
side by side, for a visitor and for a member.
"""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from mindwell.moderation.models import WriteLimit
from mindwell.qa.models import Post
from mindwell.qa.services import post_edit
from tests.factories import category, make_answer, make_comment, make_question, make_user

pytestmark = pytest.mark.django_db

FIVE_TAGS = "anxiety sleep panic grief loneliness"


def _grow(writer, *, questions: int, answers: int, comments: int, tags: str) -> None:  # type: ignore[no-untyped-def]
    """Add `questions` threads (half of them by `writer`), each with `answers` answers
    (one by `writer`) and `comments` comments per answer."""
    for i in range(questions):
        question = make_question(
            author=writer if i % 2 else None,
            title=f"How do I cope with worry at night, take {Post.objects.count()}?",
            tags=tags,
            category_id=category("anxiety").pk,
        )
        for j in range(answers):
            answer = make_answer(question, author=writer if j == 0 else None)
            for _ in range(comments):
                make_comment(answer)


def _deep_url(client: Client) -> str:
    """Page 2 of the home list, opened through the keyset cursor of page 1's Next link."""
    page = client.get("/").content.decode()
    match = re.search(r'<a rel="next" href="([^"]+)">Next</a>', page)
    assert match is not None, "the home list has no second page"
    return "/" + match.group(1).replace("&amp;", "&")


def _counts(client: Client, focus: Post, writer) -> dict[str, int]:  # type: ignore[no-untyped-def]
    urls = {
        "home": "/",
        "deep": _deep_url(client),
        "tag": "/tags/anxiety/",
        "category": "/categories/anxiety/",
        "search": "/search/?q=worry",
        "profile": f"/users/{writer.username}/",
        "question": focus.get_absolute_url(),
    }
    found = {}
    for name, url in urls.items():
        client.get(url)  # per-process caches (settings, related questions) filled first
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        found[name] = len(queries)
    return found


def test_page_query_counts_stay_constant_as_the_forum_grows(settings):
    # The buffered view-count flush runs in whichever request finds it due (one query more
    # at random); it is off while counting.
    settings.MINDWELL_VIEW_FLUSH_SECONDS = 0
    # One writer posts dozens of questions here, past the hourly limits.
    WriteLimit.objects.update(per_member_per_hour=0, per_ip_per_hour=0)
    writer = make_user("writer")
    focus = make_question(author=make_user(), title="How do I sleep again?", tags="anxiety")
    make_answer(focus)
    # 21 more questions: the home list has a second page (20 a page) with one row on it.
    _grow(writer, questions=21, answers=1, comments=0, tags="anxiety")
    visitor, member = Client(), Client()
    member.force_login(make_user("reader"))
    for client in (visitor, member):
        client.get("/")
    small = {"anonymous": _counts(visitor, focus, writer), "member": _counts(member, focus, writer)}

    # Ten times the answers on the question, each with comments, five tags everywhere, and
    # full list pages (the second page now holds 20 rows).
    for i in range(9):
        answer = make_answer(focus, body=f"What helped me, number {i}: a routine.")
        for _ in range(3):
            make_comment(answer)
    make_comment(focus)
    post_edit(post=focus, editor=focus.author, body="More about it.", tags=FIVE_TAGS)
    _grow(writer, questions=25, answers=3, comments=2, tags=FIVE_TAGS)
    assert focus.thread_posts.filter(kind="A").count() == 10
    big = {"anonymous": _counts(visitor, focus, writer), "member": _counts(member, focus, writer)}

    print("queries per page (small forum, grown forum):", small, big)
    assert big == small
    # Ceilings, so a page that gains queries in every state at once is noticed too.
    for who, ceiling in (("anonymous", 12), ("member", 16)):
        over = {page: n for page, n in big[who].items() if n > ceiling}
        assert not over, (who, over)
