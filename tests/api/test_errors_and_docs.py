"""Every error is JSON of one shape; the schema is OpenAPI 3.1 and declares them; the docs
page comes entirely from this site."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from mindwell.api.routers import taxonomy
from tests.api.conftest import ApiClient, assert_error


def test_the_root_says_where_the_docs_are(visitor_api):
    assert visitor_api.get("/api/").json() == {
        "name": "Mindwell API",
        "docs": "/api/docs",
        "openapi": "/api/openapi.json",
    }


def test_unknown_paths_and_wrong_methods_are_json(visitor_api):
    assert_error(visitor_api.get("/api/no/such/thing"), 404, "not_found")
    response = visitor_api.delete("/api/questions")
    assert_error(response, 405, "method_not_allowed")
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "POST"}


def test_a_malformed_body_is_a_400(api):
    response = api.client.post(
        "/api/questions", "{not json", content_type="application/json", headers=api.headers
    )
    assert_error(response, 400, "bad_request")


def test_validation_errors_list_the_fields(visitor_api):
    body = assert_error(visitor_api.get("/api/questions", limit="many"), 422, "validation_error")
    assert body["fields"][0]["field"] == "limit"


def test_a_server_error_is_json_and_says_nothing_internal(visitor_api, monkeypatch):
    # Fault injection: the categories query fails as a broken database would.
    def broken(*args, **kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr(taxonomy.Category.objects, "order_by", broken)
    body = assert_error(visitor_api.get("/api/categories"), 500, "server_error")
    assert "fire" not in body["message"]


def test_the_schema_is_openapi_31_and_declares_every_error(visitor_api):
    schema = visitor_api.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert schema["components"]["securitySchemes"]["PersonalToken"]["scheme"] == "bearer"
    operations = [op for item in schema["paths"].values() for op in item.values()]
    assert len(operations) >= 25
    for operation in operations:
        declared = set(operation["responses"])
        assert {"400", "401", "403", "404", "405", "422", "429", "500"} <= declared, operation
        error = operation["responses"]["404"]["content"]["application/json"]["schema"]
        assert error == {"$ref": "#/components/schemas/ErrorOut"}


@pytest.mark.parametrize("path", ["/api/docs", "/accounts/api-tokens/"])
def test_the_docs_page_loads_nothing_from_another_host(path, member):
    from tests.factories import PASSWORD

    client = Client()
    client.login(username="alice", password=PASSWORD)
    page = client.get(path).content.decode()
    # What the browser loads by itself: scripts, images, frames, stylesheets and icons
    # (links a person may follow, like the quick exit, are not requests).
    references = re.findall(r'\bsrc=["\']([^"\']+)', page) + [
        href
        for tag in re.findall(r"<link\b[^>]*>", page)
        if re.search(r'rel=["\'](?:stylesheet|icon|preload|modulepreload|manifest)', tag)
        for href in re.findall(r'href=["\']([^"\']+)', tag)
    ]
    assert references, page
    external = [ref for ref in references if re.match(r"(?:[a-z]+:)?//", ref)]
    assert external == [], external
    if path == "/api/docs":
        assert "/static/ninja/swagger-ui-bundle.js" in page
        assert '"validatorUrl": null' in page
        for ref in references:
            assert Client().get(ref).status_code == 200, ref


def test_the_docs_scripts_name_no_other_host_to_load(db):
    # The init script builds the page; the big bundle only mentions hosts in comments/links.
    script = b"".join(Client().get("/static/ninja/swagger-ui-init.js").streaming_content)
    assert b"cdn" not in script.lower() and b"http" not in script


def test_errors_from_reads_and_tokens(db):
    assert_error(ApiClient("mw_x_y").get("/api/users"), 401, "invalid_token")
    assert_error(ApiClient().get("/api/users/nobody-here"), 404, "not_found")
