"""The accessibility statement: a footer page created by a data migration, like About."""

from __future__ import annotations

import html as html_lib
import importlib

import pytest
from django.apps import apps

from mindwell.siteconfig.models import Page

statement = importlib.import_module("mindwell.siteconfig.migrations.0005_accessibility_statement")

pytestmark = pytest.mark.django_db


def test_every_page_links_to_the_statement_from_its_footer(client):
    for path in ("/", "/questions/?sort=votes", "/accounts/login/", "/no-such-page/"):
        html = html_lib.unescape(client.get(path).content.decode())
        footer = html[html.index('<footer class="site-footer">') :]
        assert '<a href="/pages/accessibility/">Accessibility statement</a>' in footer, path


def test_the_statement_says_the_target_how_it_is_tested_its_limits_and_whom_to_tell(
    client, django_assert_max_num_queries
):
    client.get("/")  # the footer and the site settings are cached, as on a running site
    with django_assert_max_num_queries(3):
        response = client.get("/pages/accessibility/")
    assert response.status_code == 200
    html = html_lib.unescape(response.content.decode())
    assert "<h1>Accessibility statement</h1>" in html
    assert "WCAG) 2.2 at level AA" in html
    for heading in ("Our target", "How we test it", "Known limitations", "Tell us"):
        assert f"<h2>{heading}</h2>" in html
    assert "axe-core" in html and "Nu Html Checker" in html
    assert '<a href="/moderation/feedback/"' in html  # the contact
    # After the other footer pages.
    assert list(Page.objects.values_list("slug", flat=True))[-1] == "accessibility"


def test_the_migration_keeps_an_administrators_version(client):
    page = Page.objects.get(slug="accessibility")
    page.body = "Our own statement, with our own contact."
    page.save()
    statement.create_statement(apps, None)  # run again, as on a database that has the page
    assert Page.objects.get(slug="accessibility").body == "Our own statement, with our own contact."
    statement.remove_statement(apps, None)
    assert not Page.objects.filter(slug="accessibility").exists()
