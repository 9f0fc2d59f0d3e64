"""Accessibility a person notices, in Chromium: the skip link comes first and works, focus is
always visible, the ask form can be filled in and posted with the keyboard alone, and motion
stops when the system asks for less of it. (Every page's axe-core check is in
test_page_tour.py.)"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from mindwell.qa.models import Post
from tests.browser.tour import session_cookie
from tests.factories import make_question, make_user

pytestmark = pytest.mark.browser

TITLE = "How do I stop replaying awkward conversations at night?"
BODY = "Every night I go over what I said that day and feel embarrassed for hours."

# What has the focus, and how it is drawn: the test's eyes for keyboard use.
FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const label = el.labels && el.labels.length ? el.labels[0].textContent.trim() : '';
  return {
    tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute('name') || '',
    text: (el.textContent || '').trim().slice(0, 60), label,
    focusVisible: el.matches(':focus-visible'),
    outline: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
    boxShadow: style.boxShadow,
  };
}"""


def focused(page: Any) -> dict[str, Any]:
    return dict(page.evaluate(FOCUSED))


def shows_focus(state: dict[str, Any]) -> bool:
    return bool(state["focusVisible"]) and (
        state["outline"] >= 2 or state["boxShadow"] not in ("", "none")
    )


def logged_in_page(new_context: Any, live_server: Any, user: Any, **options: Any) -> Any:
    context = new_context(**options)
    context.add_cookies([{**session_cookie(user), "url": live_server.url}])
    return context.new_page()


def test_skip_link_is_the_first_thing_and_moves_focus_to_the_content(live_server, page):
    make_question(title=TITLE, body=BODY)
    page.goto("/")
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["text"] == "Skip to content", first
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_in_viewport()  # hidden until focused, then shown
    assert shows_focus(first), first

    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"
    # The next Tab lands inside the content, past the header's links and search box.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.getElementById('main').contains(document.activeElement)")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_control_in_the_header_shows_where_the_focus_is(live_server, new_context, scheme):
    page = logged_in_page(new_context, live_server, make_user("noor"), color_scheme=scheme)
    page.goto("/")
    seen = []
    for _ in range(16):
        page.keyboard.press("Tab")
        state = focused(page)
        seen.append(state)
        assert shows_focus(state), f"no visible focus on {state}"
    # It really went through the header: links, the search box and buttons.
    tags = {state["tag"] for state in seen}
    assert {"a", "input", "button"} <= tags, seen


def tab_to(page: Any, label: str, limit: int = 40) -> dict[str, Any]:
    """Press Tab until the control labelled `label` (or the button saying it) has the focus,
    checking on the way that every control reached shows it has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focused(page)
        assert shows_focus(state), f"no visible focus on {state}"
        if state["label"].startswith(label) or (
            state["tag"] == "button" and state["text"] == label
        ):
            return state
    raise AssertionError(f"{label!r} cannot be reached with Tab")


def test_a_member_asks_a_question_with_the_keyboard_alone(live_server, new_context):
    member = make_user("noor")
    page = logged_in_page(new_context, live_server, member)
    page.goto("/ask/")

    tab_to(page, "The question in one sentence:")
    page.keyboard.type(TITLE)
    tab_to(page, "More information for the question:")
    page.keyboard.type(BODY)
    tab_to(page, "Category:")
    # A closed select changes with the arrow keys; type-ahead picks by the first letters.
    page.keyboard.type("Psych")
    tab_to(page, "Tags (separate with spaces")
    page.keyboard.type("sleep worry")
    tab_to(page, "Ask the question")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/questions/\d+/[\w-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    question = Post.objects.get(title=TITLE)
    assert question.author == member
    assert question.body == BODY
    assert question.category is not None and question.category.name == "Psychology"
    assert sorted(tag.name for tag in question.tags.all()) == ["sleep", "worry"]


REDUCED_MOTION_PROBE = """() => {
  const probe = document.createElement('div');
  probe.style.transition = 'opacity 3s ease';
  probe.style.animation = 'probe-spin 3s infinite';
  document.body.append(probe);
  const style = getComputedStyle(probe);
  const result = {transition: style.transitionDuration, animation: style.animationName};
  probe.remove();
  const moving = [...document.querySelectorAll('*')].filter((el) => {
    const s = getComputedStyle(el);
    return s.transitionDuration.split(',').some((d) => parseFloat(d) > 0)
      || s.animationName !== 'none';
  }).map((el) => el.tagName + '.' + el.className);
  return {...result, moving, smooth: getComputedStyle(document.documentElement).scrollBehavior};
}"""


def test_motion_stops_when_the_system_asks_for_less(live_server, new_context):
    question = make_question(title=TITLE, body=BODY)

    calm = new_context(reduced_motion="reduce").new_page()
    calm.goto(question.get_absolute_url())
    state = calm.evaluate(REDUCED_MOTION_PROBE)
    # Even a transition and an animation set on an element itself are turned off.
    assert state["transition"] == "0s", state
    assert state["animation"] == "none", state
    assert state["moving"] == [], state
    assert state["smooth"] == "auto", state

    # Without the request, the same element moves: the check above can fail.
    usual = new_context(reduced_motion="no-preference").new_page()
    usual.goto(question.get_absolute_url())
    state = usual.evaluate(REDUCED_MOTION_PROBE)
    assert state["transition"] == "3s", state
    assert state["animation"] == "probe-spin", state
