"""The question page as people use it, in a real browser (Chromium through Playwright).

The main journey acts only through the UI: an asker, a visitor without an account and another
member each in their own browser context. The other tests check the phone layout, the answer
form without JavaScript, and the formatting toolbar.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD, make_answer, make_question, make_user

POINTS = r"\(\d[\d.,]*k? points?\)"
PRIVACY_LINE = "Privacy: Your email address will only be used for sending these notifications."
QUESTION_URL = re.compile(r"/questions/\d+/[\w-]+/(#\w+)?$")

TITLE = "Why do I wake up at 4am every night and cannot sleep again?"
BODY = (
    "For three weeks I have woken up at 4am **every night**.\n\n"
    "My mind starts racing about work and I cannot get back to sleep."
)
EDITED_BODY = (
    "For three weeks I have woken up at 4am **most nights**.\n\n"
    "My mind starts racing about work and I cannot get back to sleep.\n\n"
    "I have tried reading, which helps a little."
)
VISITOR_NAME = "Morning Lark"
VISITOR_EMAIL = "visitor-secret@example.test"
VISITOR_ANSWER = (
    "I had the same thing. Keeping a notebook by the bed and writing the worries down "
    "helped me let go of them until the morning."
)
MEMBER_ANSWER = "A regular wake-up time, even at weekends, slowly fixed this for me."
COMMENT = "The notebook idea worked for me too, thank you."


def log_in(page: Any, username: str) -> None:
    """Log in through the login form, as a person would."""
    page.goto("/accounts/login/")
    form = page.locator("main form")
    form.get_by_label("Username").fill(username)
    form.get_by_label("Password").fill(PASSWORD)
    form.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def question_article(page: Any, title: str = TITLE) -> Any:
    return page.get_by_role("article", name=title, exact=True)


def answer_article(page: Any, author: str) -> Any:
    return page.get_by_role("article", name=f"Answer by {author}", exact=True)


def answer_box(page: Any) -> Any:
    return page.get_by_role("region", name="Answer this question")


def post_meta(article: Any) -> Any:
    """The 'asked/answered … by …' line of a question or answer (not of its comments)."""
    return article.locator(".post-main > p.meta:not(.edited)")


def assert_email_not_in(page: Any, where: str) -> None:
    html = page.content()
    assert VISITOR_EMAIL not in html, f"the visitor's email address is shown on {where}"
    assert "visitor-secret" not in html, f"part of the visitor's email is shown on {where}"


@pytest.mark.browser
def test_people_use_the_question_page(live_server, new_context, request_log):
    asker = make_user("noor")
    make_user("sam")

    # 1. The asker logs in, previews the question, then asks it.
    ask_page = new_context().new_page()
    log_in(ask_page, "noor")
    ask_page.goto("/ask/")
    ask_page.get_by_label("The question in one sentence:").fill(TITLE)
    ask_page.get_by_label("More information for the question:").fill(BODY)
    ask_page.get_by_label("Category:").select_option(label="Psychology")
    ask_page.get_by_label("Tags (separate with spaces").fill("sleep anxiety")
    ask_page.get_by_role("button", name="Preview", exact=True).click()
    # The server renders the draft (in place with JavaScript, as a new page without it).
    preview = ask_page.locator(".preview")
    expect(preview).to_be_visible()
    expect(preview.locator("strong")).to_have_text("every night")
    # Everything typed is still there, so the question can be posted from the preview.
    expect(ask_page.get_by_label("The question in one sentence:")).to_have_value(TITLE)
    expect(ask_page.get_by_label("Category:").locator("option:checked")).to_have_text("Psychology")
    ask_page.get_by_role("button", name="Ask the question").click()
    ask_page.wait_for_url(QUESTION_URL)
    expect(ask_page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(ask_page.get_by_text("Your question is posted.")).to_be_visible()
    question_url = ask_page.url

    # 2. A visitor without an account answers with a display name and a private email.
    visitor = new_context().new_page()
    visitor.goto(question_url)
    expect(question_article(visitor)).to_be_visible()
    box = answer_box(visitor)
    box.get_by_label("Your answer", exact=True).fill(VISITOR_ANSWER)
    box.get_by_label("Your name to display (optional):").fill(VISITOR_NAME)
    box.get_by_label("notifications").fill(VISITOR_EMAIL)
    expect(box.get_by_text(PRIVACY_LINE)).to_be_visible()
    box.get_by_role("button", name="Add answer").click()
    visitor.wait_for_url(QUESTION_URL)
    expect(visitor.get_by_text("Thank you — your answer is posted.")).to_be_visible()
    visitor_answer = answer_article(visitor, VISITOR_NAME)
    expect(visitor_answer).to_be_visible()
    expect(visitor_answer).to_contain_text("Keeping a notebook by the bed")
    expect(post_meta(visitor_answer)).to_contain_text(f"by {VISITOR_NAME}")
    assert_email_not_in(visitor, "the question page, for the visitor who posted it")

    # 3. Another member votes up the visitor's answer and the question, comments, and answers.
    member = new_context().new_page()
    log_in(member, "sam")
    member.goto(question_url)
    on_answer = answer_article(member, VISITOR_NAME)
    on_answer.get_by_role("button", name="Vote up").click()
    expect(on_answer.locator(".netvote")).to_have_text("1 vote")
    expect(on_answer.get_by_role("button", name="Vote up")).to_have_attribute(
        "aria-pressed", "true"
    )
    on_question = question_article(member)
    on_question.get_by_role("button", name="Vote up").click()
    expect(on_question.locator(".netvote")).to_have_text("1 vote")
    expect(on_question.get_by_role("button", name="Vote up")).to_have_attribute(
        "aria-pressed", "true"
    )

    on_answer.get_by_text("Add a comment").click()
    on_answer.get_by_label("Your comment").fill(COMMENT)
    on_answer.get_by_role("button", name="Add comment").click()
    expect(member.get_by_text("Your comment is posted.")).to_be_visible()
    comment = answer_article(member, VISITOR_NAME).locator("li.comment")
    expect(comment).to_contain_text(COMMENT)
    expect(comment.locator("p.meta")).to_contain_text(re.compile(rf"by\s+sam\s+{POINTS}"))
    # The votes were saved, not only shown: they are still there after the reload.
    expect(answer_article(member, VISITOR_NAME).locator(".netvote")).to_have_text("1 vote")
    expect(question_article(member).locator(".netvote")).to_have_text("1 vote")

    answer_box(member).get_by_label("Your answer", exact=True).fill(MEMBER_ANSWER)
    answer_box(member).get_by_role("button", name="Add answer").click()
    expect(member.get_by_text("Thank you — your answer is posted.")).to_be_visible()
    expect(answer_article(member, "sam")).to_contain_text("regular wake-up time")
    assert_email_not_in(member, "the question page, for a logged-in member")

    # 4. The asker selects the visitor's answer as the best one.
    ask_page.goto(question_url)
    answer_article(ask_page, VISITOR_NAME).get_by_role(
        "button", name="Select as best answer"
    ).click()
    expect(ask_page.get_by_text("Best answer selected.")).to_be_visible()
    best = answer_article(ask_page, VISITOR_NAME)
    expect(best.locator(".best-badge")).to_contain_text("Best answer")
    expect(best).to_have_class(re.compile(r"\bbest\b"))
    expect(best.get_by_role("button", name="Unselect best answer")).to_be_visible()
    expect(answer_article(ask_page, "sam").locator(".best-badge")).to_have_count(0)

    # 5. The asker edits the question; the page says so and the history shows the change.
    question_article(ask_page).get_by_role("link", name="Edit", exact=True).click()
    ask_page.wait_for_url("**/posts/*/edit/")
    text = ask_page.get_by_label("Text", exact=True)
    expect(text).to_have_value(BODY)
    text.fill(EDITED_BODY)
    ask_page.get_by_label("Reason for the edit (optional)").fill("Added what I have tried")
    ask_page.get_by_role("button", name="Save edit").click()
    ask_page.wait_for_url(QUESTION_URL)
    expect(ask_page.get_by_text("Your edit is saved.")).to_be_visible()
    edited = question_article(ask_page).locator("p.meta.edited")
    expect(edited).to_contain_text(re.compile(r"edited by noor\b"))
    expect(question_article(ask_page)).to_contain_text("I have tried reading")
    edited.get_by_role("link", name="history").click()
    expect(ask_page.get_by_role("heading", name="Edit history")).to_be_visible()
    expect(ask_page.get_by_text("Reason: Added what I have tried")).to_be_visible()
    diff = ask_page.locator("pre.diff")
    expect(diff.locator(".del").first).to_contain_text("**every night**")
    expect(diff.locator(".add").first).to_contain_text("**most nights**")
    expect(diff.locator(".add").last).to_contain_text("+ I have tried reading")
    history_url = ask_page.url

    # 6. The final page, as the visitor sees it, shows everything a question page should.
    visitor.goto(question_url)
    question = question_article(visitor)
    expect(question.locator(".netvote")).to_have_text("1 vote")
    meta = post_meta(question)
    expect(meta).to_contain_text("in Psychology")
    expect(meta.get_by_role("link", name="Psychology")).to_have_attribute(
        "href", re.compile(r"/categories/psychology/$")
    )
    expect(meta).to_contain_text(re.compile(rf"by\s+{asker.username}\s+{POINTS}"))
    expect(question.locator("p.meta.edited")).to_contain_text(
        re.compile(rf"edited by {asker.username}\b")
    )
    expect(question.get_by_role("link", name="sleep")).to_be_visible()
    expect(question.get_by_role("link", name="anxiety")).to_be_visible()
    expect(visitor.get_by_role("heading", name="2 Answers")).to_be_visible()

    best = answer_article(visitor, VISITOR_NAME)
    expect(best.locator(".netvote")).to_have_text("1 vote")
    expect(best.locator(".best-badge")).to_contain_text("Best answer")
    expect(post_meta(best)).to_contain_text(f"by {VISITOR_NAME}")
    expect(post_meta(best).locator(".points")).to_have_count(0)  # a visitor has no points
    expect(best.locator("li.comment")).to_contain_text(COMMENT)
    other = answer_article(visitor, "sam")
    expect(other.locator(".netvote")).to_have_text("0 votes")
    expect(post_meta(other)).to_contain_text(re.compile(rf"by\s+sam\s+{POINTS}"))
    # Best answer first, whatever the votes.
    expect(visitor.locator("section.answers article")).to_have_count(2)
    expect(visitor.locator("section.answers article").first).to_have_attribute(
        "aria-label", f"Answer by {VISITOR_NAME}"
    )

    box = answer_box(visitor)
    expect(box.get_by_label("Your answer", exact=True)).to_be_visible()
    expect(box.get_by_label("Your name to display (optional):")).to_be_visible()
    expect(box.get_by_label("notifications")).to_have_attribute("type", "email")
    expect(box.get_by_text(PRIVACY_LINE)).to_be_visible()
    assert_email_not_in(visitor, "the question page, for the visitor")

    member.goto(question_url)
    expect(question_article(member)).to_be_visible()
    assert_email_not_in(member, "the question page, for a logged-in member")
    ask_page.goto(question_url)
    expect(question_article(ask_page)).to_be_visible()
    assert_email_not_in(ask_page, "the question page, for the asker")
    for path, shows in [
        ("/", TITLE),
        ("/users/", "noor"),
        ("/categories/psychology/", TITLE),
        ("/tags/sleep/", TITLE),
        (history_url, "Edited by noor"),
    ]:
        visitor.goto(path)
        expect(visitor.get_by_role("main")).to_contain_text(shows)
        assert_email_not_in(visitor, path)

    # The site's own stylesheet and script loaded, and the script ran without errors.
    assert any(url.endswith(".css") for url in request_log.urls)
    assert any(url.endswith(".js") for url in request_log.urls)
    assert request_log.broken_assets() == {}
    assert request_log.script_errors == []
    # The privacy promise: every request the browsers made went to this site only.
    assert request_log.foreign() == []


@pytest.mark.browser
def test_question_page_fits_a_phone(live_server, new_context):
    asker = make_user("noor")
    make_user("sam")
    question = make_question(author=asker, title=TITLE, body=BODY)
    make_answer(question, author=make_user("rui"), body=VISITOR_ANSWER)
    phone = new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=3,
        is_mobile=True,
        has_touch=True,
    ).new_page()
    log_in(phone, "sam")
    phone.goto(question.get_absolute_url())
    expect(question_article(phone)).to_be_visible()

    widths = phone.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )
    assert widths["inner"] == 390
    assert widths["scroll"] <= widths["inner"], f"the page scrolls sideways: {widths}"

    for article in (question_article(phone), answer_article(phone, "rui")):
        for name in ("Vote up", "Vote down"):
            button = article.get_by_role("button", name=name)
            button.scroll_into_view_if_needed()
            expect(button).to_be_visible()
            expect(button).to_be_in_viewport()
    box = answer_box(phone)
    box.get_by_label("Your answer", exact=True).scroll_into_view_if_needed()
    expect(box.get_by_label("Your answer", exact=True)).to_be_in_viewport()


@pytest.mark.browser
def test_answer_form_works_without_javascript(live_server, new_context):
    question = make_question(author=make_user("noor"), title=TITLE, body=BODY)
    page = new_context(java_script_enabled=False).new_page()
    page.goto(question.get_absolute_url())
    box = answer_box(page)
    # Without JavaScript the toolbar stays hidden; the textarea is all there is.
    expect(box.get_by_role("toolbar", name="Formatting")).to_be_hidden()

    box.get_by_label("Your answer", exact=True).fill(VISITOR_ANSWER)
    box.get_by_label("Your name to display (optional):").fill(VISITOR_NAME)
    box.get_by_role("button", name="Add answer").click()
    page.wait_for_url(QUESTION_URL)
    expect(page.get_by_text("Thank you — your answer is posted.")).to_be_visible()
    expect(answer_article(page, VISITOR_NAME)).to_contain_text("Keeping a notebook by the bed")

    # An empty answer is refused, with a message next to the field.
    box = answer_box(page)
    expect(box.get_by_label("Your answer", exact=True)).to_have_value("")
    box.get_by_role("button", name="Add answer").click()
    page.wait_for_url("**/answer/")
    expect(box.get_by_role("alert")).to_have_text("Please write your answer before posting.")

    # A too-short answer is refused, and what was typed is still there to fix.
    box.get_by_label("Your answer", exact=True).fill("Too short")
    box.get_by_label("Your name to display (optional):").fill(VISITOR_NAME)
    box.get_by_role("button", name="Add answer").click()
    expect(box.get_by_role("alert")).to_have_text(
        "The answer is too short: please use at least 12 characters."
    )
    expect(box.get_by_label("Your answer", exact=True)).to_have_value("Too short")
    expect(box.get_by_label("Your name to display (optional):")).to_have_value(VISITOR_NAME)
    # Only the first answer was posted.
    expect(page.locator("section.answers article")).to_have_count(1)


@pytest.mark.browser
def test_formatting_toolbar_wraps_the_selection(live_server, page):
    question = make_question(author=make_user("noor"), title=TITLE, body=BODY)
    page.goto(question.get_absolute_url())
    box = answer_box(page)
    toolbar = box.get_by_role("toolbar", name="Formatting")
    expect(toolbar).to_be_visible()
    answer = box.get_by_label("Your answer", exact=True)

    answer.fill("be gentle with yourself")
    answer.select_text()
    toolbar.get_by_role("button", name="Bold", exact=True).click()
    expect(answer).to_have_value("**be gentle with yourself**")

    # Only the selected words are wrapped.
    answer.fill("Please rest when you can.")
    answer.evaluate("(el) => el.setSelectionRange(7, 11)")
    toolbar.get_by_role("button", name="Bold", exact=True).click()
    expect(answer).to_have_value("Please **rest** when you can.")

    # The server's preview renders the Markdown the toolbar wrote.
    box.get_by_role("button", name="Preview", exact=True).click()
    expect(page.locator(".preview strong")).to_have_text("rest")
    expect(answer_box(page).get_by_label("Your answer", exact=True)).to_have_value(
        "Please **rest** when you can."
    )
