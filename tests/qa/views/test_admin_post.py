"""Moderators changing posts in the Django admin: the page must show what they saved."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from mindwell.qa.models import Post
from tests.factories import make_answer, make_user

pytestmark = pytest.mark.django_db


class FormFields(HTMLParser):
    """The values a browser would send for the admin change form."""

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.data.setdefault(name, []).append(a.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data.setdefault(name, []).append("")
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.data.setdefault(self._select, []).append(a.get("value") or "")

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self._textarea:
            self.data[self._textarea][-1] += data


def test_body_changed_in_admin_shows_on_the_question_page(client, question):
    answer = make_answer(question, body="Original wording with a phone number 555-0100.")
    client.force_login(make_user("root", is_staff=True, is_superuser=True))
    url = reverse("admin:qa_post_change", args=[answer.pk])
    parser = FormFields()
    parser.feed(client.get(url).content.decode())
    data = parser.data
    data["body"] = ["Reworded by a moderator, **without** private details."]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    answer.refresh_from_db()
    assert "<strong>without</strong>" in answer.body_html
    html = client.get(question.get_absolute_url()).content.decode()
    assert "Reworded by a moderator" in html
    assert "555-0100" not in html
    assert Post.objects.get(pk=answer.pk).kind == "A"
    # The admin edit went through the edit service, so it is in the history.
    revision = answer.revisions.get()
    assert "555-0100" in revision.body_before
    assert revision.reason == "Edited in the admin"
