"""The safety queue: moderators only, crisis first then the longest waiting, case pages that
move a case through its states and log every move."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mindwell.moderation.models import AuditAction, AuditEntry
from mindwell.qa.services.common import Poster
from mindwell.reputation import policy
from mindwell.safety.context_processors import safety_alerts
from mindwell.safety.models import CaseState, SafetyCase
from mindwell.safety.services import case_take
from tests.factories import make_answer, make_question
from tests.safety.helpers import SECRET_RULE, make_moderator, open_case, text

pytestmark = pytest.mark.django_db

QUEUE = "/safety/queue/"


def aged(case: SafetyCase, hours: int) -> SafetyCase:
    SafetyCase.objects.filter(pk=case.pk).update(created_at=timezone.now() - timedelta(hours=hours))
    return case


@pytest.fixture
def moderator(db):
    return make_moderator("mona")


@pytest.fixture
def mod_client(client, moderator):
    client.force_login(moderator)
    return client


# --- who may see it ---------------------------------------------------------------------


@pytest.mark.parametrize("url", [QUEUE, f"{QUEUE}1/"])
def test_visitors_are_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=")


@pytest.mark.parametrize("url", [QUEUE, f"{QUEUE}1/"])
def test_members_are_refused_with_a_clear_message(client, member, url):
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 403
    assert "The safety queue is for moderators" in text(response)


def test_members_cannot_change_a_case(client, member, question):
    case = open_case(question)
    client.force_login(member)
    response = client.post(f"{QUEUE}{case.pk}/", {"action": "take"})
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.state == CaseState.NEW


# --- the list ---------------------------------------------------------------------------


def test_queue_orders_crisis_first_then_oldest(mod_client):
    aged(open_case(make_question(title="Elevated and old?"), "elevated"), 48)
    aged(open_case(make_question(title="Crisis and new?"), "crisis"), 1)
    aged(open_case(make_question(title="Crisis and old?"), "crisis"), 10)
    html = text(mod_client.get(QUEUE))
    positions = [
        html.index(title) for title in ("Crisis and old?", "Crisis and new?", "Elevated and old?")
    ]
    assert positions == sorted(positions)
    assert html.count('<tr class="case ') == 3


def test_queue_row_shows_reasons_author_state_handler_and_age(mod_client, moderator, question):
    case = aged(open_case(question, phrase="pills ready"), 3)
    case_take(case=case, moderator=moderator)
    html = text(mod_client.get(QUEUE))
    assert f"{SECRET_RULE}: “pills ready”" in html
    assert question.title in html
    assert f"by {question.author.username}" in html
    assert "Being handled" in html and "mona" in html
    assert "3\xa0hours" in html
    assert f'href="{QUEUE}{case.pk}/"' in html


def test_anonymous_writers_email_is_never_shown(mod_client, question):
    poster = Poster(name="Sam", email="sam.private@example.test")
    answer = make_answer(question, poster=poster)
    open_case(answer)
    html = text(mod_client.get(QUEUE))
    assert "by Sam" in html
    assert "sam.private@example.test" not in html
    case = SafetyCase.objects.get(post=answer)
    assert "sam.private@example.test" not in text(mod_client.get(f"{QUEUE}{case.pk}/"))


def test_filters_by_state_default_open(mod_client, moderator):
    open_case(make_question(title="Still open question?"))
    done = open_case(make_question(title="Resolved question?"))
    mod_client.post(f"{QUEUE}{done.pk}/", {"action": "resolve", "note": "Safe now."})
    default = text(mod_client.get(QUEUE))
    assert "Still open question?" in default and "Resolved question?" not in default
    resolved = text(mod_client.get(f"{QUEUE}?state=resolved"))
    assert "Resolved question?" in resolved and "Still open question?" not in resolved
    everything = text(mod_client.get(f"{QUEUE}?state=all"))
    assert "Resolved question?" in everything and "Still open question?" in everything


def test_queue_queries_do_not_grow_with_cases(mod_client):
    def measure() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert mod_client.get(QUEUE).status_code == 200
        print([q["sql"][:120] for q in queries.captured_queries])
        return len(queries)

    question = make_question()
    open_case(question)
    open_case(make_answer(question), "elevated")
    measure()  # the first view fills the header's caches
    few = measure()
    for _ in range(8):
        other = make_question()
        open_case(other)
        open_case(make_answer(other, poster=Poster(name="Visitor")), "elevated")
    assert measure() == few


# --- the case page ----------------------------------------------------------------------


def test_case_page_shows_the_post_and_reasons(mod_client, question):
    case = open_case(question, phrase="pills ready")
    response = mod_client.get(f"{QUEUE}{case.pk}/")
    assert response.status_code == 200
    html = text(response)
    assert question.title in html
    assert "I have been anxious for weeks" in html
    assert f"{SECRET_RULE}: “pills ready”" in html
    assert 'value="take"' in html


def test_case_page_actions_change_state_and_write_the_audit_log(mod_client, moderator, question):
    case = open_case(question)
    url = f"{QUEUE}{case.pk}/"
    response = mod_client.post(url, {"action": "take"})
    assert response.status_code == 302 and response.url == url
    case.refresh_from_db()
    assert (case.state, case.handler) == (CaseState.HANDLING, moderator)
    mod_client.post(url, {"action": "check-in", "note": "Sent a private message."})
    mod_client.post(url, {"action": "resolve", "note": "They have support now."})
    case.refresh_from_db()
    assert case.state == CaseState.RESOLVED and case.note == "They have support now."
    mod_client.post(url, {"action": "reopen", "note": "Worrying follow-up."})
    case.refresh_from_db()
    assert case.state == CaseState.NEW
    entries = AuditEntry.objects.filter(action=AuditAction.SAFETY, post=question).order_by("pk")
    assert [(e.actor, e.detail["to"]) for e in entries] == [
        (moderator, "handling"),
        (moderator, "checked-in"),
        (moderator, "resolved"),
        (moderator, "new"),
    ]
    html = text(mod_client.get(url))
    assert "mona moved it from checked-in to resolved: They have support now." in html
    assert "Case reopened." in html


def test_resolving_without_a_note_keeps_the_case_and_says_why(mod_client, question):
    case = open_case(question)
    response = mod_client.post(f"{QUEUE}{case.pk}/", {"action": "resolve", "note": ""})
    assert response.status_code == 400
    assert "Please write a short note" in text(response)
    case.refresh_from_db()
    assert case.state == CaseState.NEW


def test_refused_move_keeps_the_typed_note(mod_client, question):
    case = open_case(question)
    url = f"{QUEUE}{case.pk}/"
    mod_client.post(url, {"action": "resolve", "note": "Done."})
    response = mod_client.post(url, {"action": "check-in", "note": "My careful note"})
    assert response.status_code == 400
    html = text(response)
    assert "Reopen it first" in html
    assert "My careful note</textarea>" in html


def test_second_moderator_is_offered_take_over(client, moderator, question):
    case = open_case(question)
    case_take(case=case, moderator=moderator)
    other = make_moderator("milo")
    client.force_login(other)
    url = f"{QUEUE}{case.pk}/"
    html = text(client.get(url))
    assert 'value="take-over"' in html and "Take over from mona" in html
    refused = client.post(url, {"action": "take"})
    assert refused.status_code == 400
    assert "mona is already handling this case" in text(refused)
    client.post(url, {"action": "take-over"})
    case.refresh_from_db()
    assert case.handler == other


def test_unknown_case_is_404(mod_client):
    assert mod_client.get(f"{QUEUE}999999/").status_code == 404


# --- the moderators' alert in the header ----------------------------------------------


def alert_html(user) -> str:
    request = RequestFactory().get("/")
    request.user = user
    context = Context(safety_alerts(request))
    # The variables as the header (moderation/_nav.html) uses them.
    source = (
        "{% if safety_new_count %}{{ safety_new_count }} new, "
        "{{ safety_crisis_count }} crisis{% endif %}"
    )
    return Template(source).render(context).strip()


def test_alert_counts_new_cases_for_moderators_only(
    moderator, member, question, django_capture_on_commit_callbacks
):
    assert alert_html(moderator) == ""
    with django_capture_on_commit_callbacks(execute=True):
        open_case(question)
        open_case(make_answer(question), "elevated")
    assert alert_html(moderator) == "2 new, 1 crisis"
    assert alert_html(member) == ""


def test_alert_costs_no_query_when_unused(moderator, django_assert_num_queries):
    request = RequestFactory().get("/")
    request.user = moderator
    policy.snapshot()  # the permission rules, loaded once for every page (then cached)
    with django_assert_num_queries(0):
        context = safety_alerts(request)
    with django_assert_num_queries(1):
        assert context["safety_new_count"]() == 0
        assert context["safety_crisis_count"]() == 0
