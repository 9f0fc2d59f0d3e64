"""The error pages (mindwell.core.views) are pages of the site: they say what happened, in the
site's layout, and rendering them never fails in turn."""

from __future__ import annotations

import html as html_lib

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_request_with_too_many_fields_gets_the_400_page_not_a_500():
    # More query fields than DATA_UPLOAD_MAX_NUMBER_FIELDS: Django refuses the request, and the
    # 400 page must not read the same query again (its canonical link did, and failed).
    client = Client(raise_request_exception=False)
    query = "&".join(f"f{number}=1" for number in range(1001))
    for path in ("/", "/search/", "/questions/"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400, path
        page = html_lib.unescape(response.content.decode())
        assert "<h1>Bad request</h1>" in page
        assert '<footer class="site-footer">' in page  # the whole page, in the site's layout


def test_the_404_and_403_pages_are_the_sites(client, member):
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    assert "<h1>Page not found</h1>" in missing.content.decode()
    client.force_login(member)
    forbidden = client.get("/moderation/queue/")  # for moderators only
    assert forbidden.status_code == 403
    assert "<h1>Not allowed</h1>" in forbidden.content.decode()
