"""The category tree and tags, as pages."""

from __future__ import annotations

import html as html_lib

import pytest

from mindwell.qa.models import Post
from tests.factories import category, make_question

pytestmark = pytest.mark.django_db

TOP_LEVEL = [
    "Psychology",
    "Relationships",
    "Anxiety",
    "Depression",
    "Family & Parenting",
    "Work & Stress",
    "Grief & Loss",
]
SUB_CATEGORIES = [
    "Therapy & Counselling",
    "Research & Theory",
    "Dating",
    "Marriage & Partnerships",
    "Friendship",
    "Breakups",
    "Panic Attacks",
    "Social Anxiety",
    "Coping Day to Day",
    "Treatment & Medication",
    "Parenting",
    "Family Conflict",
    "Burnout",
    "Workplace Relationships",
    "Bereavement",
    "Pet Loss",
]


def text(response) -> str:
    assert response.status_code == 200
    return html_lib.unescape(response.content.decode())


def test_categories_page_lists_the_seeded_tree_in_order(client):
    page = text(client.get("/categories/"))
    positions = [page.index(f">{name}</a>") for name in TOP_LEVEL]
    assert positions == sorted(positions)
    for name in SUB_CATEGORIES:
        assert f">{name}</a>" in page
    # Sub-categories sit under their parent.
    assert (
        page.index(">Anxiety</a>")
        < page.index(">Panic Attacks</a>")
        < page.index(">Depression</a>")
    )
    assert 'href="/categories/family-parenting/"' in page
    assert 'href="/categories/pet-loss/"' in page
    assert "0 questions" in page


def test_categories_page_counts_questions_including_sub_categories(client, member):
    make_question(author=member, category_id=category("panic-attacks").pk)
    make_question(author=member, category_id=category("anxiety").pk)
    page = text(client.get("/categories/"))
    anxiety = page[page.index(">Anxiety</a>") :]
    assert anxiety.index("2 questions") < anxiety.index(">Panic Attacks</a>")
    panic = anxiety[anxiety.index(">Panic Attacks</a>") :]
    assert panic.startswith('>Panic Attacks</a> <span class="count">1 question</span>')


def test_category_page_lists_questions_of_sub_categories_too(client, member):
    parent_q = make_question(
        author=member,
        title="Why does worry get worse at night?",
        category_id=category("anxiety").pk,
    )
    child_q = make_question(
        author=member,
        title="What do I do during a panic attack?",
        category_id=category("panic-attacks").pk,
    )
    other_q = make_question(
        author=member, title="How do I grieve for my dog?", category_id=category("pet-loss").pk
    )

    page = text(client.get("/categories/anxiety/"))
    assert "Questions in Anxiety" in page
    assert parent_q.title in page and child_q.title in page
    assert other_q.title not in page
    assert 'href="/categories/panic-attacks/">Panic Attacks</a> (1)' in page
    assert f'href="/ask/?category={category("anxiety").pk}"' in page

    page = text(client.get("/categories/panic-attacks/"))
    assert child_q.title in page and parent_q.title not in page
    assert 'href="/categories/anxiety/">Anxiety</a>' in page  # breadcrumb


def test_category_page_hides_deleted_questions_and_sorts(client, member):
    kept = make_question(author=member, category_id=category("dating").pk)
    gone = make_question(author=member, category_id=category("dating").pk)
    Post.objects.filter(pk=gone.pk).update(status="deleted")
    Post.objects.filter(pk=kept.pk).update(score=4)
    page = text(client.get("/categories/relationships/?sort=votes"))
    assert kept.title in page
    assert gone.title not in page
    assert 'aria-current="page" class="current">Most votes' in page


def test_empty_and_unknown_categories(client):
    assert "No questions here yet." in text(client.get("/categories/burnout/"))
    assert client.get("/categories/no-such-thing/").status_code == 404


def test_ask_link_preselects_the_category(client, member):
    client.force_login(member)
    pk = category("burnout").pk
    page = text(client.get(f"/ask/?category={pk}"))
    assert f'<option value="{pk}" selected>' in page


def test_tag_list_and_tag_page(client, member):
    first = make_question(author=member, title="How can I get to sleep?", tags="sleep insomnia")
    second = make_question(author=member, title="Is napping bad for anxiety?", tags="sleep anxiety")
    page = text(client.get("/tags/"))
    assert page.index(">sleep</a>") < page.index(">anxiety</a>")  # most used first
    assert '>sleep</a> <span class="count">× 2</span>' in page
    assert 'href="/tags/insomnia/"' in page

    page = text(client.get("/tags/sleep/"))
    assert "Questions tagged" in page
    assert "2 questions" in page
    assert first.title in page and second.title in page
    page = text(client.get("/tags/insomnia/"))
    assert first.title in page and second.title not in page
    # Tag names are lower case; the URL may not be.
    assert first.title in text(client.get("/tags/Insomnia/"))
    assert client.get("/tags/unknown-tag/").status_code == 404


def test_tags_with_symbols_have_working_pages(client, member):
    question = make_question(author=member, tags="c++ #sleep node.js a#b")
    page = text(client.get(question.get_absolute_url()))
    for name in ("c++", "sleep", "node.js", "a#b"):  # a leading # is a hashtag, not part of it
        assert f">{name}</a>" in page
    assert 'href="/tags/a%23b/"' in page
    for url in ("/tags/c++/", "/tags/a%23b/", "/tags/node.js/", "/tags/sleep/"):
        assert question.title in text(client.get(url)), url


def test_unused_tags_are_not_listed(client, member, question):
    page = text(client.get("/tags/"))
    assert ">anxiety</a>" in page
    from mindwell.qa.services import post_edit

    post_edit(post=question, editor=member, body=question.body, tags="mornings")
    page = text(client.get("/tags/"))
    assert ">anxiety</a>" not in page
    assert ">mornings</a>" in page
