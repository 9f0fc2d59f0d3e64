"""A whole import of the synthetic dump (every file, every mapping), twice, and of the two
real samples in /work/shared/fixtures (Posts.xml only)."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import call_command

from mindwell.accounts.models import User
from mindwell.follows.models import Follow
from mindwell.importers.models import ImportedAttribution, ImportedObject, ImportRun
from mindwell.qa.hot import hot_value
from mindwell.qa.models import Post, PostKind, Revision
from mindwell.reputation.recalculation import points_recalculate
from mindwell.reputation.rules import current_rules
from mindwell.taxonomy.models import Category, Tag
from tests.factories import make_user

from .helpers import SHARED, SYNTHETIC

pytestmark = pytest.mark.django_db


def run_import(folder=SYNTHETIC, *args: str) -> str:
    out = StringIO()
    call_command("import_stackexchange", str(folder), *args, stdout=out)
    return out.getvalue()


def post(external_id: str, site: str = "mindful.stackexchange.com") -> Post:
    local = ImportedObject.objects.get(
        source="stackexchange", source_key=site, kind="post", external_id=external_id
    ).local_id
    return Post.objects.get(pk=local)


def comment(external_id: str) -> Post:
    local = ImportedObject.objects.get(kind="comment", external_id=external_id).local_id
    return Post.objects.get(pk=local)


@pytest.fixture
def imported(db):
    make_user("bob")  # a member here already has the name of imported user 2
    return run_import(SYNTHETIC, "--batch-size", "2")


def test_users_keep_their_profile_and_cannot_log_in(imported):
    ann = User.objects.get(username="Ann_Example")
    assert ann.first_name == "Ann Example"
    assert ann.email == "" and not ann.has_usable_password()
    assert ann.about == "I *like* [tea](https://ann.example/tea)."
    assert (ann.location, ann.website) == ("Leeds, UK", "https://ann.example")
    assert ann.date_joined == datetime(2015, 1, 2, 10, tzinfo=UTC)
    assert User.objects.get(first_name="bob").username == "bob_2"  # "bob" was taken
    assert User.objects.get(username="Cara").website == ""  # not a web address
    # A name nobody may register here is not given to an import either.
    assert User.objects.get(first_name="Moderator").username == "Moderator_4"
    assert not User.objects.filter(first_name="Community").exists()


def test_a_question_with_everything(imported):
    question = post("10")
    assert question.kind == PostKind.QUESTION and question.question_id == question.pk
    assert question.title == "How do I sleep when I am anxious?"
    for piece in (
        "I lie awake **every** night. I tried [these tips](https://example.org/tips):",
        "1. *no* coffee\n2. a walk",
        "> Sleep is a skill.",
        "```py\nwhile awake:\n    count_sheep()\n```",
        "[my sleep chart](https://i.stack.imgur.com/chart.png)",
    ):
        assert piece in question.body
    assert "<img" not in question.body_html and "<strong>every</strong>" in question.body_html
    assert question.author.username == "Ann_Example"
    assert sorted(question.tags.values_list("name", flat=True)) == ["anxiety", "sleep"]
    assert question.category == Category.objects.get(slug="mindful")
    assert question.category.question_count == 3
    assert (question.score, question.upvotes, question.downvotes) == (5, 6, 1)
    assert question.view_count == 100
    assert question.best_answer == post("12")
    assert question.edited_by.username == "bob_2"
    assert question.edited_at == datetime(2018, 1, 1, 8, tzinfo=UTC)
    assert question.created_at == datetime(2017, 3, 1, 9, tzinfo=UTC)
    assert question.activity_at == datetime(2018, 2, 1, 8, tzinfo=UTC)
    assert (question.answer_count, question.comment_count) == (2, 1)
    assert question.hot_score == pytest.approx(
        hot_value(created_at=question.created_at, answers=2, score=5, views=100)
    )
    attribution = question.imported_attribution
    assert attribution.source_url == "https://mindful.stackexchange.com/q/10"
    assert attribution.author_name == "Ann Example"
    assert attribution.author_url == "https://mindful.stackexchange.com/users/1"
    assert attribution.licence == "CC BY-SA 3.0"  # asked before 2 May 2018


def test_deleted_authors_closed_questions_and_duplicates(imported):
    gone = post("20")
    assert gone.author is None and gone.anon_name == "Gone Person"
    assert gone.display_name == "Gone Person"
    assert gone.closed_at == datetime(2019, 6, 1, 10, tzinfo=UTC)
    assert gone.close_reason == "Closed on mindful.stackexchange.com"
    assert sorted(gone.tags.values_list("name", flat=True)) == ["c++", "sleep"]  # |a|b| form
    assert (gone.score, gone.upvotes, gone.downvotes) == (-2, 1, 3)
    assert gone.imported_attribution.author_url == ""
    assert gone.imported_attribution.licence == "CC BY-SA 4.0"
    assert post("21").duplicate_of == post("10")
    unknown = post("22")  # its owner, user 77, is not in Users.xml
    assert unknown.author is None and unknown.anon_name == "user77"
    assert unknown.imported_attribution.author_url == ("https://mindful.stackexchange.com/users/77")
    assert unknown.imported_attribution.source_url == "https://mindful.stackexchange.com/a/22"


def test_answers_comments_votes_and_favourites(imported):
    question, answer = post("10"), post("11")
    assert (answer.parent, answer.question) == (question, question)
    # Votes.xml has 2 up votes, the score says 3: the counts follow the score.
    assert (answer.score, answer.upvotes, answer.downvotes) == (3, 3, 0)
    assert answer.comment_count == 1
    first = comment("1")
    assert (first.parent, first.question, first.author.username) == (question, question, "bob_2")
    assert first.body == "Have you tried *chamomile*?"
    assert "<em>chamomile</em>" in first.body_html
    old = comment("2")
    assert (old.author, old.anon_name, old.question) == (None, "Old Timer", question)
    assert comment("4").imported_attribution.source_url == (
        "https://mindful.stackexchange.com/posts/comments/4"
    )
    assert not ImportedObject.objects.filter(kind="comment", external_id="3").exists()
    assert list(Follow.objects.values_list("user__username", "question")) == [("Cara", question.pk)]


def test_revisions_rebuild_the_edit_history(imported):
    revisions = list(Revision.objects.filter(post=post("10")).order_by("created_at"))
    assert [r.reason for r in revisions] == [
        "Original post (on mindful.stackexchange.com)",
        "fixed a typo (on mindful.stackexchange.com)",
        "",
    ]
    edit = revisions[1]
    assert edit.editor.username == "bob_2"
    assert edit.created_at == datetime(2018, 1, 1, 8, tzinfo=UTC)
    assert (edit.title_before, edit.title_after) == (
        "How do I sleep when anxious?",
        "How do I sleep when I am anxious?",
    )
    assert (edit.body_before, edit.body_after) == (
        "I lie awake every nigth.",
        "I lie awake **every** night.",
    )
    assert (revisions[2].tags_before, revisions[2].tags_after) == ("anxiety", "anxiety sleep")
    assert revisions[2].body_before == revisions[2].body_after == "I lie awake **every** night."
    assert Revision.objects.filter(post=post("11")).count() == 1


def test_tags_counters_points_and_search_are_right_afterwards(imported, client):
    counts = dict(Tag.objects.values_list("name", "question_count"))
    assert counts == {"anxiety": 2, "sleep": 2, "c++": 1, "unused-tag": 0}
    assert points_recalculate(dry_run=True).changed == 0
    ann = User.objects.get(username="Ann_Example")
    rules = current_rules()
    assert ann.points > rules.base  # two questions, votes received, a best answer chosen
    cara = User.objects.get(username="Cara")
    assert cara.points >= rules.base + rules.answer_posted() + rules.selected()
    page = html.unescape(client.get("/search/?q=chamomile").content.decode())
    assert "How do I sleep when I am anxious?" in page


def test_the_report_says_what_was_skipped_and_why(imported):
    assert "Import from stackexchange (mindful.stackexchange.com): finished" in imported
    assert "question: 3 imported" in imported and "answer: 3 imported, 1 skipped" in imported
    for reason in (
        "answer: its question 99 is not in the dump",
        "comment: its post 13 was not imported",
        "post: a moderator nomination: not a question or answer",
        "post: a tag wiki excerpt: not a question or answer",
        "user: Stack Exchange's Community account, not a person",
        "tag: tag name with characters Mindwell does not allow",
        "vote: a close vote: Mindwell keeps no such vote",
        "favourite: a favourite on an answer",
        "revision: closed: not a revision of the text",
        "post link: a link between questions: Mindwell keeps duplicates only",
        "badge: Mindwell awards its own badges",
    ):
        assert reason in imported, reason
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FINISHED
    assert run.counts["question"] == {"imported": 3}


def snapshot() -> dict[str, object]:
    return {
        "posts": sorted(
            Post.objects.values_list(
                "pk", "kind", "score", "upvotes", "downvotes", "answer_count", "comment_count"
            )
        ),
        "users": sorted(User.objects.values_list("pk", "username", "points")),
        "revisions": Revision.objects.count(),
        "follows": Follow.objects.count(),
        "tags": sorted(Tag.objects.values_list("name", "question_count")),
        "attributions": ImportedAttribution.objects.count(),
        "ids": ImportedObject.objects.count(),
    }


def test_a_second_run_creates_nothing(imported):
    before = snapshot()
    report = run_import(SYNTHETIC)
    assert snapshot() == before
    assert "question: 3 already" in report and "user: 4 already" in report
    assert "comment: 3 already" in report and "revision: 4 already" in report
    summary = report.split("Skipped, with reasons:")[0]
    assert " imported" not in summary.split("finished")[1]
    assert "favourite: 1 already" in summary


def test_a_dry_run_keeps_nothing(db):
    report = run_import(SYNTHETIC, "--dry-run")
    assert "question: 3 imported" in report and "Dry run: nothing was kept." in report
    assert not Post.objects.filter(title__startswith="How do I sleep").exists()
    assert not ImportRun.objects.exists() and not ImportedObject.objects.exists()


@pytest.mark.parametrize(
    ("folder", "site", "questions", "answers"),
    [
        ("parenting", "parenting.stackexchange.com", 11, 13),
        ("interpersonal", "interpersonal.stackexchange.com", 4, 4),
    ],
)
def test_the_shared_samples(db, folder, site, questions, answers):
    report = run_import(SHARED / folder, "--site", site)
    assert f"question: {questions} imported" in report
    assert f"answer: {answers} imported" in report
    imported = Post.objects.filter(imported_attribution__source_url__startswith=f"https://{site}/")
    assert imported.filter(kind=PostKind.QUESTION).count() == questions
    assert imported.filter(kind=PostKind.ANSWER).count() == answers
    # No Users.xml: authors are named as the site names them, with a link to their page.
    attribution = ImportedAttribution.objects.filter(author_url__isnull=False).first()
    assert attribution.author_url.startswith(f"https://{site}/users/")
    assert not User.objects.filter(username__startswith="user").exists()
    for question in imported.filter(kind=PostKind.QUESTION):
        assert question.answer_count == question.children.filter(kind=PostKind.ANSWER).count()
        assert question.body and "<img" not in question.body_html
    assert points_recalculate(dry_run=True).changed == 0


def test_the_interpersonal_sample_keeps_an_owner_display_name(db):
    run_import(SHARED / "interpersonal", "--site", "interpersonal.stackexchange.com")
    # Its owner's account is gone: only the name the dump kept (no OwnerUserId, no link).
    named = Post.objects.get(title="What to do with a friend who cheats in games?")
    assert (named.author, named.anon_name) == (None, "user1617")
    assert named.imported_attribution.author_name == "user1617"
    assert named.imported_attribution.author_url == ""
