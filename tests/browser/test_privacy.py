"""Privacy rights in Chromium: a member posts anonymously (another member sees only the
pseudonym), downloads their data as a ZIP, and asks for their account to be deleted."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from mindwell.qa.models import Post
from tests.browser.test_question_page import log_in, post_meta, question_article
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.browser

WRITER = "fernlantern8"
TITLE = "How do I tell my family I am seeing a therapist?"
BODY = "They think therapy is only for people in crisis, and I am worried about their reaction."
QUESTION_URL = re.compile(r"/questions/\d+/[\w-]+/(#\w+)?$")


def ask_anonymously(page: Any) -> str:
    page.goto("/ask/")
    page.get_by_label("The question in one sentence:").fill(TITLE)
    page.get_by_label("More information for the question:").fill(BODY)
    page.get_by_label("Category:").select_option(label="Psychology")
    page.get_by_label("Tags (separate with spaces").fill("family therapy")
    page.get_by_label("Post anonymously (your pseudonym is shown instead of your name)").check()
    page.get_by_role("button", name="Ask the question").click()
    page.wait_for_url(QUESTION_URL)
    return str(page.url)


def test_anonymous_posting_export_and_deletion(live_server, new_context, request_log):
    make_user(WRITER)
    make_user("sam.reader")

    # 1. The member asks anonymously: the page shows their pseudonym, not their name.
    writer = new_context(accept_downloads=True).new_page()
    log_in(writer, WRITER)
    question_url = ask_anonymously(writer)
    pseudonym = Post.objects.get(title=TITLE).anon_name
    article = question_article(writer, TITLE)
    expect(post_meta(article)).to_contain_text(f"by {pseudonym}")
    expect(post_meta(article)).not_to_contain_text(WRITER)
    expect(
        article.get_by_text("(you, anonymously: only you and the moderators know)")
    ).to_be_visible()
    expect(article.get_by_role("link", name="Edit")).to_be_visible()

    # 2. Another member sees the pseudonym, and nothing leads to the writer's profile.
    reader = new_context().new_page()
    log_in(reader, "sam.reader")
    reader.goto(question_url)
    article = question_article(reader, TITLE)
    expect(post_meta(article)).to_contain_text(f"by {pseudonym}")
    expect(article.locator(f'a[href="/users/{WRITER}/"]')).to_have_count(0)
    assert WRITER not in reader.content()

    # 3. The writer downloads their data from the account pages.
    writer.goto("/")
    writer.get_by_role("link", name="Account").click()
    writer.get_by_role("link", name="Privacy and your data").click()
    expect(writer.get_by_role("heading", level=1)).to_have_text("Privacy and your data")
    expect(writer.get_by_role("link", name=TITLE)).to_be_visible()  # my anonymous posts
    writer.get_by_role("link", name="Download your data").click()
    with writer.expect_download() as download_info:
        writer.get_by_role("button", name="Download my data").click()
    download = download_info.value
    assert download.suggested_filename.startswith(f"mindwell-data-{WRITER}-")
    with zipfile.ZipFile(io.BytesIO(Path(download.path()).read_bytes())) as archive:
        names = archive.namelist()
        account = json.loads(archive.read("account.json"))
        question_id = Post.objects.get(title=TITLE).pk
        markdown = archive.read(f"posts/question-{question_id}.md").decode()
    assert "account.json" in names
    assert account["account"]["username"] == WRITER
    assert f'posted anonymously as: "{pseudonym}"' in markdown
    assert BODY in markdown

    # 4. The writer asks for their account to be deleted, and sees the grace period.
    writer.goto("/privacy/delete/")
    writer.get_by_label("Keep my posts, anonymised").check()
    writer.get_by_label("Your password, to confirm it is you").fill(PASSWORD)
    writer.get_by_role("button", name="Delete my account").click()
    writer.wait_for_url(re.compile(r"/privacy/$"))
    banner = writer.locator(".deletion-banner")
    expect(banner).to_contain_text("Your account will be deleted on")
    expect(banner.get_by_role("button", name="Cancel the deletion")).to_be_visible()
    writer.goto(question_url)
    expect(writer.locator(".deletion-banner")).to_contain_text("Your account will be deleted on")

    # Changing one's mind is one click away.
    writer.locator(".deletion-banner").get_by_role("button", name="Cancel the deletion").click()
    expect(writer.get_by_text("Your account will not be deleted. Welcome back.")).to_be_visible()
    expect(writer.locator(".deletion-banner")).to_have_count(0)

    assert request_log.foreign() == []
    assert request_log.script_errors == []
