"""My updates: new activity in what a member follows, newest first, paged by cursor, never
showing what readers may not see, and at a query count that does not grow."""

from __future__ import annotations

import html as html_lib
import re

import pytest

from mindwell.follows.selectors import REASONS, updates_page
from mindwell.follows.services import follow_add
from mindwell.qa.models import Post
from mindwell.qa.pagination import PageRequest
from mindwell.qa.services.publication import post_set_status
from mindwell.taxonomy.models import Tag
from tests.factories import category, make_answer, make_comment, make_question, make_user
from tests.qa.lists_helpers import queries_of

pytestmark = pytest.mark.django_db


def grief() -> Tag:
    return Tag.objects.get_or_create(name="grief")[0]


def text(response) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    return html_lib.unescape(response.content.decode())


def shown(member) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    """(post id, why it is shown: the key of REASONS) of every update."""
    page = updates_page(user=member, page=PageRequest(), per_page=100)
    why = {label: key for key, label in REASONS.items()}
    return [(event.post.pk, why[event.event]) for event in page.items]


def test_updates_hold_activity_in_everything_followed(member, other_member):
    followed_question = make_question()
    follow_add(user=member, target=followed_question)
    follow_add(user=member, target=other_member)
    follow_add(user=member, target=grief())
    follow_add(user=member, target=category("anxiety"))

    reply = make_answer(followed_question)
    comment = make_comment(reply)
    by_followed = make_question(author=other_member, tags="cooking")
    answer_by_followed = make_answer(make_question(tags="cooking"), author=other_member)
    in_tag = make_question(tags="grief")
    in_subcategory = make_question(category_id=category("panic-attacks").pk, tags="x")
    unrelated = make_question(tags="cooking")
    make_answer(unrelated)
    make_comment(by_followed, author=other_member)  # comments by members are not updates
    make_answer(followed_question, author=member)  # nor the member's own posts

    assert shown(member) == [
        (in_subcategory.pk, "category"),
        (in_tag.pk, "tag"),
        (answer_by_followed.pk, "user"),
        (by_followed.pk, "user"),
        (comment.pk, "question"),
        (reply.pk, "question"),
    ]


def test_a_post_matching_twice_is_shown_once(member, other_member):
    follow_add(user=member, target=other_member)
    follow_add(user=member, target=grief())
    both = make_question(author=other_member, tags="grief")
    assert [pk for pk, _ in shown(member)] == [both.pk]


def test_hidden_and_deleted_posts_never_appear(member):
    staff = make_user(is_staff=True)
    question = make_question()
    for reader in (member, staff):
        follow_add(user=reader, target=question)
        follow_add(user=reader, target=grief())
    hidden_answer = make_answer(question)
    post_set_status(post=Post.objects.get(pk=hidden_answer.pk), status="hidden")
    hidden_thread = make_question(tags="grief")
    make_answer(hidden_thread)
    post_set_status(post=Post.objects.get(pk=hidden_thread.pk), status="hidden")
    queued = make_question(tags="grief")
    Post.objects.filter(pk=queued.pk).update(status="queued")
    kept = make_answer(question)
    for reader in (member, staff):
        assert shown(reader) == [(kept.pk, "question")]


def test_the_page_needs_a_login_and_is_the_members_own(client, member, other_member):
    response = client.get("/updates/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    follow_add(user=member, target=grief())
    question = make_question(tags="grief", title="Missing my grandfather this week?")
    client.force_login(other_member)
    assert question.title not in text(client.get("/updates/"))
    assert "Nothing new yet." in text(client.get("/updates/"))
    client.force_login(member)
    page = text(client.get("/updates/"))
    assert question.title in page and "(in a tag you follow)" in page


def test_updates_page_by_cursor_at_a_constant_query_count(client, member):
    follow_add(user=member, target=grief())
    follow_add(user=member, target=category("anxiety"))
    busy = make_question()
    follow_add(user=member, target=busy)
    follow_add(user=member, target=make_user())
    client.force_login(member)
    client.get("/updates/")
    make_question(tags="grief")
    few = queries_of(client, "/updates/")
    titles = [f"Update question {n:02d} about loss?" for n in range(23)]
    for title in titles:
        make_comment(make_answer(busy))
        make_question(tags="grief", title=title)
    assert len(queries_of(client, "/updates/")) == len(few)
    first = text(client.get("/updates/"))
    following = re.search(r'<a rel="next" href="([^"]+)">Next</a>', first)
    assert following is not None
    assert len(queries_of(client, "/updates/" + following.group(1))) <= len(few)
    second = text(client.get("/updates/" + following.group(1)))
    seen = re.findall(r"Update question (\d\d)", first + second)
    assert len(seen) == len(set(seen))
    assert "Page 2" in second and "Previous" in second
    assert "damaged or out of date" in text(client.get("/updates/?after=broken"))
