"""Safety cases: opened, raised and reopened by signals; moved through the queue by
moderators, each move in the audit log."""

from __future__ import annotations

import pytest
from django.db import transaction

from mindwell.core.errors import PermissionDenied, ServiceError
from mindwell.moderation.models import AuditAction, AuditEntry
from mindwell.qa.models import Post
from mindwell.qa.services import post_edit
from mindwell.safety.models import CaseSource, CaseState, SafetyCase
from mindwell.safety.selectors import cached_open_case_counts
from mindwell.safety.services import (
    case_mark_checked_in,
    case_raise,
    case_reopen,
    case_resolve,
    case_take,
    crisis_country_set,
    post_assess,
)
from tests.factories import make_answer, make_question
from tests.safety.helpers import CRISIS_TEXT, IDIOM_TEXT, make_moderator, open_case

pytestmark = pytest.mark.django_db


def raise_(post, level, reasons=None, source=CaseSource.ASSESSOR):
    with transaction.atomic():
        return case_raise(post=post, level=level, source=source, reasons=reasons or [])


def safety_entries(case):
    return list(
        AuditEntry.objects.filter(action=AuditAction.SAFETY, post_id=case.post_id).order_by("pk")
    )


# --- opening and raising ----------------------------------------------------------------


def test_crisis_opens_a_new_case_with_rank_and_reasons(question):
    reasons = [{"rule": "plan", "phrase": "tonight", "level": "crisis"}]
    case = raise_(question, "crisis", reasons)
    assert case.state == CaseState.NEW
    assert (case.level, case.rank, case.source) == ("crisis", 2, CaseSource.ASSESSOR)
    assert case.reasons == reasons
    assert case.handler is None and case.first_response_at is None


def test_level_none_opens_nothing(question):
    assert raise_(question, "none") is None
    assert not SafetyCase.objects.exists()


def test_a_second_signal_raises_the_same_case_not_a_new_one(question):
    first = raise_(
        question, "elevated", [{"rule": "low", "phrase": "hopeless", "level": "elevated"}]
    )
    second = raise_(question, "crisis", [{"rule": "plan", "phrase": "pills", "level": "crisis"}])
    assert SafetyCase.objects.count() == 1
    assert second.pk == first.pk
    second.refresh_from_db()
    assert (second.level, second.rank) == ("crisis", 2)
    assert [r["phrase"] for r in second.reasons] == ["hopeless", "pills"]


def test_lower_signal_never_lowers_a_case(question):
    raise_(question, "crisis", [{"rule": "plan", "phrase": "pills", "level": "crisis"}])
    case = raise_(question, "elevated", [{"rule": "low", "phrase": "tired", "level": "elevated"}])
    case.refresh_from_db()
    assert (case.level, case.rank) == ("crisis", 2)


def test_repeated_reasons_are_not_stored_twice(question):
    reason = {"rule": "plan", "phrase": "pills", "level": "crisis"}
    raise_(question, "crisis", [reason, reason])
    case = raise_(question, "crisis", [reason])
    case.refresh_from_db()
    assert case.reasons == [reason]


def test_resolved_case_reopens_when_a_signal_brings_something_new(question):
    case = open_case(question)
    moderator = make_moderator()
    case_resolve(case=case, moderator=moderator, note="Spoke with them; they are safe.")
    case = raise_(question, "crisis", [{"rule": "flag", "phrase": "worried", "level": "crisis"}])
    case.refresh_from_db()
    assert case.state == CaseState.NEW
    assert case.resolved_at is None
    reopened = safety_entries(case)[-1]
    assert reopened.actor is None
    assert reopened.detail["from"] == CaseState.RESOLVED
    assert reopened.detail["to"] == CaseState.NEW


def test_resolved_case_stays_resolved_when_the_same_text_is_seen_again(question):
    case = open_case(question, phrase="tonight")
    case_resolve(case=case, moderator=make_moderator(), note="Handled.")
    # The writer fixes a typo: the assessor says the same thing as before.
    case = open_case(question, phrase="tonight")
    case.refresh_from_db()
    assert case.state == CaseState.RESOLVED


def test_case_changes_clear_the_cached_alert_counts(question, django_capture_on_commit_callbacks):
    assert cached_open_case_counts() == {"crisis": 0, "elevated": 0}
    with django_capture_on_commit_callbacks(execute=True):
        raise_(question, "crisis")
    assert cached_open_case_counts() == {"crisis": 1, "elevated": 0}
    case = SafetyCase.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        case_take(case=case, moderator=make_moderator())
    assert cached_open_case_counts() == {"crisis": 0, "elevated": 0}


# --- moving a case ----------------------------------------------------------------------


def test_take_sets_handler_first_response_and_audits(question):
    case = open_case(question)
    moderator = make_moderator("mona")
    case = case_take(case=case, moderator=moderator)
    case.refresh_from_db()
    assert case.state == CaseState.HANDLING
    assert case.handler == moderator
    assert case.first_response_at is not None
    [entry] = safety_entries(case)
    assert entry.actor == moderator
    assert entry.target_user_id == question.author_id
    assert entry.detail == {
        "case": case.pk,
        "level": "crisis",
        "from": CaseState.NEW,
        "to": CaseState.HANDLING,
    }


def test_taking_a_case_someone_else_handles_needs_take_over(question):
    case = open_case(question)
    first, second = make_moderator("mona"), make_moderator("milo")
    case_take(case=case, moderator=first)
    with pytest.raises(ServiceError, match="mona is already handling"):
        case_take(case=case, moderator=second)
    case = case_take(case=case, moderator=second, take_over=True)
    assert case.handler == second
    with pytest.raises(ServiceError, match="already handling"):
        case_take(case=case, moderator=second)


def test_first_response_time_is_kept_from_the_first_action(question):
    case = open_case(question)
    case = case_take(case=case, moderator=make_moderator())
    first = case.first_response_at
    case = case_mark_checked_in(case=case, moderator=make_moderator())
    assert case.first_response_at == first


def test_check_in_resolve_and_reopen_each_write_an_audit_entry(question):
    case = open_case(question)
    moderator = make_moderator()
    case_take(case=case, moderator=moderator)
    case_mark_checked_in(case=case, moderator=moderator, note="Sent a private message.")
    case = case_resolve(case=case, moderator=moderator, note="They replied and have support.")
    assert case.state == CaseState.RESOLVED
    assert case.resolved_at is not None
    assert case.note == "They replied and have support."
    case = case_reopen(case=case, moderator=moderator, note="New worrying comment.")
    assert case.state == CaseState.NEW and case.resolved_at is None
    moves = [(e.detail["from"], e.detail["to"]) for e in safety_entries(case)]
    assert moves == [
        ("new", "handling"),
        ("handling", "checked-in"),
        ("checked-in", "resolved"),
        ("resolved", "new"),
    ]
    reasons = [e.reason for e in safety_entries(case)]
    assert reasons[1:] == [
        "Sent a private message.",
        "They replied and have support.",
        "New worrying comment.",
    ]


def test_resolving_needs_a_note(question):
    case = open_case(question)
    with pytest.raises(ServiceError) as error:
        case_resolve(case=case, moderator=make_moderator(), note="   ")
    assert error.value.field == "note"
    case.refresh_from_db()
    assert case.state == CaseState.NEW
    assert not safety_entries(case)


def test_refused_moves(question):
    case = open_case(question)
    moderator = make_moderator()
    with pytest.raises(ServiceError, match="still open"):
        case_reopen(case=case, moderator=moderator)
    case_resolve(case=case, moderator=moderator, note="Done.")
    with pytest.raises(ServiceError, match="already resolved"):
        case_resolve(case=case, moderator=moderator, note="Again.")
    with pytest.raises(ServiceError, match="Reopen it first"):
        case_take(case=case, moderator=moderator)
    with pytest.raises(ServiceError, match="Reopen it first"):
        case_mark_checked_in(case=case, moderator=moderator)


def test_members_cannot_move_cases(question, other_member):
    case = open_case(question)
    with pytest.raises(PermissionDenied):
        case_take(case=case, moderator=other_member)
    with pytest.raises(PermissionDenied):
        case_resolve(case=case, moderator=other_member, note="Not mine to close.")
    case.refresh_from_db()
    assert case.state == CaseState.NEW


# --- countries ---------------------------------------------------------------------------


def test_member_country_is_saved_and_checked(member):
    assert crisis_country_set(user=member, country="gb") == "GB"
    member.refresh_from_db()
    assert member.crisis_country == "GB"
    with pytest.raises(ServiceError):
        crisis_country_set(user=member, country="XX")
    assert crisis_country_set(user=member, country="") == ""
    member.refresh_from_db()
    assert member.crisis_country == ""


# --- the assessor on posts (needs the risk engine) -------------------------------------


def test_engine_crisis_question_opens_an_assessor_case(member):
    question = make_question(author=member, title="I cannot go on any more", body=CRISIS_TEXT)
    question.refresh_from_db()
    assert question.risk_level == "crisis"
    case = SafetyCase.objects.get(post=question)
    assert (case.level, case.source, case.state) == ("crisis", "assessor", "new")
    assert case.reasons and {"rule", "phrase", "level"} <= set(case.reasons[0])


def test_engine_crisis_answer_opens_a_case_in_the_thread(question):
    answer = make_answer(question, body=CRISIS_TEXT)
    assert SafetyCase.objects.get(post=answer).level == "crisis"


def test_engine_an_idiom_opens_no_case(question):
    answer = make_answer(question, body=IDIOM_TEXT)
    answer.refresh_from_db()
    assert answer.risk_level == "none"
    assert not SafetyCase.objects.exists()


def test_engine_edit_that_lowers_the_risk_keeps_the_case(member):
    question = make_question(author=member, title="I cannot go on any more", body=CRISIS_TEXT)
    post_edit(post=question, editor=member, body="Sorry, I feel a bit calmer this morning.")
    question.refresh_from_db()
    assert question.risk_level == "none"
    case = SafetyCase.objects.get(post=question)
    assert case.state == CaseState.NEW and case.level == "crisis"


def test_post_assess_stores_none_for_calm_text(question):
    Post.objects.filter(pk=question.pk).update(risk_level="elevated")
    question.refresh_from_db()
    question.body = "I slept well and feel fine, thanks for asking."
    assert post_assess(post=question) == "none"
    question.refresh_from_db()
    assert question.risk_level == "none"
