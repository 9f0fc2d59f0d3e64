from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from mindwell.api.services import token_create
from tests.factories import make_user


class ApiClient:
    """The Django test client speaking JSON with a bearer token (or none)."""

    def __init__(self, token: str = "") -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def _call(self, method: str, path: str, body: Any = None, **params: Any) -> Any:
        call = getattr(self.client, method)
        if method == "get":
            return call(path, params, headers=self.headers)
        return call(path, body, content_type="application/json", headers=self.headers)

    def get(self, path: str, **params: Any) -> Any:
        return self._call("get", path, **params)

    def post(self, path: str, body: Any = None) -> Any:
        return self._call("post", path, body)

    def patch(self, path: str, body: Any = None) -> Any:
        return self._call("patch", path, body)

    def put(self, path: str, body: Any = None) -> Any:
        return self._call("put", path, body)

    def delete(self, path: str) -> Any:
        return self._call("delete", path)


def token_for(user: Any, scope: str = "read-write") -> str:
    return token_create(user=user, name="test", scope=scope)[1]


@pytest.fixture
def writer(db):
    """A member with enough points for every member privilege (down-votes included)."""
    return make_user("writer", points=5000)


@pytest.fixture
def api(writer) -> ApiClient:
    return ApiClient(token_for(writer))


@pytest.fixture
def visitor_api(db) -> ApiClient:
    return ApiClient()


def set_site(**fields: Any) -> None:
    from mindwell.siteconfig.models import SiteSettings

    site = SiteSettings.current()
    for name, value in fields.items():
        setattr(site, name, value)
    site.save()


def assert_error(response: Any, status: int, code: str) -> dict:
    """The API's one error shape, with the status and code expected."""
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"code", "message", "fields", "retry_after"}, body
    assert body["code"] == code, body
    assert isinstance(body["message"], str) and body["message"]
    return body
