"""Every page type, visited in Chromium by the person who uses it, on a desktop and on a phone
with a touch screen, in light and in dark mode.

On every page: the expected status, one main heading, a title, no request to another host, no
script error, every form control labelled and every button and link named, and no serious or
critical axe-core violation in either colour scheme. On the phone, nothing scrolls sideways.
With MINDWELL_SCREENSHOTS=1 the main pages are photographed into docs/screenshots/.

For speed: one browser context per person (logged in by session cookie: the login form has its
own journeys), axe injected once per page load, every axe rule once on the desktop in light,
and then only the rules that colours (dark) or the layout (phone) can change.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.browser.checkers import COLOUR_RULES, LAYOUT_RULES, run_axe, serve_axe
from tests.browser.screenshots import save_screenshot
from tests.browser.tour import (
    Forum,
    Stop,
    build_forum,
    by_person,
    server_error_html,
    session_cookie,
    tour_stops,
)

pytestmark = pytest.mark.browser

SERVER_ERROR_PATH = "/tour-server-error/"
SCREENSHOTS = os.environ.get("MINDWELL_SCREENSHOTS") == "1"

# Run in the page: controls without a label, and buttons or links without a name.
UNNAMED = """() => {
  const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const named = (el) => !!((el.getAttribute('aria-label') || '').trim()
    || el.getAttribute('aria-labelledby') || (el.getAttribute('title') || '').trim());
  const out = [];
  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (['hidden', 'submit', 'button', 'reset', 'image'].includes(el.type)) continue;
    if (!visible(el) && !el.closest('details')) continue;
    if (!(el.labels && el.labels.length) && !named(el)) {
      out.push('unlabelled ' + el.outerHTML.slice(0, 120));
    }
  }
  const actions = 'button, a[href], input[type=submit], input[type=button]';
  for (const el of document.querySelectorAll(actions)) {
    const text = (el.textContent || el.value || '').trim();
    const img = el.querySelector('img[alt]:not([alt=""]), svg[aria-label]');
    if (!text && !img && !named(el)) out.push('unnamed ' + el.outerHTML.slice(0, 120));
  }
  return out;
}"""


@dataclass(frozen=True)
class Device:
    name: str
    options: dict[str, Any]
    # The axe rules of the first (light) pass: None for all of them.
    axe_rules: list[str] | None = None
    checks: list[Callable[[Any], list[str]]] = field(default_factory=list)


def fits_the_screen(page: Any) -> list[str]:
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )
    if widths["scroll"] > widths["inner"]:
        return [f"scrolls sideways ({widths['scroll']} px on a {widths['inner']} px screen)"]
    return []


DESKTOP = Device("desktop", {"viewport": {"width": 1280, "height": 800}})
PHONE = Device(
    "phone",
    {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
    },
    axe_rules=LAYOUT_RULES,
    checks=[fits_the_screen],
)


def tour(
    new_context: Callable[..., Any], live_server: Any, forum: Forum, device: Device
) -> list[str]:
    """Visit every stop; return what went wrong, page by page."""
    problems: list[str] = []
    stops = [*tour_stops(forum), Stop("server-error", SERVER_ERROR_PATH, status=500)]
    error_page = server_error_html()
    for who, group in by_person(stops).items():
        context = new_context(**device.options)
        context.route(
            f"{live_server.url}{SERVER_ERROR_PATH}",
            lambda route: route.fulfill(
                status=500, body=error_page, content_type="text/html; charset=utf-8"
            ),
        )
        serve_axe(context, live_server.url)
        if who:
            context.add_cookies([{**session_cookie(forum.users[who]), "url": live_server.url}])
        page = context.new_page()
        for stop in group:
            problems += [f"{stop.name}: {problem}" for problem in visit(page, stop, device)]
    return problems


def visit(page: Any, stop: Stop, device: Device) -> list[str]:
    page.emulate_media(color_scheme="light")
    response = page.goto(stop.path)
    if response is None or response.status != stop.status:
        return [f"status {response and response.status}, not {stop.status}"]
    problems = []
    if page.locator("h1").count() != 1:
        problems.append(f"{page.locator('h1').count()} main headings")
    if not page.title().strip():
        problems.append("no title")
    problems += page.evaluate(UNNAMED)
    for check in device.checks:
        problems += check(page)
    for scheme, rules in (("light", device.axe_rules), ("dark", COLOUR_RULES)):
        page.emulate_media(color_scheme=scheme)
        settle(page)
        problems += [f"{scheme}: {v.describe()}" for v in run_axe(page, rules=rules)]
        if SCREENSHOTS and stop.screenshot:
            save_screenshot(page, f"{stop.name}-{device.name}-{scheme}")
    return problems


def settle(page: Any) -> None:
    """Let colour transitions finish after a change of scheme: axe would measure the contrast
    of a colour half-way from light to dark."""
    page.evaluate("() => Promise.all(document.getAnimations().map((a) => a.finished))")


def assert_no_problems(problems: list[str], request_log: Any) -> None:
    assert problems == [], "problems on the tour:\n" + "\n".join(problems)
    assert request_log.foreign() == []
    assert request_log.broken_assets() == {}
    assert request_log.script_errors == []


def test_every_page_on_a_desktop(live_server, new_context, request_log):
    problems = tour(new_context, live_server, build_forum(), DESKTOP)
    assert_no_problems(problems, request_log)


def test_every_page_on_a_phone(live_server, new_context, request_log):
    problems = tour(new_context, live_server, build_forum(), PHONE)
    assert_no_problems(problems, request_log)
