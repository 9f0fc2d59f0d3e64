"""Shared data and helpers for the posting view tests."""

from __future__ import annotations

import html as html_lib

from mindwell.siteconfig.models import SiteSettings
from tests.factories import category

TITLE = "How can I stop overthinking before I sleep?"
BODY = "Every night my thoughts race about work and family."
ANSWER = "Writing worries down before bed helps me a lot."


def text(response) -> str:
    return html_lib.unescape(response.content.decode())


def question_data(**overrides):
    data = {
        "title": TITLE,
        "body": BODY,
        "category": str(category("anxiety").pk),
        "tags": "sleep worry",
        "submit_token": "tok-question-1",
    }
    data.update(overrides)
    return data


def answer_data(**overrides):
    data = {"body": ANSWER, "submit_token": "tok-answer-1"}
    data.update(overrides)
    return data


def set_site(**fields) -> None:
    site = SiteSettings.current()
    for name, value in fields.items():
        setattr(site, name, value)
    site.save()
