"""Verified professionals in Chromium: a member applies with a PDF through the form, a
moderator downloads the document from the review queue and approves, and the member's answer
then shows the "Licensed professional" badge."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.test_question_page import log_in
from tests.factories import make_answer, make_question, make_user
from tests.professionals.helpers import PDF

pytestmark = pytest.mark.browser

ANSWER = "Grief often comes in waves; letting yourself feel each one is part of healing."


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def confirmed_member(username: str, **fields: Any) -> Any:
    """A member whose email address is confirmed, so they can log in through the form."""
    from allauth.account.models import EmailAddress

    user = make_user(username, **fields)
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def test_a_member_is_verified_and_their_answer_shows_the_badge(live_server, new_context):
    therapist = confirmed_member("dr.rivera")
    moderator = confirmed_member("mod.kim", is_staff=True)
    question = make_question(title="How long does grief last after losing a parent?")
    make_answer(question, author=therapist, body=ANSWER)
    expiry = timezone.localdate() + datetime.timedelta(days=400)

    # 1. The member applies from their profile, with a PDF of their licence.
    member = new_context().new_page()
    log_in(member, therapist.username)
    member.goto(therapist.get_absolute_url())
    member.get_by_role("link", name="Are you a licensed professional?").click()
    expect(member.get_by_role("heading", level=1)).to_have_text("Apply as a licensed professional")
    member.get_by_label("Profession", exact=True).select_option(label="psychotherapist")
    member.get_by_label("Licence or registration number").fill("UKCP-2024-0815")
    member.get_by_label("Issuing body").fill("UK Council for Psychotherapy")
    member.get_by_label("Country, state or province").fill("United Kingdom")
    member.get_by_label("Licence expiry date").fill(expiry.isoformat())
    member.get_by_label("Proof of licence").set_input_files(
        files=[{"name": "licence.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    member.get_by_role("button", name="Send the application").click()
    expect(member.get_by_text("Your application is waiting for review").first).to_be_visible()
    expect(member.get_by_role("button", name="Withdraw this application")).to_be_visible()

    # Before approval there is no badge.
    member.goto(question.get_absolute_url())
    answer = member.get_by_role("article", name=f"Answer by {therapist.username}", exact=True)
    expect(answer).to_contain_text(ANSWER)
    expect(answer.get_by_text("Licensed professional")).to_have_count(0)

    # 2. A moderator finds it from the moderation queue, checks the document, and approves.
    mod = new_context(accept_downloads=True).new_page()
    log_in(mod, moderator.username)
    mod.goto("/moderation/queue/")
    mod.get_by_role("link", name="Professional applications (1)").click()
    item = mod.locator("li.pro-application").filter(has_text="UKCP-2024-0815")
    expect(item).to_contain_text("UK Council for Psychotherapy")
    with mod.expect_download() as download_info:
        item.get_by_role("link", name="Download the document").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert Path(download.path()).read_bytes() == PDF
    item.get_by_label("Note to the member (optional)").fill("Found on the UKCP register.")
    item.get_by_role("button", name=f"Approve {therapist.username}").click()
    expect(mod.get_by_text("now shows the Licensed professional badge")).to_be_visible()
    expect(mod.get_by_text("No application is waiting.")).to_be_visible()

    # 3. The member's answer now carries the badge, with the profession for screen readers.
    member.reload()
    answer = member.get_by_role("article", name=f"Answer by {therapist.username}", exact=True)
    badge = answer.locator(".pro-badge")
    expect(badge).to_be_visible()
    expect(badge).to_have_text("✓ Licensed professional: psychotherapist")
    expect(badge).to_have_attribute("title", "Licensed professional: psychotherapist")

    # And their application page says so.
    member.goto("/professionals/apply/")
    expect(member.get_by_text("You are verified as a licensed professional")).to_be_visible()
    expect(member.get_by_text("Note: Found on the UKCP register.")).to_be_visible()
