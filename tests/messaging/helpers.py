"""Helpers for the messaging tests."""

from __future__ import annotations

from django.test import Client

from mindwell.accounts.models import User
from mindwell.siteconfig.models import SiteSettings

# The default rule for private messages and wall posts: 200 points, or the Moderator level.
THRESHOLD = 200
# Unmistakable crisis wording: the tests using it need the crisis assessor
# (mindwell.safety.risk) to read it as crisis.
CRISIS_TEXT = "I am going to kill myself tonight, I have the pills ready"


def switch(**values: bool) -> None:
    site = SiteSettings.current()
    for name, value in values.items():
        setattr(site, name, value)
    site.save()


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def textarea(page: str, name: str = "body") -> str:
    """What a form's textarea holds (the text a refused form must keep)."""
    start = page.index(f'name="{name}"')
    start = page.index(">", start) + 1
    return page[start : page.index("</textarea>", start)].strip()
