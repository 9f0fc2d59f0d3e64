"""The data generator leaves the database as the services would: every counter, score and
point agrees with the rows, and the site works on the result."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, F, Q, Sum

from mindwell.accounts.models import User
from mindwell.core.markdown import render_markdown
from mindwell.demo.distributions import Skewed
from mindwell.demo.generator import Options, generate
from mindwell.demo.text import TextMaker
from mindwell.qa.hot import hot_value
from mindwell.qa.models import Post, Revision
from mindwell.qa.selectors import question_list
from mindwell.reputation.models import PointsEvent
from mindwell.taxonomy.models import Category, Tag
from mindwell.votes.models import Vote
from tests.factories import make_answer, make_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated(db):
    make_question(title="A question asked before the generator ran?")  # adds to what is there
    summary = generate(
        Options(questions=60, users=25, seed=3, batch=25, search_index=False), log=lambda _: None
    )
    return summary


def test_it_writes_what_it_reports(generated):
    assert generated.questions == 60
    assert Post.objects.filter(kind="Q").count() == 61
    assert Post.objects.filter(kind="A").count() == generated.answers > 60
    assert Post.objects.filter(kind="C").count() == generated.comments > 0
    assert Vote.objects.count() == generated.votes > 0
    assert User.objects.count() == 25 + 1  # and the first question's author
    assert not Post.objects.exclude(status="published").exists()


def test_thread_counters_agree_with_the_rows(generated):
    answers = Count("children", filter=Q(children__kind="A", children__status="published"))
    comments = Count("children", filter=Q(children__kind="C"))
    for post in Post.objects.exclude(kind="C").annotate(a=answers, c=comments):
        assert post.comment_count == post.c, post.pk
        if post.kind == "Q":
            assert post.answer_count == post.a, post.pk
            assert post.question_id == post.pk
    for post in Post.objects.exclude(kind="Q").select_related("parent"):
        assert post.question_id == (post.parent.question_id or post.parent_id)
        assert post.created_at >= post.parent.created_at


def test_scores_are_the_sum_of_the_votes(generated):
    totals = {
        row["post_id"]: row
        for row in Vote.objects.values("post_id").annotate(
            score=Sum("value"),
            up=Count("pk", filter=Q(value=1)),
            down=Count("pk", filter=Q(value=-1)),
        )
    }
    for post in Post.objects.exclude(kind="C"):
        row = totals.get(post.pk, {"score": 0, "up": 0, "down": 0})
        assert (post.score, post.upvotes, post.downvotes) == (row["score"], row["up"], row["down"])
    assert not Vote.objects.filter(user_id=F("post__author_id")).exists()  # no self-votes
    assert not Vote.objects.filter(post__kind="C").exists()


def test_tag_and_category_counts_agree(generated):
    for tag in Tag.objects.annotate(n=Count("posts", filter=Q(posts__status="published"))):
        assert tag.question_count == tag.n, tag.name
    for category in Category.objects.all():
        expected = Post.objects.filter(
            kind="Q", status="published", category_id__in=category.descendant_ids()
        ).count()
        assert category.question_count == expected, category.slug


def test_points_agree_with_the_ledger_rules(generated, capsys):
    call_command("recalculate_points", "--dry-run")
    assert "Would change the points of 0 of 26 members (0 ledger corrections)." in (
        capsys.readouterr().out
    )
    assert PointsEvent.objects.filter(kind="a_selected").exists()
    assert User.objects.filter(points__gt=100).count() > 10


def test_stored_html_dates_and_hot_scores_are_right(generated):
    for post in Post.objects.all():
        assert post.body_html == render_markdown(post.body), post.pk
    for question in Post.objects.filter(kind="Q"):
        replies = Post.objects.filter(question=question).exclude(pk=question.pk)
        latest = max([question.created_at, *(r.created_at for r in replies)])
        assert question.activity_at >= latest
        expected = hot_value(
            created_at=question.created_at,
            answers=question.answer_count,
            score=question.score,
            views=question.view_count,
        )
        assert question.hot_score == pytest.approx(expected, abs=1e-6)
    edited = Post.objects.filter(edited_at__isnull=False)
    assert Revision.objects.filter(post__in=edited).count() == edited.count()


def test_the_site_works_on_generated_data(generated, client):
    newest = question_list(viewer=None).first()
    assert newest is not None
    response = client.get(newest.get_absolute_url())
    assert response.status_code == 200
    assert client.get("/?sort=hot").status_code == 200
    # New rows get fresh ids after the generator chose its own (PostgreSQL's sequences).
    question = make_question(title="Asked after the generator ran, does it work?")
    answer = make_answer(question)
    assert question.pk > max(
        Post.objects.exclude(pk__in=[question.pk, answer.pk]).values_list("pk", flat=True)
    )


def test_the_same_seed_writes_the_same_text():
    first, second = TextMaker(random.Random(9)), TextMaker(random.Random(9))
    assert [first.body(sentences=5) for _ in range(5)] == [
        second.body(sentences=5) for _ in range(5)
    ]
    maker = TextMaker(random.Random(1))
    for _ in range(300):  # the HTML written beside the Markdown is what rendering gives
        body, html = maker.body(sentences=6)
        assert render_markdown(body) == html
    lengths = Counter(len(maker.body(sentences=5)[0]) // 200 for _ in range(500))
    assert len(lengths) >= 5  # short and long bodies


@pytest.mark.parametrize(("mean", "zero"), [(3.0, 0.2), (0.5, None), (1.5, 0.35), (0.0, 0.2)])
def test_skewed_counts_have_the_asked_mean(mean, zero):
    draws = Skewed(mean, 40, zero_share=zero).draw(random.Random(2), 20_000)
    assert sum(draws) / len(draws) == pytest.approx(mean, abs=0.12)
    if mean:
        assert max(draws) >= 10 * max(1, mean)  # a long tail
    if zero and mean:
        assert draws.count(0) / len(draws) == pytest.approx(zero, abs=0.02)


def test_the_command(capsys):
    call_command("generate_data", "--questions", "12", "--users", "6", "--skip-search-index")
    out = capsys.readouterr().out
    assert "12/12 questions" in out
    assert "Generated 6 members, 12 questions" in out
    for bad in (["--questions", "0"], ["--questions", "5", "--users", "1"]):
        with pytest.raises(CommandError):
            call_command("generate_data", *bad)
