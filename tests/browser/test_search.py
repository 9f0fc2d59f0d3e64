"""Search and similar questions in Chromium: typing a title that matches an existing question
shows it as a suggestion before anything is posted, and the header's search box finds it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from mindwell.qa.models import Post
from tests.browser.test_question_page import log_in
from tests.factories import make_question, make_user

pytestmark = pytest.mark.browser

EXISTING = "How do I stop panic attacks at work?"


def test_typing_a_title_suggests_an_existing_question(live_server, new_context, request_log):
    existing = make_question(title=EXISTING, body="My heart races in meetings.")
    make_question(title="Recipes for a quick dinner", body="Cooking for one.")
    make_user("asker")
    page = new_context().new_page()
    log_in(page, "asker")

    page.goto("/ask/")
    page.get_by_label("The question in one sentence:").fill(
        "Panic attacks during meetings at my job"
    )
    suggestions = page.locator("[data-similar-results]")
    link = suggestions.get_by_role("link", name=EXISTING)
    expect(link).to_be_visible()
    expect(suggestions.get_by_role("link", name="Recipes for a quick dinner")).to_have_count(0)
    assert Post.objects.count() == 2  # a suggestion, not a post

    link.click()
    expect(page).to_have_url(re.compile(rf"/questions/{existing.pk}/"))
    assert not request_log.foreign()
    assert not request_log.script_errors


def test_the_header_search_box_finds_a_question(live_server, page):
    make_question(title=EXISTING, body="My heart races in meetings.")
    page.goto("/")
    page.get_by_label("Search the site").fill("panic")
    page.get_by_label("Search the site").press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=panic"))
    result = page.locator(".search-result").first
    expect(result.get_by_role("link", name=EXISTING)).to_be_visible()
    expect(result.locator("mark").first).to_have_text(re.compile("panic", re.IGNORECASE))
