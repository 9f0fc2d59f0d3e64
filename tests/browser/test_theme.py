"""The theme in Chromium: light and dark following the system, the Light / Dark / System switch
with and without JavaScript, no horizontal scrolling at 320 px, and right-to-left layout."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_question_page import log_in
from tests.factories import make_answer, make_comment, make_question, make_user

pytestmark = pytest.mark.browser

LIGHT_BG = "rgb(247, 248, 246)"
DARK_BG = "rgb(20, 26, 23)"
ARABIC_TITLE = "كيف أتعامل مع القلق قبل النوم كل ليلة؟"
HEBREW_BODY = "אני לא מצליח לישון בלילה בגלל מחשבות שחוזרות על עצמן."


def expect_background(page, colour: str) -> None:
    expect(page.locator("body")).to_have_css("background-color", colour)


def theme_switch(page):
    return page.get_by_role("group", name="Theme")


def test_the_system_setting_decides_until_the_reader_chooses(new_context):
    dark_system = new_context(color_scheme="dark").new_page()
    dark_system.goto("/")
    expect_background(dark_system, DARK_BG)
    light_system = new_context(color_scheme="light").new_page()
    light_system.goto("/")
    expect_background(light_system, LIGHT_BG)

    # Chosen Light on a dark system: light, and still light on the next page.
    theme_switch(dark_system).get_by_role("button", name="Light").click()
    expect(dark_system.locator("html")).to_have_attribute("data-theme", "light")
    expect_background(dark_system, LIGHT_BG)
    dark_system.goto("/tags/")
    expect_background(dark_system, LIGHT_BG)


def test_the_switch_works_without_javascript(new_context):
    page = new_context(java_script_enabled=False, color_scheme="light").new_page()
    page.goto("/tags/")
    theme_switch(page).get_by_role("button", name="Dark").click()
    page.wait_for_url("**/tags/")
    expect_background(page, DARK_BG)
    expect(theme_switch(page).get_by_role("button", name="Dark")).to_have_attribute(
        "aria-pressed", "true"
    )
    # The colours come with the HTML: nothing is left for a script to fix after the first paint.
    html = page.request.get("/tags/").text()
    assert 'data-theme="dark"' in html

    theme_switch(page).get_by_role("button", name="System").click()
    page.wait_for_url("**/tags/")
    expect_background(page, LIGHT_BG)


def test_the_switch_changes_the_page_in_place_with_javascript(new_context, request_log):
    page = new_context(color_scheme="light").new_page()
    page.goto("/")
    page.evaluate("window.__same_page = true")
    theme_switch(page).get_by_role("button", name="Dark").click()
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    expect_background(page, DARK_BG)
    assert page.evaluate("window.__same_page") is True  # no reload
    expect(theme_switch(page).get_by_role("button", name="Dark")).to_have_attribute(
        "aria-pressed", "true"
    )
    page.reload()
    expect_background(page, DARK_BG)  # remembered
    assert not request_log.script_errors


def test_a_member_keeps_their_choice_after_logging_in(new_context):
    make_user("ines")
    page = new_context(color_scheme="light").new_page()
    page.goto("/")
    theme_switch(page).get_by_role("button", name="Dark").click()
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    log_in(page, "ines")
    expect_background(page, DARK_BG)


def no_horizontal_scroll(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def main_pages(live_server) -> list[str]:
    asker = make_user("noor")
    question = make_question(
        author=asker,
        title="How do I stop replaying awkward conversations at night?",
        body="A very long word: " + "unbreakable" * 12 + "\n\n```\n" + "code " * 40 + "\n```",
        tags="sleep rumination anxiety",
    )
    make_answer(question, author=make_user("sam"))
    make_comment(question, author=make_user("rui"))
    return [
        "/",
        "/?sort=unanswered",
        "/activity/",
        question.get_absolute_url(),
        "/ask/",
        "/search/?q=conversations",
        "/categories/",
        "/tags/",
        "/tags/sleep/",
        "/users/",
        asker.get_absolute_url(),
        "/accounts/login/",
        "/accounts/signup/",
        "/help/privileges/",
        "/no-such-page/",
    ]


@pytest.mark.parametrize("direction", ["ltr", "rtl"])
def test_main_pages_fit_320_pixels_without_sideways_scrolling(live_server, new_context, direction):
    paths = main_pages(live_server)
    context = new_context(viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True)
    page = context.new_page()
    log_in(page, "noor")  # the header with every member link is the widest
    wide = []
    for path in paths:
        page.goto(path)
        if direction == "rtl":
            page.evaluate("document.documentElement.dir = 'rtl'")
        if not no_horizontal_scroll(page):
            wide.append(path)
    assert not wide, f"pages wider than 320 px ({direction}): {wide}"


def test_a_right_to_left_page_mirrors_the_layout(live_server, new_context):
    question = make_question(title="How do I ask for help without feeling like a burden?")
    page = new_context().new_page()
    page.goto(question.get_absolute_url())
    page.evaluate("document.documentElement.dir = 'rtl'")

    def box(selector: str) -> dict:
        return page.locator(selector).first.bounding_box()

    # The brand starts on the right; the account links end on the left.
    width = page.viewport_size["width"]
    brand, account = box(".brand"), box(".user-nav")
    assert brand["x"] + brand["width"] > width / 2 > account["x"]
    # The votes column sits on the right of the post, the text to its left.
    votes, main = box(".post .votes"), box(".post .post-main")
    assert votes["x"] > main["x"]
    # The quick-exit button moves to the bottom left corner.
    quick_exit = box("[data-quick-exit]")
    assert quick_exit["x"] < width / 2
    assert no_horizontal_scroll(page)


def test_arabic_and_hebrew_posts_read_right_to_left(live_server, new_context):
    question = make_question(title=ARABIC_TITLE, body=HEBREW_BODY)
    make_comment(question, body="Thank you, this helps me too.")
    page = new_context().new_page()
    page.goto(question.get_absolute_url())

    def direction(locator) -> str:
        return locator.evaluate("element => getComputedStyle(element).direction")

    assert direction(page.get_by_role("heading", name=ARABIC_TITLE)) == "rtl"
    assert direction(page.locator(".question .body").first) == "rtl"
    assert direction(page.locator(".comment .body").first) == "ltr"
    # Right-aligned text: its right edge meets the right edge of its box.
    body = page.locator(".question .body p").first
    text_right = body.evaluate(
        "p => { const range = document.createRange(); range.selectNodeContents(p);"
        " return range.getBoundingClientRect().right; }"
    )
    box = body.bounding_box()
    assert abs(box["x"] + box["width"] - text_right) < 2

    page.goto("/")
    assert direction(page.locator(".question-title").first) == "rtl"
    # The page around them stays left to right.
    assert direction(page.locator(".brand")) == "ltr"
