"""Maintenance (read-only) mode: a banner on every page, every write refused with 503 and
the writer's text handed back, the admin and logging in still open."""

from __future__ import annotations

import pytest

from mindwell.core.maintenance import MESSAGE
from mindwell.qa.models import Post, PostKind
from mindwell.siteconfig.models import SiteSettings
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

BANNER = "Read-only for maintenance."


def read_only(on: bool = True) -> None:
    site = SiteSettings.current()
    site.read_only = on
    site.save()


def test_off_by_default_writes_work(client, question, other_member):
    client.force_login(other_member)
    response = client.post(
        f"/questions/{question.pk}/answer/", {"body": "An answer while the site is open."}
    )
    assert response.status_code == 302
    assert BANNER not in client.get("/").content.decode()


def test_every_page_shows_the_banner(client, question):
    read_only()
    for url in ("/", question.get_absolute_url(), "/tags/"):
        assert BANNER in client.get(url).content.decode(), url


def test_a_write_is_refused_and_the_text_handed_back(client, question, other_member):
    read_only()
    client.force_login(other_member)
    body = "My long answer that I spent an hour writing <and it has brackets>."
    response = client.post(
        f"/questions/{question.pk}/answer/",
        {"body": body, "submit_token": "secret-token-1", "csrfmiddlewaretoken": "x"},
        HTTP_REFERER=f"http://testserver{question.get_absolute_url()}",
    )
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"]
    assert str(MESSAGE) in html
    assert "My long answer that I spent an hour writing &lt;and it has brackets&gt;." in html
    assert "secret-token-1" not in html  # tokens are not "text"
    assert f'href="http://testserver{question.get_absolute_url()}"' in html
    assert not Post.objects.filter(kind=PostKind.ANSWER).exists()


def test_votes_and_anonymous_posts_are_refused_too(client, question, other_member):
    read_only()
    response = client.post(f"/questions/{question.pk}/answer/", {"body": "Visitor text here."})
    assert response.status_code == 503
    assert "Visitor text here." in response.content.decode()
    client.force_login(other_member)
    assert client.post(f"/posts/{question.pk}/vote/", {"value": "up"}).status_code == 503
    assert Post.objects.get(pk=question.pk).score == 0


def test_api_writes_get_json(client):
    read_only()
    response = client.post("/api/v1/questions", {}, content_type="application/json")
    assert response.status_code == 503
    assert response.json() == {"detail": str(MESSAGE), "code": "read_only"}


def test_logging_in_and_the_admin_stay_open(client):
    read_only()
    admin = make_user("root", is_staff=True, is_superuser=True)
    response = client.post("/accounts/login/", {"login": "root", "password": PASSWORD})
    assert response.status_code in (200, 302)
    assert response.status_code != 503
    client.force_login(admin)
    # The administrator switches the mode off in the admin.
    change = client.get("/admin/siteconfig/sitesettings/1/change/")
    assert change.status_code == 200
    assert "maintenance (read-only) mode" in change.content.decode().lower()
    form = change.context["adminform"].form
    data = {name: form.initial.get(name, "") for name in form.fields}
    # Unticked boxes (read_only among them) are simply not sent, as by a browser.
    data = {name: value for name, value in data.items() if value is not None and value is not False}
    data.pop("read_only")
    response = client.post("/admin/siteconfig/sitesettings/1/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert SiteSettings.current().read_only is False


def test_switching_it_refreshes_cached_pages(
    settings, question, django_capture_on_commit_callbacks
):
    from tests.core.pagecache.helpers import page, visitor, x_cache

    settings.MINDWELL_PAGE_CACHE = True
    settings.MINDWELL_PAGE_CACHE_SECONDS = 300
    url = question.get_absolute_url()
    visitor(1).get(url)
    assert x_cache(visitor(2).get(url)) == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        read_only()
    response = visitor(3).get(url)
    assert x_cache(response) == "miss"
    assert BANNER in page(response)
