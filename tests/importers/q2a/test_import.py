"""`mindwell import_q2a` against a real Question2Answer 1.8.8 database, checked against the
fixture's ground truth (fixture-facts.json) and against the source rows themselves."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from allauth.account.models import EmailAddress

from mindwell.accounts.models import User
from mindwell.core.markdown import render_markdown
from mindwell.follows.models import Follow
from mindwell.importers.models import ImportedObject, ImportRun
from mindwell.moderation.models import Flag, FlagStatus
from mindwell.qa.models import Post, PostKind, PostStatus, Revision
from mindwell.reputation.models import CategoryLevel
from mindwell.search.backends import get_backend
from mindwell.taxonomy.models import Category, Tag
from mindwell.votes.models import Vote
from tests.importers.q2a.conftest import run_import

pytestmark = pytest.mark.usefixtures("imported")


def local(kind: str, external: object) -> int:
    return ImportedObject.objects.get(source="q2a", kind=kind, external_id=str(external)).local_id


def post(external: object) -> Post:
    return Post.objects.get(pk=local("post", external))


def imported_posts() -> Any:
    ids = ImportedObject.objects.filter(source="q2a", kind="post").values("local_id")
    return Post.objects.filter(pk__in=ids)


@pytest.mark.django_db
def test_posts_by_kind_and_visibility(facts: dict[str, Any]) -> None:
    counts = Counter(imported_posts().values_list("kind", "status"))
    by_type = {row["type"]: row["n"] for row in facts["posts"]["by_type"]}
    assert counts[(PostKind.QUESTION, PostStatus.PUBLISHED)] == by_type["Q"] == 149
    assert counts[(PostKind.ANSWER, PostStatus.PUBLISHED)] == by_type["A"]
    assert counts[(PostKind.COMMENT, PostStatus.PUBLISHED)] == by_type["C"]
    assert counts[(PostKind.QUESTION, PostStatus.HIDDEN)] == by_type["Q_HIDDEN"]
    assert counts[(PostKind.ANSWER, PostStatus.HIDDEN)] == by_type["A_HIDDEN"]
    assert counts[(PostKind.COMMENT, PostStatus.HIDDEN)] == by_type["C_HIDDEN"]
    assert counts[(PostKind.QUESTION, PostStatus.QUEUED)] == by_type["Q_QUEUED"]
    # The close note is a reason here, not a post.
    assert sum(counts.values()) == 852
    for postid in facts["posts"]["hidden_postids"]:
        assert post(postid).status == PostStatus.HIDDEN
    for postid in facts["posts"]["queued_postids"]:
        assert post(postid).status == PostStatus.QUEUED


@pytest.mark.django_db
def test_hidden_question_keeps_its_replies_typed_visible_but_unreadable() -> None:
    question = post(114)  # Q_HIDDEN; its comment is still typed 'C' (visible)
    replies = Post.objects.filter(parent=question)
    assert replies.exists()
    assert set(replies.values_list("status", flat=True)) == {PostStatus.PUBLISHED}
    assert not Post.objects.visible_to(None).filter(pk__in=replies.values("pk")).exists()


@pytest.mark.django_db
def test_members_handles_levels_emails_and_passwords(facts: dict[str, Any]) -> None:
    users = User.objects.filter(
        pk__in=ImportedObject.objects.filter(kind="user").values("local_id")
    )
    assert users.count() == facts["users"]["total"]
    names = set(users.values_list("username", flat=True))
    assert set(facts["users"]["non_ascii_handles"]) <= names
    assert set(facts["users"]["handles_with_space_or_symbol"]) <= names
    levels = Counter(users.values_list("level", flat=True))
    assert levels == {row["level"]: row["n"] for row in facts["users"]["by_level"]}
    admin = User.objects.get(username="superadmin")
    assert admin.is_superuser and admin.is_staff and admin.email == "admin@mindforum.example"
    assert admin.password.startswith("q2a_bcrypt$$2y$10$")
    rita = User.objects.get(username="counsellor_rita")  # level 80
    assert rita.is_staff and not rita.is_superuser
    # qa_users.flags bit 1: confirmed. Every member but the super administrator confirmed.
    assert EmailAddress.objects.get(user=admin).verified is False
    assert EmailAddress.objects.filter(user__in=users, verified=True).count() == 40
    calm = User.objects.get(username="calm_river")
    assert calm.email == "user1@example.org"
    assert calm.date_joined.isoformat().startswith("2024-12-26T00:57:33")


@pytest.mark.django_db
def test_category_tree(facts: dict[str, Any]) -> None:
    for row in facts["categories"]:
        category = Category.objects.get(pk=local("category", row["categoryid"]))
        assert (category.name, category.slug) == (row["title"], row["slug"])
        assert category.description == row["description"]
        parent = local("category", row["parentid"]) if row["parentid"] else None
        assert category.parent_id == parent
        # Counts include sub-categories, as Question2Answer's qcount does.
        assert category.question_count == row["qcount"], row["slug"]
    assert not CategoryLevel.objects.exists()  # qa_userlevels is empty in the fixture


@pytest.mark.django_db
def test_sample_questions(facts: dict[str, Any]) -> None:
    for sample in facts["sample_questions"]:
        question = post(sample["postid"])
        assert question.title == sample["title"]
        assert (question.upvotes, question.downvotes) == (sample["upvotes"], sample["downvotes"])
        assert question.score == sample["netvotes"]
        assert question.answer_count == sample["acount"]
        assert question.view_count == sample["views"]
        assert question.category_id == local("category", sample["categoryid"])
        assert sorted(question.tags.values_list("name", flat=True)) == sorted(
            sample["tags"].split(",")
        )
        if sample["selchildid"]:
            assert question.best_answer_id == local("post", sample["selchildid"])
        else:
            assert question.best_answer_id is None
        if sample["userid"]:
            assert question.author.username == sample["handle"]
        else:
            assert question.author is None
            assert question.anon_name == (sample["name"] or "")
        for answer in sample["answers"]:
            mine = post(answer["postid"])
            assert mine.parent_id == question.pk and mine.question_id == question.pk
            assert (mine.upvotes, mine.downvotes) == (answer["upvotes"], answer["downvotes"])
            assert mine.comment_count == answer["visible_comments"]
        assert question.comment_count == sample["comments_on_question_visible"]


@pytest.mark.django_db
def test_votes_flags_and_scores(facts: dict[str, Any]) -> None:
    votes = Vote.objects.filter(post__in=imported_posts())
    assert votes.count() == facts["votes"]["votes_nonzero"]
    assert votes.filter(value=1).count() == facts["votes"]["upvotes"]
    assert votes.filter(value=-1).count() == facts["votes"]["downvotes"]
    posts = list(imported_posts().values_list("upvotes", "downvotes", "score"))
    assert sum(p[0] for p in posts) == facts["votes"]["sum_posts_upvotes"]
    assert sum(p[1] for p in posts) == facts["votes"]["sum_posts_downvotes"]
    assert all(score == up - down for up, down, score in posts)
    flags = Flag.objects.filter(post__in=imported_posts())
    assert flags.count() == facts["votes"]["flag_rows"] == facts["posts"]["sum_flagcount"]
    assert flags.values("post").distinct().count() == facts["posts"]["flagged_posts"]
    assert sum(imported_posts().values_list("flag_count", flat=True)) == flags.count()
    # Flags on posts moderators have since hidden were acted on; the rest wait in the queue.
    hidden = flags.exclude(post__status=PostStatus.PUBLISHED)
    assert set(hidden.values_list("status", flat=True)) <= {FlagStatus.UPHELD}
    assert flags.filter(status=FlagStatus.OPEN).exists()


@pytest.mark.django_db
def test_favourites(facts: dict[str, Any]) -> None:
    counts = Counter(Follow.objects.values_list("target_type", flat=True))
    wanted = {row["entitytype"]: row["n"] for row in facts["favorites"]}
    assert counts == {
        "question": wanted["Q"], "user": wanted["U"], "tag": wanted["T"], "category": wanted["C"]
    }  # fmt: skip


@pytest.mark.django_db
def test_best_answers_and_closed_questions(facts: dict[str, Any]) -> None:
    questions = imported_posts().filter(kind=PostKind.QUESTION)
    assert questions.filter(best_answer__isnull=False).count() == 31
    duplicate, noted = facts["posts"]["closed_questions"]
    closed = post(duplicate["postid"])
    assert closed.is_closed and closed.duplicate_of_id == local("post", duplicate["closedbyid"])
    with_note = post(noted["postid"])
    assert with_note.is_closed and with_note.duplicate_of_id is None
    assert with_note.close_reason == noted["note"]
    assert with_note.closed_by.username == "counsellor_rita"


@pytest.mark.django_db
def test_anonymous_posts_keep_name_and_private_email(facts: dict[str, Any]) -> None:
    anonymous = imported_posts().filter(author=None)
    assert anonymous.count() == sum(row["n"] for row in facts["posts"]["anonymous_by_type"])
    for sample in facts["posts"]["anonymous_samples"]:
        mine = post(sample["postid"])
        assert mine.anon_name == (sample["name"] or "")
        assert mine.anon_email == sample["notify"] and mine.notify
    with_email = sum(row["with_notify_email"] for row in facts["posts"]["anonymous_by_type"])
    assert anonymous.exclude(anon_email="").count() == with_email


@pytest.mark.django_db
def test_edited_by(facts: dict[str, Any], q2a_rows: Any) -> None:
    edited = imported_posts().filter(edited_at__isnull=False)
    assert edited.count() == 25  # updatetype 'E'; selections and hiding are not edits
    assert Revision.objects.filter(post__in=edited).count() == 25
    sample = post(57)  # edited by grace_notes (27), not its writer
    assert sample.edited_by.username == "grace_notes"
    assert sample.edited_at.isoformat().startswith("2026-01-26T21:56:56")
    others = [row for row in q2a_rows("SELECT * FROM qa_posts WHERE updatetype = 'E'")]
    assert (
        sum(1 for r in others if r["lastuserid"] != r["userid"])
        == facts["posts"]["edited_by_someone_else"]
    )


@pytest.mark.django_db
def test_bodies_render_through_the_markdown_pipeline(q2a_rows: Any) -> None:
    rows = q2a_rows("SELECT postid, format, content FROM qa_posts WHERE type <> 'NOTE'")
    scripted = [r for r in rows if "<script" in (r["content"] or "").lower()]
    assert scripted
    for row in scripted:
        mine = post(row["postid"])
        assert "<script" not in mine.body_html.lower()
        assert "&lt;script" in mine.body_html  # shown as typed
    for row in rows[:200]:
        mine = post(row["postid"])
        assert mine.body_html == render_markdown(mine.body)
        if row["format"] == "html":
            assert "<p>" not in mine.body  # converted to Markdown, not kept as HTML
    assert "<strong>" in post(7).body_html and "<li>Breathe in for 4</li>" in post(7).body_html


@pytest.mark.django_db
def test_every_members_points_equal_question2answer(facts: dict[str, Any], q2a_rows: Any) -> None:
    for row in q2a_rows("SELECT userid, points FROM qa_userpoints"):
        user = User.objects.get(pk=local("user", row["userid"]))
        assert user.points == row["points"], user.username
    for top in facts["top5_users_by_points"]:
        assert User.objects.get(username=top["handle"]).points == top["points"]
    run = ImportRun.objects.filter(source="q2a").latest("started_at")
    assert run.counts["points"] == {"equal to Question2Answer's": 41}


@pytest.mark.django_db
def test_tags_counters_and_search_index(facts: dict[str, Any]) -> None:
    for row in facts["tags"]["top10"]:
        assert Tag.objects.get(name=row["word"]).question_count == row["tagcount"]
    backend = get_backend()
    assert backend.indexed_count() == backend.readable_count() > 800
    for question in imported_posts().filter(kind=PostKind.QUESTION, status=PostStatus.PUBLISHED):
        thread = Post.objects.filter(question=question, status=PostStatus.PUBLISHED)
        moments = [p.created_at for p in thread] + [p.edited_at for p in thread if p.edited_at]
        assert question.activity_at == max(moments)
        assert question.hot_score != 0


@pytest.mark.django_db
def test_second_run_adds_nothing(q2a_url: str, imported: str) -> None:
    assert "Import finished." in imported
    models = [Post, Vote, User, Flag, Follow, ImportedObject]
    before = [model.objects.count() for model in models]  # type: ignore[attr-defined]
    output = run_import(q2a_url)
    after = [model.objects.count() for model in models]  # type: ignore[attr-defined]
    assert after == before
    assert "questions: 152 already imported" in output
    assert "points: 41 equal to Question2Answer's" in output
