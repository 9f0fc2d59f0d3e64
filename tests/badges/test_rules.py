"""Each badge rule: awarded at its threshold, not a step below it, and only once."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from mindwell.badges import rules
from mindwell.badges.models import Award, Badge
from mindwell.badges.services import badges_award, visit_add
from mindwell.professionals.models import ApplicationStatus, ProfessionalApplication
from mindwell.professionals.models import ProfessionalStatus as Verification
from mindwell.qa.models import Post
from mindwell.qa.services import best_answer_select, post_edit
from mindwell.qa.services.common import Poster
from mindwell.reputation.levels import Level
from mindwell.votes.services import vote_cast
from tests.factories import category, make_answer, make_comment, make_question, make_user

pytestmark = pytest.mark.django_db


def check(user) -> set[str]:
    """Run the member's badge check; the slugs newly awarded."""
    return {award.badge.slug for award in badges_award(user_id=user.pk)}


def held(user) -> set[str]:
    return set(Award.objects.filter(user=user).values_list("badge__slug", flat=True))


def set_score(post: Post, score: int) -> None:
    Post.objects.filter(pk=post.pk).update(score=score, upvotes=score)


def test_every_rule_has_its_badge_and_every_badge_a_rule():
    assert {rule.slug for rule in rules.RULES} == set(Badge.objects.values_list("slug", flat=True))
    assert len(rules.RULES) >= 12


def test_a_new_member_has_earned_nothing(member):
    assert check(member) == set()


def test_first_question(member):
    question = make_question(author=member)
    assert check(member) == {"first-question"}
    make_question(author=member)
    assert check(member) == set()
    award = Award.objects.get(user=member)
    assert award.post == question


def test_first_answer(member, question, other_member):
    assert "first-answer" not in check(other_member)
    answer = make_answer(question, author=other_member)
    assert check(other_member) == {"first-answer"}
    assert Award.objects.get(user=other_member, badge__slug="first-answer").post == answer
    make_answer(make_question(), author=other_member)
    assert check(other_member) == set()


def test_posts_written_anonymously_earn_nothing(question, other_member):
    make_answer(question, poster=Poster(user=other_member, anonymous=True))
    assert check(other_member) == set()


def test_commentator_at_ten_comments(question, other_member):
    for _ in range(rules.COMMENTS_FOR_COMMENTATOR - 1):
        make_comment(question, author=other_member)
    assert "commentator" not in check(other_member)
    make_comment(question, author=other_member)
    assert check(other_member) == {"commentator"}
    assert Award.objects.get(user=other_member).post is None
    assert check(other_member) == set()


def test_supporter_for_a_first_upvote_and_no_post_named(question, other_member):
    vote_cast(user=other_member, post=question, value=-1)
    assert check(other_member) == set()
    vote_cast(user=other_member, post=question, value=1)
    assert check(other_member) == {"supporter"}
    assert Award.objects.get(user=other_member).post is None  # votes given stay private


def test_helpful_at_ten_upvoted_answers(other_member):
    answers = [make_answer(make_question(), author=other_member) for _ in range(10)]
    Award.objects.all().delete()
    for answer in answers[:9]:
        set_score(answer, 1)
    set_score(answers[9], 0)
    assert "helpful" not in check(other_member)
    set_score(answers[9], 2)
    assert "helpful" in check(other_member)
    assert "helpful" not in check(other_member)


def test_thanks_and_trusted_for_answers_chosen_as_best(other_member):
    earned: set[str] = set()
    for selections in range(1, rules.SELECTIONS_FOR_TRUSTED + 1):
        asker = make_user()
        question = make_question(author=asker)
        answer = make_answer(question, author=other_member)
        check(other_member)
        assert "trusted" not in held(other_member)
        best_answer_select(question=question, answer=answer, user=asker)
        earned = check(other_member)
        if selections == 1:
            assert earned == {"thanks"}
    assert earned == {"trusted"}
    assert Award.objects.filter(user=other_member, badge__slug="thanks").count() == 1


def test_choosing_your_own_answer_earns_no_thanks(member):
    question = make_question(author=member)
    own = make_answer(question, author=member)
    best_answer_select(question=question, answer=own, user=member)
    assert "thanks" not in check(member)


def test_good_question_at_a_score_of_ten(member):
    question = make_question(author=member)
    set_score(question, rules.GOOD_QUESTION_SCORE - 1)
    assert "good-question" not in check(member)
    set_score(question, rules.GOOD_QUESTION_SCORE)
    assert "good-question" in check(member)
    assert Award.objects.get(user=member, badge__slug="good-question").post == question


def test_good_and_great_answers(question, other_member):
    answer = make_answer(question, author=other_member)
    set_score(answer, rules.GOOD_ANSWER_SCORE - 1)
    assert check(other_member) == {"first-answer"}
    set_score(answer, rules.GOOD_ANSWER_SCORE)
    assert check(other_member) == {"good-answer"}
    set_score(answer, rules.GREAT_ANSWER_SCORE - 1)
    assert check(other_member) == set()
    set_score(answer, rules.GREAT_ANSWER_SCORE)
    assert check(other_member) == {"great-answer"}


def test_hidden_posts_do_not_count(question, other_member):
    answer = make_answer(question, author=other_member)
    Post.objects.filter(pk=answer.pk).update(status="hidden", score=30)
    assert check(other_member) == set()


def test_listener_for_ten_questions_answered_in_support_categories(other_member):
    support = category("anxiety")
    assert not support.question_downvotes  # a support category
    for _ in range(rules.QUESTIONS_FOR_LISTENER - 1):
        question = make_question(category_id=support.pk)
        make_answer(question, author=other_member)
        make_answer(question, author=other_member)  # the same question twice counts once
    make_answer(make_question(category_id=category("psychology").pk), author=other_member)
    assert "listener" not in check(other_member)
    make_answer(make_question(category_id=support.pk), author=other_member)
    assert "listener" in check(other_member)


def test_first_accepted_edit_of_someone_elses_post(member, question):
    editor = make_user(level=Level.EDITOR)
    own = make_question(author=editor)
    check(editor)
    post_edit(post=own, editor=editor, body="My own question, with more detail added.")
    assert "first-edit" not in check(editor)
    post_edit(post=question, editor=editor, body="A clearer description of the worry.")
    assert check(editor) == {"first-edit"}
    assert Award.objects.get(user=editor, badge__slug="first-edit").post == question


def test_an_edit_of_a_post_later_hidden_does_not_count(member, question):
    editor = make_user(level=Level.EDITOR)
    post_edit(post=question, editor=editor, body="A clearer description of the worry.")
    Post.objects.filter(pk=question.pk).update(status="hidden")
    assert check(editor) == set()


def test_regular_after_seven_days_in_a_row(member):
    today = timezone.localdate()
    days = [today - datetime.timedelta(days=n) for n in range(8)]
    for day in days[:6]:
        assert visit_add(user_id=member.pk, day=day)
    visit_add(user_id=member.pk, day=days[7])  # a gap before it: no seven in a row
    assert check(member) == set()
    assert not visit_add(user_id=member.pk, day=days[0])  # known already
    visit_add(user_id=member.pk, day=days[6])
    assert check(member) == {"regular"}


def verify(user, *, valid_until: datetime.date) -> None:
    application = ProfessionalApplication.objects.create(
        user=user,
        profession="psychologist",
        licence_number="PSY-1234",
        issuing_body="Board of Psychology",
        jurisdiction="Oregon",
        expires_on=valid_until,
        status=ApplicationStatus.APPROVED,
    )
    Verification.objects.create(
        user=user, application=application, title="psychologist", valid_until=valid_until
    )


def test_verified_professional_while_the_licence_is_valid(member, other_member):
    verify(member, valid_until=timezone.localdate() - datetime.timedelta(days=1))
    assert check(member) == set()
    verify(other_member, valid_until=timezone.localdate() + datetime.timedelta(days=300))
    assert check(other_member) == {"verified-professional"}


def test_a_batch_checks_many_members_at_once(member, other_member):
    make_question(author=member)
    make_answer(make_question(), author=other_member)
    Award.objects.all().delete()
    from mindwell.badges.services import badges_award_batch

    awards = badges_award_batch(user_ids=[member.pk, other_member.pk])
    assert {(a.user_id, a.badge.slug) for a in awards} == {
        (member.pk, "first-question"),
        (other_member.pk, "first-answer"),
    }
    assert badges_award_batch(user_ids=[member.pk, other_member.pk]) == []
