"""The Content-Security-Policy (on in every settings module) breaks nothing: Chromium reports no
violation and no script error on the admin, the account pages, the API docs, and while the
site's own scripts run (voting, preview, the formatting toolbar, the theme switch)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.test_question_page import log_in
from tests.factories import make_question, make_user

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__csp.push(event.effectiveDirective + " " + (event.blockedURI || "inline") + " "
    + event.sourceFile + ":" + event.lineNumber);
});
"""


def watched_page(new_context: Any, **options: Any) -> tuple[Any, list[str]]:
    context = new_context(**options)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    page.on(
        "console",
        lambda message: (
            errors.append(f"{page.url}: {message.text}") if message.type == "error" else None
        ),
    )
    return page, errors


def violations(page: Any) -> list[str]:
    return page.evaluate("window.__csp")


def assert_clean(page: Any, errors: list[str]) -> None:
    assert page.evaluate("document.readyState") == "complete"
    assert violations(page) == [], page.url
    assert errors == []


def test_the_site_s_own_scripts_run_under_the_policy(live_server, new_context):
    make_user("ada")
    question = make_question(title="How can I tell a friend I am struggling?")
    page, errors = watched_page(new_context)
    log_in(page, "ada")
    assert_clean(page, errors)

    page.goto(question.get_absolute_url())
    page.get_by_role("button", name="Vote up").first.click()
    expect(page.locator(".netvote").first).to_have_text("1 vote")
    assert_clean(page, errors)

    page.goto("/ask/")
    editor = page.get_by_label("More information for the question:")
    editor.fill("I have felt low for weeks.")
    editor.select_text()
    page.get_by_role("button", name="Bold").click()
    expect(editor).to_have_value("**I have felt low for weeks.**")
    page.get_by_role("button", name="Preview", exact=True).click()
    expect(page.locator(".live-preview strong")).to_have_text("I have felt low for weeks.")
    assert_clean(page, errors)

    page.get_by_role("group", name="Theme").get_by_role("button", name="Dark").click()
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    assert_clean(page, errors)


def test_account_pages_and_the_admin_work_under_the_policy(live_server, new_context):
    root = make_user("root", is_staff=True, is_superuser=True)
    question = make_question(title="Where do I find a support group near me?")
    visitor, visitor_errors = watched_page(new_context)
    for path in (
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/admin/login/",
    ):
        visitor.goto(path)
        assert_clean(visitor, visitor_errors)

    admin, admin_errors = watched_page(new_context)
    log_in(admin, "root")
    for path in (
        "/admin/",
        "/admin/qa/post/",
        f"/admin/qa/post/{question.pk}/change/",
        "/admin/siteconfig/sitesettings/",
        "/admin/accounts/user/add/",
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/2fa/",
        "/accounts/2fa/totp/activate/",  # the QR code is a data: image
        "/accounts/sessions/",
    ):
        response = admin.goto(path)
        assert response is not None and response.status < 400, path
        assert_clean(admin, admin_errors)
    # The admin's own scripts run: they add "Today" and "Now" beside date and time fields.
    admin.goto(f"/admin/accounts/user/{root.pk}/change/")
    expect(admin.locator(".datetimeshortcuts").first).to_be_visible()
    assert_clean(admin, admin_errors)


def test_the_api_docs_page_works_under_its_policy(live_server, new_context):
    page, errors = watched_page(new_context)
    page.goto("/api/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Mindwell API")
    # Swagger UI draws its operations from the schema, fetched from this site.
    expect(page.locator(".opblock").first).to_be_visible()
    assert_clean(page, errors)
