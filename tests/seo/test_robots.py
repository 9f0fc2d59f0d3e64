import pytest


@pytest.mark.django_db
def test_robots_txt_allows_content_and_keeps_crawlers_out_of_tools(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    for private in ("/admin/", "/moderation/", "/safety/queue/", "/accounts/", "/search/"):
        assert f"Disallow: {private}" in lines
    assert "Allow: /" in lines
    assert not any(line in ("Disallow: /", "Disallow: /questions/") for line in lines)
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.mark.django_db
def test_robots_txt_names_the_configured_site(client, settings):
    settings.MINDWELL_SITE_URL = "https://mindwell.example"
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://mindwell.example/sitemap.xml" in text.splitlines()
