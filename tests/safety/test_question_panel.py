"""The question page's resources panel: a gentle offer to readers, the writer's own words to
whoever wrote it, the case state for moderators, and never the assessor's reasons."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mindwell.accounts.models import User
from mindwell.qa.services.publication import post_set_status
from mindwell.safety.services import case_take
from tests.factories import make_answer, make_comment, make_question
from tests.safety.helpers import SECRET_RULE, make_moderator, open_case, set_risk, text

pytestmark = pytest.mark.django_db


def page(client, question) -> str:
    response = client.get(question.get_absolute_url())
    assert response.status_code == 200
    return text(response)


def test_readers_of_a_crisis_question_see_crisis_lines(client, question):
    open_case(question)
    html = page(client, question)
    assert "Help is available now" in html
    assert 'href="tel:988"' in html
    assert "988 Suicide &amp; Crisis Lifeline" in html or "988 Suicide & Crisis Lifeline" in html
    assert "never share details of methods" in html


def test_the_reasons_never_reach_a_non_moderators_html(client, question, other_member):
    open_case(question, phrase="a-phrase-only-moderators-see")
    for viewer in (None, other_member, question.author):
        client.logout()
        if viewer is not None:
            client.force_login(viewer)
        html = page(client, question)
        assert "safety-panel" in html
        assert SECRET_RULE not in html
        assert "a-phrase-only-moderators-see" not in html
        assert "Safety cases in this thread" not in html


def test_a_crisis_answer_puts_the_panel_on_the_question(client, question):
    answer = make_answer(question)
    set_risk(answer, "crisis")
    assert "Help is available now" in page(client, question)


def test_a_crisis_comment_puts_the_panel_on_the_question(client, question):
    comment = make_comment(question)
    set_risk(comment, "crisis")
    assert "Help is available now" in page(client, question)


def test_elevated_shows_softer_support(client, question):
    set_risk(question, "elevated")
    html = page(client, question)
    assert "Going through something similar?" in html
    assert "someone you trust, your GP or doctor" in html
    assert "Help is available now" not in html
    assert "<details><summary>Support lines in United States</summary>" in html


def test_calm_threads_show_no_panel(client, question):
    make_answer(question)
    assert "safety-panel" not in page(client, question)


def test_the_member_who_wrote_it_sees_words_for_the_writer(client, question, member):
    set_risk(question, "crisis")
    client.force_login(member)
    html = page(client, question)
    assert "Thank you for sharing this" in html
    assert 'href="tel:988"' in html
    # Not the "just posted" prominence: that is for the page right after posting.
    assert 'role="status" id="safety-panel"' not in html


def test_the_visitors_country_is_honoured(client, question):
    set_risk(question, "crisis")
    client.cookies["mw_crisis_country"] = "GB"
    html = page(client, question)
    assert "Samaritans" in html
    assert 'href="tel:116123"' in html
    assert 'href="tel:988"' not in html


def test_a_members_saved_country_is_honoured(client, question, other_member):
    set_risk(question, "crisis")
    User.objects.filter(pk=other_member.pk).update(crisis_country="DE")
    client.force_login(other_member)
    html = page(client, question)
    assert "TelefonSeelsorge" in html
    assert 'href="tel:08001110111"' in html


def test_unknown_country_falls_back_to_the_site_default(client, question):
    set_risk(question, "crisis")
    client.cookies["mw_crisis_country"] = "JP"
    assert 'href="tel:988"' in page(client, question)


def test_moderators_see_the_case_state_and_a_link(client, question):
    case = open_case(question)
    moderator = make_moderator("mona")
    case_take(case=case, moderator=moderator)
    client.force_login(moderator)
    html = page(client, question)
    assert "Safety cases in this thread" in html
    assert f'href="/safety/queue/{case.pk}/"' in html
    assert "Crisis case on the question</a>: being handled (mona)" in html


def test_question_page_queries_do_not_grow_with_crisis_posts(client):
    moderator = make_moderator()

    def count(question, viewer):
        client.logout()
        if viewer is not None:
            client.force_login(viewer)
        page(client, question)  # the first view counts the view; measure the second
        with CaptureQueriesContext(connection) as queries:
            page(client, question)
        return len(queries)

    small, large = make_question(), make_question()
    open_case(small)
    open_case(make_answer(small))
    open_case(large)
    for _ in range(5):
        answer = make_answer(large)
        open_case(answer)
        open_case(make_comment(answer), level="elevated")
    for viewer in (None, moderator):
        assert count(small, viewer) == count(large, viewer)


def test_writer_of_a_post_waiting_for_approval_is_told_so(client, question, member):
    answer = make_answer(question, author=member)
    post_set_status(post=answer, status="queued")
    set_risk(answer, "crisis")
    client.force_login(member)
    html = page(client, question)
    assert "Your post will appear once a moderator has approved it." in html
    assert "Your post is up" not in html
