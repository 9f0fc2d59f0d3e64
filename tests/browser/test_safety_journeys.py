"""Safety and moderation as people meet them, in Chromium: a crisis question is met with
help before and after posting and reaches the top of the safety queue; an idiom is not; three
flags hide a post; a post waiting for approval stays invisible until a moderator approves it;
quick exit leaves at once and cannot be returned to with Back."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from mindwell.siteconfig.models import SiteSettings
from tests.browser.test_question_page import log_in
from tests.factories import make_answer, make_question, make_user

pytestmark = pytest.mark.browser

CRISIS_TITLE = "I can't do this anymore and tonight is the night"
CRISIS_BODY = (
    "I have saved up all my pills and I am going to take them tonight after everyone is "
    "asleep. I just wanted to say goodbye to someone."
)
IDIOM_TITLE = "My best friend's wedding speech was the funniest thing ever"
IDIOM_BODY = (
    "I nearly died laughing when she told the story about our camping trip. How do I "
    "write a speech half as good for her wedding next year?"
)


def ask(page: Any, title: str, body: str) -> None:
    page.goto("/ask/")
    page.get_by_label("The question in one sentence:").fill(title)
    page.get_by_label("More information for the question:").fill(body)
    page.get_by_label("Category:").select_option(label="Depression")


def test_a_crisis_question_meets_help_before_and_after_posting_and_tops_the_queue(
    live_server, new_context
):
    make_user("lena")
    moderator = make_user("mod.sam", is_staff=True)
    # An older, elevated case is already waiting: the crisis one must still come first.
    make_question(
        title="Everything feels heavy lately and I wish I could disappear for a while",
        body="I wish I could just disappear for a while. I feel like a burden to everyone.",
    )
    writer = new_context().new_page()
    log_in(writer, "lena")
    ask(writer, CRISIS_TITLE, CRISIS_BODY)

    # While typing (JavaScript checks the draft): help is offered before anything is posted.
    notice = writer.get_by_role("region", name="Help is available now")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("You are not alone")
    expect(notice.get_by_role("link", name=re.compile("988")).first).to_be_visible()

    writer.get_by_role("button", name="Ask the question").click()
    expect(writer.get_by_role("heading", name=CRISIS_TITLE)).to_be_visible()
    # Just after posting, the panel is announced (a status region), then stays as an aside.
    panel = writer.get_by_role("status", name="Support")
    expect(panel).to_contain_text("Thank you for sharing this")
    expect(panel.get_by_role("link", name=re.compile("988")).first).to_be_visible()
    assert "rule" not in panel.inner_text().lower()  # never the assessor's reasons

    mod = new_context().new_page()
    log_in(mod, moderator.username)
    expect(mod.get_by_role("link", name=re.compile(r"Safety \(\d+"))).to_be_visible()
    mod.goto("/safety/queue/")
    first_case = mod.locator("table.safety-queue tbody tr").first
    expect(first_case).to_contain_text("Crisis")
    expect(first_case).to_contain_text("saved up all my pills")


def test_an_idiom_gets_no_crisis_notice_and_no_case(live_server, new_context):
    make_user("joy")
    moderator = make_user("mod.kim", is_staff=True)
    page = new_context().new_page()
    log_in(page, "joy")
    with page.expect_response(lambda r: "/safety/assess/" in r.url):
        ask(page, IDIOM_TITLE, IDIOM_BODY)
    page.wait_for_timeout(800)  # past the typing pause, in case a second check was queued
    expect(page.get_by_role("region", name="Help is available now")).to_have_count(0)
    page.get_by_role("button", name="Ask the question").click()
    expect(page.get_by_role("heading", name=IDIOM_TITLE)).to_be_visible()
    expect(page.locator("aside.safety-panel")).to_have_count(0)

    mod = new_context().new_page()
    log_in(mod, moderator.username)
    mod.goto("/safety/queue/")
    expect(mod.get_by_text("No cases here.")).to_be_visible()


def test_three_flags_hide_a_post(live_server, new_context):
    question = make_question(title="How do I tell my partner I need more time alone?")
    answer = make_answer(question, body="Buy cheap pills online and stop your medication today.")
    url = question.get_absolute_url()
    for name in ("flagger.a", "flagger.b", "flagger.c"):
        make_user(name)
        page = new_context().new_page()
        log_in(page, name)
        page.goto(url)
        page.locator(f"#{answer.anchor}").get_by_role("link", name="Flag this answer").click()
        page.get_by_label("Harmful advice").check()
        page.get_by_label("Stopping or changing medication").check()
        page.get_by_role("button", name="Send the flag").click()
        expect(page.get_by_role("status").or_(page.locator(".messages"))).to_contain_text("flag")

    visitor = new_context().new_page()
    visitor.goto(url)
    expect(visitor.get_by_role("heading", name=question.title)).to_be_visible()
    expect(visitor.locator(f"#{answer.anchor}")).to_have_count(0)
    expect(visitor.get_by_text("stop your medication")).to_have_count(0)


def test_a_post_waiting_for_approval_is_invisible_until_approved(live_server, new_context):
    site = SiteSettings.current()
    site.premoderate_anonymous = True
    site.save()
    moderator = make_user("mod.ana", is_staff=True)
    question = make_question(title="How can I support a friend after a breakup?")
    text = "Just being there and listening without judging helped me the most."

    visitor = new_context().new_page()
    visitor.goto(question.get_absolute_url())
    box = visitor.get_by_role("region", name="Answer this question")
    box.get_by_label("Your answer").fill(text)
    box.get_by_label("Your name to display (optional):").fill("Quiet Owl")
    box.get_by_role("button", name="Add answer").click()
    expect(visitor.locator(".messages")).to_contain_text("waiting for approval")

    reader = new_context().new_page()
    reader.goto(question.get_absolute_url())
    expect(reader.get_by_text(text)).to_have_count(0)

    mod = new_context().new_page()
    log_in(mod, moderator.username)
    mod.goto("/moderation/queue/")
    item = mod.locator("li.mod-item").filter(has_text="Just being there")
    item.get_by_role("button", name="Approve").click()
    expect(mod.get_by_text("Nothing is waiting here.")).to_be_visible()

    reader.reload()
    expect(reader.get_by_text(text)).to_be_visible()


def test_quick_exit_leaves_at_once_and_back_does_not_return(live_server, new_context, settings):
    settings.MINDWELL_QUICK_EXIT_URL = f"{live_server.url}/pages/about/"
    question = make_question(title="Is it normal to feel scared of my partner's temper?")
    page = new_context().new_page()
    page.goto("/")
    page.goto(question.get_absolute_url())
    exit_link = page.get_by_role("link", name="Quick exit")
    expect(exit_link).to_be_visible()
    exit_link.click()
    page.wait_for_url("**/pages/about/")
    page.go_back()
    page.wait_for_load_state()
    assert "/questions/" not in page.url  # the question page was replaced in the history

    # Escape three times does the same, from any page.
    page.goto(question.get_absolute_url())
    page.locator("body").press("Escape")
    page.locator("body").press("Escape")
    page.locator("body").press("Escape")
    page.wait_for_url("**/pages/about/")
