import pytest
from django.core.management import call_command

from mindwell.accounts.models import User
from mindwell.qa.services import best_answer_select, best_answer_unselect
from mindwell.reputation.models import EventKind, PointsEvent
from mindwell.reputation.rules import PointsRules
from mindwell.votes.services import vote_cast
from tests.factories import make_answer, make_question, make_user

pytestmark = pytest.mark.django_db


def points(user):
    return User.objects.get(pk=user.pk).points


def test_new_member_starts_with_the_base():
    assert make_user().points == 100


def test_asking_and_answering(member, other_member):
    question = make_question(author=member)
    make_answer(question, author=other_member)
    assert points(member) == 100 + 20
    assert points(other_member) == 100 + 40


def test_selection_gives_both_sides_points_and_unselecting_takes_them_back(member, other_member):
    question = make_question(author=member)
    answer = make_answer(question, author=other_member)
    best_answer_select(question=question, answer=answer, user=member)
    assert points(member) == 100 + 20 + 30
    assert points(other_member) == 100 + 40 + 300
    best_answer_unselect(question=question, user=member)
    assert points(member) == 100 + 20
    assert points(other_member) == 100 + 40


def test_switching_the_best_answer_moves_the_points(member):
    question = make_question(author=member)
    first, second = make_user(), make_user()
    a1, a2 = make_answer(question, author=first), make_answer(question, author=second)
    best_answer_select(question=question, answer=a1, user=member)
    best_answer_select(question=question, answer=a2, user=member)
    assert points(first) == 140
    assert points(second) == 140 + 300
    assert points(member) == 120 + 30


def test_selecting_your_own_answer_earns_nothing(member):
    question = make_question(author=member)
    own = make_answer(question, author=member)
    best_answer_select(question=question, answer=own, user=member)
    assert points(member) == 100 + 20 + 40


def test_votes_received_are_capped_per_post(member):
    question = make_question(author=member)
    answer = make_answer(question, author=member)
    voters = [make_user() for _ in range(14)]
    for voter in voters[:12]:
        vote_cast(user=voter, post=answer, value=1)
    # 12 up x 2 = 24, capped at 20 -> 200.
    assert points(member) == 100 + 20 + 40 + 200
    for voter in voters[12:]:
        vote_cast(user=voter, post=question, value=-1)
    # 2 down x 1 on the question = -20.
    assert points(member) == 100 + 20 + 40 + 200 - 20


def test_voters_earn_points_for_voting_and_lose_them_on_retracting(question, other_member):
    vote_cast(user=other_member, post=question, value=1)
    assert points(other_member) == 110
    vote_cast(user=other_member, post=question, value=-1)
    assert points(other_member) == 110
    vote_cast(user=other_member, post=question, value=0)
    assert points(other_member) == 100


def test_the_ledger_explains_every_total(member, other_member):
    question = make_question(author=member)
    answer = make_answer(question, author=other_member)
    vote_cast(user=member, post=answer, value=1)
    best_answer_select(question=question, answer=answer, user=member)
    for user in (member, other_member):
        ledger = sum(PointsEvent.objects.filter(user=user).values_list("points", flat=True))
        assert points(user) == 100 + ledger


def test_recalculate_applies_new_rules_with_correction_events(member, other_member, settings):
    question = make_question(author=member)
    make_answer(question, author=other_member)
    settings.MINDWELL_POINTS = {"post_answer": 10, "base": 50}
    call_command("recalculate_points", verbosity=0)
    assert points(other_member) == 50 + 100
    assert points(member) == 50 + 20
    correction = PointsEvent.objects.get(user=other_member, kind=EventKind.CORRECTION)
    assert correction.points == 100 - 40
    # Running it again finds nothing to do.
    call_command("recalculate_points", verbosity=0)
    assert PointsEvent.objects.filter(kind=EventKind.CORRECTION).count() == 1


def test_recalculate_dry_run_changes_nothing(member, settings, capsys):
    make_question(author=member)
    settings.MINDWELL_POINTS = {"post_question": 5}
    call_command("recalculate_points", "--dry-run")
    assert "Would change the points of 1" in capsys.readouterr().out
    assert points(member) == 120


def test_rules_match_question2answer_defaults():
    rules = PointsRules()
    assert (rules.base, rules.question_posted(), rules.answer_posted()) == (100, 20, 40)
    assert (rules.selecting(), rules.selected()) == (30, 300)
    assert rules.votes_received(kind="A", upvotes=100, downvotes=100) == (20 - 5) * 10
    assert rules.votes_received(kind="Q", upvotes=3, downvotes=1) == (3 - 1) * 10


def test_selection_on_a_question_asked_without_an_account_agrees_with_recalculation(
    other_member, capsys
):
    from mindwell.qa.services import question_create
    from mindwell.qa.services.common import Poster
    from mindwell.siteconfig.models import SiteSettings
    from tests.factories import category

    site = SiteSettings.current()
    site.anonymous_questions = True
    site.save()
    question = question_create(
        poster=Poster(name="worried"),
        title="A question asked without an account?",
        body="",
        category_id=category().pk,
    )
    answer = make_answer(question, author=other_member)
    moderator = make_user(is_staff=True)
    best_answer_select(question=question, answer=answer, user=moderator)
    assert points(other_member) == 100 + 40 + 300
    call_command("recalculate_points")
    assert "(0 ledger corrections)" in capsys.readouterr().out
    assert points(other_member) == 100 + 40 + 300
