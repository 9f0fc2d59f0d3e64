"""The "Quick exit" control: on every page, first after the skip link, a plain link to a
neutral site without JavaScript, and a history-replacing exit with it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from tests.factories import make_answer, make_user

pytestmark = pytest.mark.django_db
DEFAULT_URL = "https://www.bbc.com/weather"
FOCUSABLE = re.compile(r"<(a|button|input|select|textarea|summary)\b|tabindex=\"0\"")


def exit_link(page: str) -> str:
    match = re.search(r"<a class=\"quick-exit\"[^>]*>Quick exit</a>", page)
    assert match, "no quick exit link"
    return match.group(0)


def check_page(page: str, url: str = DEFAULT_URL) -> None:
    link = exit_link(page)
    assert f'href="{url}"' in link
    assert 'rel="noreferrer noopener"' in link
    assert 'referrerpolicy="no-referrer"' in link
    assert "data-quick-exit" in link
    assert 'aria-describedby="quick-exit-hint"' in link
    assert '<span id="quick-exit-hint" class="visually-hidden">' in page
    # First focusable element after the skip link.
    body = page.split("<body>", 1)[1]
    skip = body.index('class="skip-link"')
    between = body[body.index("</a>", skip) + 4 : body.index(link)]
    assert not FOCUSABLE.search(between), between
    assert not FOCUSABLE.search(body[:skip].rsplit("<a", 1)[0])
    # The neutral site is only a link target: nothing is loaded from it.
    host = url.split("/")[2]
    assert page.count(host) == 1


@pytest.fixture
def pages(question, other_member):
    make_answer(question)
    moderator = make_user("moderator", is_staff=True)
    return question, other_member, moderator


def test_on_every_kind_of_page(client, pages):
    question, member, moderator = pages
    visitor_urls = [
        "/",
        "/?sort=unanswered",
        question.get_absolute_url(),
        "/categories/",
        "/categories/psychology/",
        "/tags/",
        "/tags/anxiety/",
        "/users/",
        f"/users/{member.username}/",
        "/accounts/login/",
        "/accounts/register/",
        "/pages/about/",
        "/no-such-page/",
        "/moderation/dashboard/",  # the 403 page
    ]
    for url in visitor_urls:
        response = client.get(url)
        assert response.status_code in (200, 403, 404), url
        check_page(response.content.decode())
    client.force_login(member)
    for url in ("/ask/", "/accounts/safety/", f"/posts/{question.pk}/comment/", "/"):
        response = client.get(url)
        assert response.status_code == 200, url
        check_page(response.content.decode())
    client.force_login(moderator)
    check_page(client.get("/moderation/dashboard/").content.decode())


def test_refused_form_pages_have_it_too(client, member):
    client.force_login(member)
    response = client.post("/ask/", {"title": "", "body": "Some words I wrote."})
    assert response.status_code == 400
    check_page(response.content.decode())


def test_the_target_is_a_setting(client, settings, db):
    settings.MINDWELL_QUICK_EXIT_URL = "https://weather.example.org/today"
    check_page(client.get("/").content.decode(), url="https://weather.example.org/today")


def test_script_replaces_the_history_entry_and_listens_for_escape():
    path = finders.find("mindwell/mindwell.js")
    assert path
    script = Path(path).read_text()
    section = script.split("// ---- Quick exit")[1].split("// ---- end of quick exit")[0]
    assert 'document.querySelector("[data-quick-exit]")' in section
    assert "window.location.replace(target)" in section
    assert "window.location.href" not in section  # that would keep the page in the history
    assert section.index('document.body.innerHTML = ""') < section.index(
        "window.location.replace(target)"
    )
    assert 'event.key !== "Escape"' in section
    assert "presses.length >= 3" in section
    assert "fetch(" not in section and "XMLHttpRequest" not in section


def test_it_is_large_fixed_and_visible():
    path = finders.find("mindwell/mindwell.css")
    assert path
    css = Path(path).read_text()
    rule = css.split(".quick-exit {", 1)[1].split("}", 1)[0]
    assert "position: fixed" in rule
    assert "min-height: 3rem" in rule
    assert "display: none" not in rule
