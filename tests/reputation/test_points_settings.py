"""Points settings edited at run time: the values in force, recalculating a known forum under
new values, the daily limit on votes received, and the admin page with its recalculation
button."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.moderation.models import AuditAction, AuditEntry
from mindwell.qa.models import Post, PostStatus
from mindwell.qa.services import best_answer_select
from mindwell.qa.services.publication import post_set_status
from mindwell.reputation.levels import Level
from mindwell.reputation.models import (
    EventKind,
    PointsEvent,
    PointsRecalculation,
    PointsSettings,
    RecalculationState,
)
from mindwell.reputation.rules import PointsRules, current_rules
from mindwell.votes.models import Vote
from mindwell.votes.services import vote_cast
from tests.factories import make_answer, make_question, make_user
from tests.moderation.moderation_helpers import assert_points_consistent

pytestmark = pytest.mark.django_db


def points(user: User) -> int:
    return User.objects.get(pk=user.pk).points


def set_points(**values: int) -> None:
    row = PointsSettings.objects.get(pk=1)
    for name, value in values.items():
        setattr(row, name, value)
    row.save()


# --- the values in force ---------------------------------------------------------------------


def test_the_stored_settings_start_as_question2answer_defaults():
    assert current_rules() == PointsRules()
    assert PointsSettings.objects.get(pk=1).votes_received_daily_cap == 0


def test_a_change_applies_to_the_next_event_without_a_restart(member, other_member):
    question = make_question(author=member)
    current_rules()  # cached now
    set_points(post_answer=7)
    make_answer(question, author=other_member)
    assert points(other_member) == 100 + 70


def test_a_new_member_starts_with_the_stored_base():
    set_points(base=25)
    assert make_user().points == 25


def test_the_server_settings_pin_values_over_the_stored_ones(settings):
    set_points(post_answer=7, post_question=5)
    settings.MINDWELL_POINTS = {"post_answer": 9, "not_a_rule": 3}
    rules = current_rules()
    assert (rules.post_answer, rules.post_question) == (9, 5)


# --- recalculating a known forum ----------------------------------------------------------------


@pytest.fixture
def forum():
    """An asker, two answerers and four voters; the asker chooses B's answer."""
    asker, b, c = make_user("asker"), make_user("b"), make_user("c")
    voters = [make_user(f"voter{i}") for i in range(1, 5)]
    question = make_question(author=asker)
    answer_b, answer_c = make_answer(question, author=b), make_answer(question, author=c)
    for voter in voters[:3]:
        vote_cast(user=voter, post=answer_b, value=1)
    vote_cast(user=voters[0], post=answer_c, value=-1)
    best_answer_select(question=question, answer=answer_b, user=asker)
    return {"asker": asker, "b": b, "c": c, "voters": voters, "answer_b": answer_b}


def test_recalculating_under_new_values_gives_the_totals_they_define(forum, capsys):
    asker, b, c, voters = forum["asker"], forum["b"], forum["c"], forum["voters"]
    # Under the defaults: asked 20 + selecting 30; answered 40 + 3 upvotes x 2 x 10 +
    # selected 300; answered 40 - 1 downvote x 2 x 10; voters 10 a vote.
    assert [points(u) for u in (asker, b, c)] == [150, 500, 120]
    assert [points(v) for v in voters] == [120, 110, 110, 100]

    set_points(per_answer_voted_up=5, answer_selected=20, post_answer=6, vote_down_answer=0)
    call_command("recalculate_points")
    assert "Changed the points of 3 of 7 members" in capsys.readouterr().out

    # b: 60 + 3 x 5 x 10 + 200; c: 60 - 20; voter1's downvote is worth nothing now.
    assert [points(u) for u in (asker, b, c)] == [150, 100 + 60 + 150 + 200, 100 + 40]
    assert [points(v) for v in voters] == [110, 110, 110, 100]
    assert PointsEvent.objects.filter(kind=EventKind.CORRECTION).count() == 3
    # Every total is still base + ledger, and new events follow the new values.
    for user in (asker, b, c, *voters):
        ledger = sum(PointsEvent.objects.filter(user=user).values_list("points", flat=True))
        assert points(user) == 100 + ledger
    vote_cast(user=voters[3], post=forum["answer_b"], value=1)
    assert points(b) == 510 + 50
    assert_points_consistent()


def test_changing_the_base_moves_every_member(forum):
    set_points(base=40)
    call_command("recalculate_points", verbosity=0)
    assert points(forum["voters"][3]) == 40
    assert points(forum["b"]) == 40 + 400


# --- the daily limit on votes received ----------------------------------------------------------


def upvote(answer, count: int) -> list[User]:
    voters = [make_user() for _ in range(count)]
    for voter in voters:
        vote_cast(user=voter, post=answer, value=1)
    return voters


def cap_events(user: User) -> int:
    return sum(
        PointsEvent.objects.filter(user=user, kind=EventKind.DAILY_CAP).values_list(
            "points", flat=True
        )
    )


def test_gains_from_votes_received_stop_at_the_daily_limit(question, other_member):
    set_points(votes_received_daily_cap=50)
    answer = make_answer(question, author=other_member)
    upvote(answer, 2)
    assert points(other_member) == 100 + 40 + 40  # under the limit
    upvote(answer, 2)
    assert points(other_member) == 100 + 40 + 50  # 80 gained, 50 kept
    assert cap_events(other_member) == -30
    assert_points_consistent()


def test_losses_are_not_limited(question, other_member):
    set_points(votes_received_daily_cap=50)
    answer = make_answer(question, author=other_member)
    upvote(answer, 4)
    vote_cast(user=make_user(), post=answer, value=-1)
    assert points(other_member) == 100 + 40 + 50 - 20
    assert_points_consistent()


def test_the_per_post_cap_comes_first(question, other_member):
    set_points(votes_received_daily_cap=150)
    answer = make_answer(question, author=other_member)
    upvote(answer, 12)  # 10 upvotes reach the answer's cap of 200; 50 over the limit
    assert points(other_member) == 100 + 40 + 150
    assert_points_consistent()


def test_withdrawing_a_vote_gives_back_what_the_limit_took(question, other_member):
    set_points(votes_received_daily_cap=50)
    answer = make_answer(question, author=other_member)
    voters = upvote(answer, 4)
    vote_cast(user=voters[0], post=answer, value=0)
    assert points(other_member) == 100 + 40 + 50  # 60 gained today, still 10 over
    vote_cast(user=voters[1], post=answer, value=0)
    assert points(other_member) == 100 + 40 + 40
    assert cap_events(other_member) == 0
    assert_points_consistent()


def test_days_count_apart(question, other_member):
    set_points(votes_received_daily_cap=50)
    answer = make_answer(question, author=other_member)
    voters = upvote(answer, 2)
    yesterday = timezone.now() - datetime.timedelta(days=1)
    Vote.objects.filter(user__in=voters).update(updated_at=yesterday)
    upvote(answer, 2)
    assert points(other_member) == 100 + 40 + 80  # 40 yesterday, 40 today
    assert cap_events(other_member) == 0
    assert_points_consistent()


def test_hiding_a_post_takes_its_upvotes_out_of_the_day(question, other_member):
    set_points(votes_received_daily_cap=50)
    first = make_answer(question, author=other_member)
    second = make_answer(make_question(), author=other_member)
    upvote(first, 2)
    upvote(second, 2)
    assert points(other_member) == 100 + 80 + 50
    post_set_status(post=Post.objects.get(pk=first.pk), status=PostStatus.HIDDEN)
    assert points(other_member) == 100 + 40 + 40  # only the second answer counts now
    assert_points_consistent()


def test_turning_the_limit_on_then_recalculating_does_not_count_it_twice(question, other_member):
    answer = make_answer(question, author=other_member)
    upvote(answer, 4)
    assert points(other_member) == 100 + 40 + 80
    set_points(votes_received_daily_cap=50)
    call_command("recalculate_points", verbosity=0)
    assert points(other_member) == 100 + 40 + 50
    assert cap_events(other_member) == -30
    # The next vote settles the limit against what the recalculation already took.
    upvote(answer, 1)
    assert points(other_member) == 100 + 40 + 50
    assert cap_events(other_member) == -50
    assert_points_consistent()


# --- the admin page ------------------------------------------------------------------------------


@pytest.fixture
def administrator(client):
    admin = make_user("admin", level=Level.ADMINISTRATOR)
    client.force_login(admin)
    return admin


def form_data(**changes: int) -> dict[str, object]:
    data: dict[str, object] = dict(PointsSettings.objects.get(pk=1).values())
    data.update(changes)
    data["_save"] = "Save"
    return data


def test_the_list_leads_to_the_one_settings_page(client, administrator):
    listing = client.get("/admin/reputation/pointssettings/").content.decode()
    assert 'href="/admin/reputation/pointssettings/1/change/"' in listing
    page = client.get("/admin/reputation/pointssettings/1/change/").content.decode()
    assert "Recalculate points now" in page
    assert "mindwell recalculate_points" in page
    assert "daily limit on points from votes received" in page.lower()


def test_an_administrator_changes_a_value_and_the_audit_log_keeps_it(client, administrator):
    response = client.post(
        "/admin/reputation/pointssettings/1/change/", form_data(per_answer_voted_up=3)
    )
    assert response.status_code == 302
    assert current_rules().per_answer_voted_up == 3
    entry = AuditEntry.objects.get(action=AuditAction.SETTINGS)
    assert entry.actor == administrator
    assert entry.detail == {"points": {"per_answer_voted_up": [2, 3]}}


def test_a_refused_value_keeps_what_was_typed(client, administrator):
    response = client.post(
        "/admin/reputation/pointssettings/1/change/", form_data(multiple=0, post_answer=9)
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "greater than or equal to 1" in page
    assert 'name="post_answer" value="9"' in page
    assert current_rules().post_answer == 4


def test_moderators_cannot_see_the_points_settings(client):
    client.force_login(make_user(level=Level.MODERATOR))
    assert client.get("/admin/reputation/pointssettings/1/change/").status_code == 403
    response = client.post("/admin/reputation/pointssettings/recalculate/")
    assert not PointsRecalculation.objects.exists()
    assert response.status_code in (302, 403)


def test_recalculate_now_runs_in_the_background_and_records_the_result(
    client, administrator, forum, django_capture_on_commit_callbacks
):
    set_points(post_answer=10)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post("/admin/reputation/pointssettings/recalculate/", follow=True)
    run = PointsRecalculation.objects.get()
    # Queued by the request, run only after its commit.
    assert run.state == RecalculationState.QUEUED
    assert points(forum["b"]) == 500
    assert "The recalculation is queued" in response.content.decode()

    for callback in callbacks:
        callback()
    run.refresh_from_db()
    assert run.state == RecalculationState.DONE
    assert (run.members_checked, run.members_changed) == (User.objects.count(), 2)
    assert run.requested_by == administrator
    assert points(forum["b"]) == 500 + 60
    page = client.get("/admin/reputation/pointssettings/1/change/").content.decode()
    assert "Changed the points of 2 of" in page


def test_recalculate_now_accepts_only_a_form_post(client, administrator):
    assert client.get("/admin/reputation/pointssettings/recalculate/").status_code == 405
