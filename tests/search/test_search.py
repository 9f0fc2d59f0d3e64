"""The search suite both backends must pass: CI runs it on SQLite (FTS5) and on PostgreSQL.

Assertions are about which posts match and which ranks first, never about exact scores or
snippet boundaries, which differ between the backends by design.
"""

from __future__ import annotations

import pytest
from django.db import connection

from mindwell.qa.models import Post, PostKind
from mindwell.search.selectors import MAX_PAGES, PAGE_SIZE, search
from tests.factories import category, make_answer, make_comment, make_question
from tests.search.helpers import found

pytestmark = pytest.mark.django_db


def test_the_backend_follows_the_database():
    from mindwell.search.backends import get_backend

    assert get_backend().vendor == connection.vendor


def test_a_title_match_ranks_above_a_body_match(member):
    in_body = make_question(
        author=member,
        title="Trouble resting since the new baby arrived",
        body="Insomnia has taken over my nights and I am exhausted.",
    )
    in_title = make_question(
        author=member,
        title="Insomnia after a stressful month at work",
        body="I lie awake until three and feel wrecked all day.",
    )
    assert found("insomnia") == [in_title.pk, in_body.pk]


def test_stemming_finds_other_forms_of_a_word(member):
    worry = make_question(
        author=member, title="I worry about my health constantly", body="It takes over my day."
    )
    assert found("worrying") == [worry.pk]
    assert found("worries") == [worry.pk]
    assert found("WORRY") == [worry.pk]


def test_every_word_must_match(member):
    both = make_question(author=member, title="Panic at night and trouble sleeping", body="")
    make_question(author=member, title="Panic when I drive on the motorway", body="")
    assert found("panic sleeping") == [both.pk]


def test_a_quoted_phrase_needs_its_words_together_in_order(member):
    together = make_question(
        author=member, title="What to do during a panic attack?", body="It came on suddenly."
    )
    apart = make_question(
        author=member,
        title="An attack of nerves before exams",
        body="Not panic exactly, more a heavy dread.",
    )
    assert found('"panic attack"') == [together.pk]
    assert set(found("panic attack")) == {together.pk, apart.pk}


def test_a_trailing_star_finds_words_starting_with_it(member):
    question = make_question(
        author=member, title="Insomnia is ruining my evenings", body="Nothing helps me rest."
    )
    assert found("insom*") == [question.pk]
    assert found("insom") == []


def test_a_minus_leaves_matching_posts_out(member):
    pills = make_question(author=member, title="Sleep and pills: is it safe?", body="")
    plain = make_question(author=member, title="Sleep routine for shift workers", body="")
    assert set(found("sleep")) == {pills.pk, plain.pk}
    assert found("sleep -pills") == [plain.pk]
    assert found('sleep -"shift workers"') == [pills.pk]


def test_answers_and_comments_are_found_and_link_to_their_anchor(question):
    answer = make_answer(question, body="Grounding with the five senses helps me a lot.")
    comment = make_comment(answer, body="The five senses trick works for me as well.")
    page = search(text="senses")
    by_id = {result.post.pk: result for result in page.results}
    assert set(by_id) == {answer.pk, comment.pk}
    base = f"/questions/{question.pk}/{question.slug}/"
    assert by_id[answer.pk].url == f"{base}#{answer.anchor}"
    assert by_id[comment.pk].url == f"{base}#{comment.anchor}"
    assert by_id[answer.pk].title_html == question.title  # the result names its question
    assert "<mark>" in by_id[answer.pk].snippet_html


def test_matches_are_marked_in_title_and_snippet(member):
    make_question(
        author=member,
        title="Anxious thoughts before bed",
        body="My anxious mind starts racing the moment I lie down.",
    )
    result = search(text="anxious").results[0]
    assert "<mark>Anxious</mark>" in result.title_html
    assert "<mark>anxious</mark>" in result.snippet_html


def test_snippets_escape_whatever_the_post_says(member):
    make_question(
        author=member,
        title='Panic <script>alert("t")</script> <b>bold</b> & more',
        body=(
            "Panic again. `<img src=x onerror=alert(1)>` and <script>alert(2)</script> "
            "plus \ue000 fake marks \ue001 and &lt;b&gt;."
        ),
    )
    result = search(text="panic").results[0]
    for html in (str(result.title_html), str(result.snippet_html)):
        assert "<script" not in html and "<img" not in html and "<b>" not in html
        assert "\ue000" not in html and "\ue001" not in html
        assert html.count("<mark>") == html.count("</mark>") >= 1
    assert "&lt;script&gt;" in result.title_html
    assert "&lt;img src=x onerror=alert(1)&gt;" in result.snippet_html


def test_the_indexed_text_is_the_rendered_text_not_markdown(member):
    make_question(
        author=member,
        title="A question about links",
        body="See [this guide](https://example.org/hiddenword) on **breathing**.",
    )
    assert found("hiddenword") == []
    assert len(found("breathing")) == 1
    assert "**" not in search(text="breathing").results[0].snippet_html


def test_tag_operator(member):
    tagged = make_question(author=member, title="Rest and routines", tags="insomnia")
    make_question(author=member, title="Rest and recovery", tags="grief")
    assert found("rest [insomnia]") == [tagged.pk]
    assert found("[insomnia]") == [tagged.pk]
    assert found("[insomnia] [grief]") == []


def test_category_operator_includes_the_categories_inside(member):
    cat = category()
    inside = cat.children.first()
    here = make_question(author=member, title="Feeling low lately", category_id=cat.pk)
    elsewhere_cat = type(cat).objects.exclude(pk=cat.pk).exclude(parent=cat).first()
    elsewhere = make_question(
        author=member, title="Feeling low after moving", category_id=elsewhere_cat.pk
    )
    assert set(found("feeling")) == {here.pk, elsewhere.pk}
    assert found(f"feeling category:{cat.slug}") == [here.pk]
    assert found(f'feeling category:"{cat.name}"') == [here.pk]
    if inside is not None:
        child = make_question(author=member, title="Feeling low at school", category_id=inside.pk)
        assert set(found(f"feeling category:{cat.slug}")) == {here.pk, child.pk}


def test_user_operator(member, other_member):
    mine = make_question(author=member, title="Lonely in a new town")
    make_question(author=other_member, title="Lonely after retirement")
    assert found(f"lonely user:{member.username.upper()}") == [mine.pk]


def test_kind_operators(question):
    answer = make_answer(question, body="Talking to a counsellor helped me feel less anxious.")
    comment = make_comment(question, body="Same here, anxious every morning.")
    assert found("anxious is:question") == [question.pk]
    assert found("anxious is:answer") == [answer.pk]
    assert found("anxious is:comment") == [comment.pk]


def test_answers_score_and_best_answer_operators(member, other_member):
    from mindwell.qa.services import best_answer_select

    unanswered = make_question(author=member, title="Grief after losing my cat")
    answered = make_question(author=member, title="Grief at the holidays")
    answer = make_answer(answered, author=other_member, body="Be gentle with yourself.")
    Post.objects.filter(pk=answered.pk).update(score=2)  # votes are read from the live row
    assert found("grief answers:0") == [unanswered.pk]
    assert found("grief answers:1") == [answered.pk]
    assert found("grief answers:>=2") == []
    assert found("grief score:>=2") == [answered.pk]
    assert set(found("grief score:<2")) == {unanswered.pk}
    assert set(found("grief hasbest:no")) == {unanswered.pk, answered.pk}
    best_answer_select(question=answered, answer=answer, user=member)
    assert found("grief hasbest:yes") == [answered.pk]
    assert found("grief hasbest:no") == [unanswered.pk]


def test_operators_alone_list_the_newest_matching_posts(member):
    older = make_question(author=member, title="Older question", tags="insomnia")
    newer = make_question(author=member, title="Newer question", tags="insomnia")
    make_question(author=member, title="Untagged question", tags="")
    assert found("[insomnia]") == [newer.pk, older.pk]
    assert found(f"user:{member.username} is:question answers:0")[:2] == [
        Post.objects.filter(author=member).order_by("-created_at", "-pk").first().pk,
        Post.objects.filter(author=member).order_by("-created_at", "-pk")[1].pk,
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sleep category:nowhere-at-all", "There is no category called “nowhere-at-all”."),
        ("sleep user:nobody-here", "There is no member called “nobody-here”."),
        ("sleep [no-such-tag]", "No question has the tag [no-such-tag]."),
        ("sleep is:answer hasbest:yes", "describe questions"),
    ],
)
def test_a_name_that_does_not_exist_says_so(member, text, message):
    make_question(author=member, title="Sleep problems again")
    page = search(text=text)
    assert message in page.notice
    assert page.results == [] and not page.error


def test_results_are_paged_and_capped(db):
    for n in range(PAGE_SIZE + 3):  # each by a new member: one may ask only so many an hour
        make_question(title=f"Breathing exercise number {n}", body="Calm.")
    first, second = search(text="breathing"), search(text="breathing", page=2)
    assert len(first.results) == PAGE_SIZE and first.has_next and not first.has_previous
    assert len(second.results) == 3 and not second.has_next and second.has_previous
    ids = [r.post.pk for r in first.results] + [r.post.pk for r in second.results]
    assert len(set(ids)) == PAGE_SIZE + 3
    assert search(text="breathing", page="999").page == MAX_PAGES
    assert search(text="breathing", page="nonsense").page == 1


def test_stop_words_alone_do_not_break_a_query(member):
    question = make_question(author=member, title="How to cope with the dark evenings")
    assert question.pk in found("how to cope with the evenings")
    assert search(text="the").error == ""


def test_kinds_are_labelled(question):
    make_answer(question, body="Some advice on mornings: anxious starts get easier.")
    labels = {r.post.kind: r.kind_label for r in search(text="anxious").results}
    assert labels[PostKind.QUESTION] == "question" and labels[PostKind.ANSWER] == "answer"


def test_user_operator_never_finds_a_post_without_an_author(member):
    """A member's pseudonymous post is stored without its author: user: must not reveal it."""
    from mindwell.search.indexing import search_index_post

    post = make_question(author=member, title="Lonely at university")
    Post.objects.filter(pk=post.pk).update(author=None)
    search_index_post(post.pk)
    assert found(f"lonely user:{member.username}") == []
    assert found("lonely") == [post.pk]
