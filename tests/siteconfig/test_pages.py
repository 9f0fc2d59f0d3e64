"""The administrator's pages (About, guidelines, ...) and the Django admin itself."""

from __future__ import annotations

import html as html_lib

import pytest
from django.contrib import admin
from django.urls import reverse

from mindwell.qa.services import best_answer_select, post_edit
from mindwell.siteconfig.models import Page, SiteSettings
from mindwell.votes.services import vote_cast
from tests.factories import make_answer, make_comment, make_question, make_user

pytestmark = pytest.mark.django_db

FOOTER = [
    ("about", "About"),
    ("guidelines", "Community guidelines"),
    ("privacy", "Privacy"),
    ("terms", "Terms"),
]


def text(response) -> str:
    assert response.status_code == 200, response.status_code
    return html_lib.unescape(response.content.decode())


def test_footer_links_to_the_pages_created_by_migration(client):
    page = text(client.get("/"))
    footer = page[page.index('<footer class="site-footer">') :]
    for slug, title in FOOTER:
        assert f'<a href="/pages/{slug}/">{title}' in footer
    for slug, title in FOOTER:
        body = text(client.get(f"/pages/{slug}/"))
        assert f"<h1>{title}" in body
    assert "<strong>Be kind.</strong>" in text(client.get("/pages/guidelines/"))
    assert "never shown" in text(client.get("/pages/privacy/"))


def test_unknown_page_is_404(client):
    assert client.get("/pages/nothing-here/").status_code == 404


@pytest.fixture
def superuser(db):
    return make_user("root", is_staff=True, is_superuser=True)


def test_admin_edited_page_renders_markdown_and_updates_footer(client, superuser):
    page = Page.objects.get(slug="about")
    client.get("/")  # the footer is now cached
    client.force_login(superuser)
    response = client.post(
        reverse("admin:siteconfig_page_change", args=[page.pk]),
        {
            "title": "About us",
            "slug": "about",
            "body": "We are **volunteers**.\n\n- kind\n- private\n\n<script>alert(1)</script>",
            "in_footer": "on",
            "position": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    html = text(client.get("/pages/about/"))
    assert "<h1>About us</h1>" in html
    assert "<strong>volunteers</strong>" in html
    assert "<li>kind</li>" in html
    assert "<script>alert(1)</script>" not in html
    assert '<a href="/pages/about/">About us</a>' in html


def test_new_page_in_footer_and_removed_page_leaves_it(client, superuser):
    client.get("/")
    client.force_login(superuser)
    response = client.post(
        reverse("admin:siteconfig_page_add"),
        {
            "title": "Crisis lines",
            "slug": "crisis",
            "body": "Call *now*.",
            "in_footer": "on",
            "position": "9",
        },
    )
    assert response.status_code == 302
    assert '<a href="/pages/crisis/">Crisis lines</a>' in text(client.get("/"))
    assert "<em>now</em>" in text(client.get("/pages/crisis/"))

    crisis = Page.objects.get(slug="crisis")
    response = client.post(
        reverse("admin:siteconfig_page_changelist"),
        {"action": "delete_selected", "_selected_action": [crisis.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Page.objects.filter(slug="crisis").exists()
    assert "/pages/crisis/" not in text(client.get("/"))


def test_site_settings_edited_in_admin_show_at_once(client, superuser):
    client.get("/")
    client.force_login(superuser)
    settings = SiteSettings.current()
    url = reverse("admin:siteconfig_sitesettings_change", args=[settings.pk])
    form = {
        field.name: getattr(settings, field.name)
        for field in SiteSettings._meta.concrete_fields
        if field.name != "id"
    }
    form = {
        name: ("on" if value is True else value)
        for name, value in form.items()
        if value is not False
    }
    form.update(site_name="Quiet Harbour", welcome_text="Welcome to Quiet Harbour.")
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = text(client.get("/"))
    assert "Quiet Harbour" in page and "Welcome to Quiet Harbour." in page


def _fill_every_model() -> None:
    asker, helper = make_user(), make_user()
    question = make_question(author=asker)
    answer = make_answer(question, author=helper)
    make_comment(answer, author=asker)
    vote_cast(user=asker, post=answer, value=1)
    best_answer_select(question=question, answer=answer, user=asker)
    post_edit(post=answer, editor=helper, body="An edited answer, with more care.")
    SiteSettings.current()
    from django.contrib.auth.models import Group

    Group.objects.create(name="Moderators")


def test_every_admin_changelist_and_change_page_opens(client, superuser):
    _fill_every_model()
    client.force_login(superuser)
    assert client.get(reverse("admin:index")).status_code == 200
    assert admin.site._registry, "no models registered"
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        changelist = reverse("admin:{}_{}_changelist".format(*info))
        response = client.get(changelist)
        assert response.status_code == 200, changelist
        assert client.get(changelist, {"q": "a"}).status_code == 200, changelist
        obj = model_admin.get_queryset(_request(superuser)).first()
        if obj is not None:
            change = reverse("admin:{}_{}_change".format(*info), args=[obj.pk])
            assert client.get(change).status_code == 200, change
        if model_admin.has_add_permission(_request(superuser)):
            add = reverse("admin:{}_{}_add".format(*info))
            assert client.get(add).status_code == 200, add


def _request(user):
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def test_admin_needs_staff(client, member):
    response = client.get(reverse("admin:qa_post_changelist"))
    assert response.status_code == 302
    client.force_login(member)
    response = client.get(reverse("admin:qa_post_changelist"))
    assert response.status_code == 302


@pytest.mark.parametrize("url", ["/accounts/login/", "/accounts/password/reset/", "/"])
def test_every_page_carries_the_site_name(client, url):
    html = client.get(url).content.decode()
    assert ">Mindwellnessforum</a>" in html
    assert "- Mindwellnessforum</title>" in html
