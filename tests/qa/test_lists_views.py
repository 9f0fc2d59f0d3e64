"""The list pages: sort and kind links, Next and Previous, a clear message for a bad link,
filters, the activity stream, and a query count that does not grow with the list."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from django.db import connection
from django.test import Client

from mindwell.qa.models import Post
from mindwell.qa.pagination import BAD_CURSOR, RowCompare
from mindwell.qa.selectors import SORTS, question_list
from mindwell.qa.services import post_edit
from mindwell.qa.services.publication import post_set_status
from tests.factories import category, make_answer, make_comment, make_question, make_user
from tests.qa.lists_helpers import queries_of, update

pytestmark = pytest.mark.django_db


def text(response) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.status_code
    return html_lib.unescape(response.content.decode())


def next_link(page: str) -> str:
    match = re.search(r'<a rel="next" href="([^"]+)">Next</a>', page)
    assert match is not None, "no Next link"
    return match.group(1)


def titles(page: str) -> list[str]:
    return re.findall(r'<h2 class="question-title"[^>]*>.*?<a href="[^"]+">(.*?)</a></h2>', page)


def test_home_pages_through_with_next_and_previous(client):
    questions = [make_question(title=f"Question number {n:02d} about sleep?") for n in range(45)]
    newest_first = [q.title for q in reversed(questions)]
    first = text(client.get("/"))
    assert titles(first) == newest_first[:20]
    assert "Previous" not in first and '<span aria-current="page">Page 1</span>' in first
    second = text(client.get("/" + next_link(first)))
    assert titles(second) == newest_first[20:40]
    assert '<span aria-current="page">Page 2</span>' in second
    assert '<a rel="prev" href="?">Previous</a>' in second  # page 1 is the plain URL
    third = text(client.get("/" + next_link(second)))
    assert titles(third) == newest_first[40:]
    assert "Next</a>" not in third and ">First page</a>" in third
    back = re.search(r'<a rel="prev" href="([^"]+)">Previous</a>', third)
    assert back is not None
    assert titles(text(client.get("/" + back.group(1)))) == newest_first[20:40]


def test_sort_and_kind_links_keep_filters_and_drop_the_cursor(client):
    [make_question() for _ in range(22)]
    first = text(client.get("/?sort=votes&category=psychology"))
    assert '<a href="?sort=hot&category=psychology">Hot</a>' in first
    deep = next_link(first)
    assert deep.startswith("?sort=votes&category=psychology&after=")
    page = text(client.get("/" + deep))
    assert '<a href="?sort=answers&category=psychology">Most answers</a>' in page
    unanswered = text(client.get("/?sort=unanswered"))
    for kind, label in [("no-best", "No best answer"), ("no-upvoted", "No upvoted answer")]:
        assert f'href="?sort=unanswered&kind={kind}">{label}</a>' in unanswered
    assert 'aria-current="page" class="current">No answer</a>' in unanswered
    votes = text(client.get("/?sort=unanswered&kind=no-best"))
    assert '<a href="?sort=votes">Most votes</a>' in votes  # the kind goes with the sort


def test_a_damaged_link_shows_the_first_page_and_says_so(client):
    question = make_question(title="The only question here, about worry?")
    for query in ("?after=nonsense", "?before=x:y:z", "?sort=votes&after=%00%FF", "?page=99999"):
        response = client.get("/" + query)
        page = text(response)
        assert question.title in page, query
        assert '<li class="message info">' in page, query
    assert str(BAD_CURSOR) in text(client.get("/?after=nonsense"))
    # A cursor from another list is refused the same way.
    [make_question() for _ in range(21)]
    votes_next = next_link(text(client.get("/?sort=votes")))
    cursor = votes_next.split("after=")[1]
    assert str(BAD_CURSOR) in text(client.get(f"/?sort=recent&after={cursor}"))


def test_category_and_tag_pages_use_the_same_lists(client):
    in_child = make_question(title="Panic in the supermarket queue?", tags="panic")
    update(in_child, category_id=category("panic-attacks").pk)
    page = text(client.get("/categories/anxiety/?sort=unanswered&kind=no-best"))
    assert "Panic in the supermarket queue?" in page
    page = text(client.get("/tags/panic/?sort=hot"))
    assert "Panic in the supermarket queue?" in page
    assert 'aria-current="page" class="current">Hot</a>' in page


def test_home_filters_by_category_and_tag(client):
    make_question(title="Sleepless before my exams, what helps?", tags="exams")
    other = make_question(title="Arguing with my sister about money?", tags="family")
    update(other, category_id=category("dating").pk)
    page = text(client.get("/?category=psychology&tag=exams"))
    assert "Sleepless before my exams" in page and "Arguing with my sister" not in page
    assert '<label for="filter-category">Category</label>' in page
    assert '<option value="psychology" selected>' in page
    page = text(client.get("/?category=no-such-place&tag=nothing-like-this"))
    assert "There is no category with that name, so all are shown." in page
    assert "No question is tagged “nothing-like-this” yet, so all are shown." in page
    assert "Sleepless before my exams" in page and "Arguing with my sister" in page


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/?sort=hot",
        "/?sort=views",
        "/?sort=unanswered&kind=no-upvoted",
        "/?category=anxiety&tag=anxiety",
        "/categories/anxiety/?sort=active",
        "/tags/anxiety/?sort=answers",
        "/activity/",
    ],
)
def test_list_query_counts_do_not_grow(url):
    def add(n: int) -> None:
        for i in range(n):
            question = make_question(
                tags=f"anxiety extra{i}", category_id=category("panic-attacks").pk
            )
            make_comment(make_answer(question))

    client = Client()
    client.force_login(make_user())
    add(2)
    client.get(url)  # caches filled, session touched
    few = queries_of(client, url)
    add(25)
    many = queries_of(client, url)
    assert len(many) == len(few), many
    page = text(client.get(url))
    assert "Next</a>" in page
    deeper = queries_of(client, url.split("?")[0] + next_link(page))
    assert len(deeper) <= len(few), deeper


def test_activity_stream_shows_posts_and_edits_newest_first(client):
    question = make_question(title="How do I stop worrying at night?")
    answer = make_answer(question, body="A wind-down routine helped me a lot.")
    make_comment(answer, body="Thank you, I will try that.")
    post_edit(post=question, editor=question.author, body="It happens every night now.")
    page = text(client.get("/activity/"))
    rows = re.findall(r'<li class="activity-row">(.*?)</li>', page, re.S)
    kinds = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", row)).strip() for row in rows]
    assert [k.split(question.title)[0].split(")")[-1].strip().split()[-1] for k in kinds] == [
        "question",  # "edited the question"
        "on",  # "commented on"
        "answered",
        "asked",
    ]
    assert all(question.title in k for k in kinds)


def test_activity_stream_leaves_out_what_a_visitor_may_not_read(client):
    visible = make_question(title="A question everyone can read?")
    hidden = make_question(title="A hidden question about sleep?")
    make_answer(hidden, body="An answer inside a hidden thread.")
    post_set_status(post=Post.objects.get(pk=hidden.pk), status="hidden")
    gone = make_answer(visible, body="An answer that was deleted later.")
    post_set_status(post=Post.objects.get(pk=gone.pk), status="deleted")
    page = text(client.get("/activity/"))
    assert visible.title in page
    assert hidden.title not in page
    assert page.count('<li class="activity-row">') == 1  # the visible question alone
    staff = Client()
    staff.force_login(make_user(is_staff=True))
    assert hidden.title in text(staff.get("/activity/"))


def test_activity_stream_pages_by_cursor(client):
    questions = [make_question(title=f"Stream question {n:02d} on habits?") for n in range(25)]
    first = text(client.get("/activity/"))
    second = text(client.get("/activity/" + next_link(first)))
    shown = re.findall(r"Stream question (\d\d)", first + second)
    assert shown == [f"{n:02d}" for n in reversed(range(25))]
    assert len(questions) == 25
    assert str(BAD_CURSOR) in text(client.get("/activity/?after=bad"))


def test_nav_links(client, member):
    page = text(client.get("/"))
    assert '<a href="/activity/">Activity</a>' in page
    assert "My updates" not in page
    client.force_login(member)
    assert '<a href="/updates/">My updates</a>' in text(client.get("/"))


@pytest.mark.parametrize("sort", ["recent", "active", "hot", "votes", "answers", "views"])
def test_every_sort_reads_an_index_in_order(sort):
    """Page 1 and a deep page both read the sort's index from a start point and stop after
    a page: no sort step over all questions."""
    make_question()
    order = SORTS[sort]
    first = question_list(viewer=None, sort=sort)
    deep = first.filter(RowCompare(order.fields, order.key_of(first.first()), "<"))
    for queryset in (first[:21], deep[:21]):
        if connection.vendor == "sqlite":
            plan = queryset.explain()
            assert f"USING INDEX post_list_{sort}" in plan, plan
            assert "TEMP B-TREE" not in plan, plan
        else:
            # A tiny table makes any plan cheap: forbid sorting to ask whether an index
            # can give the order at all.
            with connection.cursor() as cursor:
                cursor.execute("SET enable_sort = off")
                try:
                    plan = queryset.explain()
                finally:
                    cursor.execute("SET enable_sort = on")
            assert f"post_list_{sort}" in plan, plan
            assert "Sort Key" not in plan, plan
