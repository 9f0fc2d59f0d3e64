"""The main journeys end to end on a phone with a touch screen, acting only through the pages:
a member asks anonymously, a visitor answers, another member comments and votes, the asker
picks the best answer; and a person registers, confirms by email and logs in. (The desktop
versions are in test_question_page.py, test_privacy.py and test_registration.py.)"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from mindwell.accounts.models import User
from mindwell.qa.models import Post
from tests.browser.test_question_page import answer_article, answer_box, post_meta
from tests.browser.test_registration import Inbox, smtp_inbox  # noqa: F401 - a fixture
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.browser

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
QUESTION_URL = re.compile(r"/questions/\d+/[\w-]+/(#\w+)?$")
ASKER = "quietharbour"
TITLE = "Is it normal to feel lonely in a new city after six months?"
BODY = "I moved for work and I still know nobody here. Weekends are the hardest part."
VISITOR = "Evening Walker"
ANSWER = "Join one small weekly thing, a class or a club: seeing the same faces is what helps."
COMMENT = "A weekly running group did this for me, it took about two months."


def tap_log_in(page: Any, username: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    form = page.locator("main form")
    form.get_by_label("Username").fill(username)
    form.get_by_label("Password", exact=True).fill(password)
    form.get_by_role("button", name="Log in").tap()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_ask_anonymously_answer_comment_vote_and_choose_the_best_answer(
    live_server, new_context, request_log
):
    make_user(ASKER)
    make_user("sam")

    # 1. A member asks, anonymously.
    asker = new_context(**PHONE).new_page()
    tap_log_in(asker, ASKER)
    asker.get_by_role("link", name="Ask a question").tap()
    asker.get_by_label("The question in one sentence:").fill(TITLE)
    asker.get_by_label("More information for the question:").fill(BODY)
    asker.get_by_label("Category:").select_option(label="Relationships")
    asker.get_by_label("Post anonymously (your pseudonym is shown instead of your name)").tap()
    asker.get_by_role("button", name="Ask the question").tap()
    asker.wait_for_url(QUESTION_URL)
    question_url = asker.url
    pseudonym = Post.objects.get(title=TITLE).anon_name
    assert pseudonym

    # 2. A visitor without an account answers under a display name.
    visitor = new_context(**PHONE).new_page()
    visitor.goto(question_url)
    box = answer_box(visitor)
    box.get_by_label("Your answer", exact=True).fill(ANSWER)
    box.get_by_label("Your name to display (optional):").fill(VISITOR)
    box.get_by_role("button", name="Add answer").tap()
    expect(visitor.get_by_text("Thank you — your answer is posted.")).to_be_visible()

    # 3. Another member comments on the answer and votes it up.
    member = new_context(**PHONE).new_page()
    tap_log_in(member, "sam")
    member.goto(question_url)
    answer = answer_article(member, VISITOR)
    answer.get_by_text("Add a comment").tap()
    answer.get_by_label("Your comment").fill(COMMENT)
    answer.get_by_role("button", name="Add comment").tap()
    expect(member.get_by_text("Your comment is posted.")).to_be_visible()
    answer = answer_article(member, VISITOR)
    answer.get_by_role("button", name="Vote up").tap()
    expect(answer.locator(".netvote")).to_have_text("1 vote")

    # 4. The asker chooses the visitor's answer as the best one.
    asker.goto(question_url)
    answer_article(asker, VISITOR).get_by_role("button", name="Select as best answer").tap()
    expect(asker.get_by_text("Best answer selected.")).to_be_visible()

    # Everyone sees the result; nobody but the asker can tell who asked.
    member.goto(question_url)
    best = answer_article(member, VISITOR)
    expect(best.locator(".best-badge")).to_contain_text("Best answer")
    expect(best.locator(".netvote")).to_have_text("1 vote")
    expect(best.locator("li.comment")).to_contain_text(COMMENT)
    question_meta = post_meta(member.get_by_role("article", name=TITLE, exact=True))
    expect(question_meta).to_contain_text(f"by {pseudonym}")
    assert ASKER not in member.content()
    assert ASKER not in visitor.content()

    assert request_log.foreign() == []
    assert request_log.script_errors == []


def test_a_person_registers_confirms_and_logs_in_on_a_phone(
    live_server,
    new_context,
    request_log,
    smtp_inbox: Inbox,  # noqa: F811 - the fixture
):
    phone = new_context(**PHONE).new_page()
    phone.goto("/")
    phone.get_by_role("navigation", name="Account").get_by_role("link", name="Register").tap()
    form = phone.locator("main form")
    form.get_by_label("Username", exact=True).fill("willowpath")
    form.get_by_label("Email", exact=True).fill("willow@example.test")
    form.get_by_label("Password", exact=True).fill("a-slow-walk-by-the-willows-7")
    form.get_by_label("Password (again)", exact=True).fill("a-slow-walk-by-the-willows-7")
    form.get_by_role("button", name="Register").tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Check your email")

    message = smtp_inbox.wait_for("willow@example.test")
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", body.get_content())
    assert link, body.get_content()

    # Confirmed on the phone that registered: the site logs the person straight in.
    phone.goto(link.group(0))
    phone.get_by_role("button", name="Confirm").tap()
    expect(phone.get_by_text("Thank you: willow@example.test is confirmed.")).to_be_visible()
    account = phone.get_by_role("navigation", name="Account")
    expect(account.get_by_role("link", name=re.compile(r"^willowpath \("))).to_be_visible()

    # Later: log out, and back in with the email address.
    account.get_by_role("button", name="Log out").tap()
    expect(account.get_by_role("link", name="Log in")).to_be_visible()
    tap_log_in(phone, "willow@example.test", "a-slow-walk-by-the-willows-7")
    expect(phone.get_by_text("Welcome, willowpath. You are logged in.")).to_be_visible()
    assert User.objects.get(username="willowpath").emailaddress_set.get().verified

    assert request_log.foreign() == []
    assert request_log.script_errors == []
