"""What mindwell.js writes into a page is in the reader's language: a Spanish reader's follow
button and the suggestions of similar questions as they type a title."""

from __future__ import annotations

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.browser.test_csp import assert_clean, watched_page
from tests.browser.test_question_page import log_in
from tests.factories import make_answer, make_question, make_user

pytestmark = pytest.mark.browser


def test_a_spanish_reader_sees_the_script_s_words_in_spanish(live_server, new_context):
    make_user("ines")
    question = make_question(title="How do I sleep better before exams?")
    make_answer(question)
    page, errors = watched_page(new_context)
    log_in(page, "ines")
    language = {"name": settings.LANGUAGE_COOKIE_NAME, "value": "es", "url": live_server.url}
    page.context.add_cookies([language])

    page.goto(question.get_absolute_url())
    expect(page.locator("html")).to_have_attribute("lang", "es")
    # A mark the page keeps only if the script answers in place (no reload).
    page.evaluate("window.__same_page = true")

    page.locator("form[data-follow] button").click()
    state = page.locator("form[data-follow] .follow-state")
    expect(state).to_contain_text("Sigues")
    expect(page.locator("form[data-follow] button")).to_contain_text("Dejar de seguir")
    assert page.evaluate("window.__same_page") is True
    assert_clean(page, errors)

    page.goto("/ask/")
    page.locator("input[name=title]").fill("sleep better before exams")
    suggestions = page.locator("[data-similar-results]")
    expect(suggestions.locator("h2")).to_have_text("Preguntas que quizá ya respondan la tuya")
    expect(suggestions.locator(".meta")).to_have_text("(1 respuesta)")
    assert_clean(page, errors)
