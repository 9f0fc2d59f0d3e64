"""The security headers and cookie flags a browser receives from a production deployment: a real
gunicorn process with the production settings, serving the test database over HTTP as if
behind a TLS-terminating proxy (production trusts `X-Forwarded-Proto: https` from it)."""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.db import connection

from tests.factories import PASSWORD, make_question, make_user

REPO = Path(__file__).resolve().parents[2]
SECRET = "test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"
EXPECTED_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
    "base-uri": "'none'",
    "object-src": "'none'",
}


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: str

    def cookie(self, name: str) -> str:
        for line in self.headers.get_all("Set-Cookie") or []:
            if line.startswith(f"{name}="):
                return line
        raise AssertionError(f"no {name} cookie in {self.headers.get_all('Set-Cookie')}")


class Server:
    def __init__(self, port: int) -> None:
        self.port = port
        self.origin = f"https://127.0.0.1:{port}"

    def request(
        self,
        method: str,
        path: str,
        *,
        https: bool = True,
        body: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        sent = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if https:
            sent["X-Forwarded-Proto"] = "https"
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            return Reply(response.status, response.msg, response.read().decode())
        finally:
            conn.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def database_url() -> str:
    """The URL of the database this test is using, for the server process to share."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    user = quote(settings["USER"] or "")
    password = f":{quote(settings['PASSWORD'])}" if settings.get("PASSWORD") else ""
    host = settings["HOST"] or "127.0.0.1"
    port = settings["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"


@pytest.fixture
def server(transactional_db: None, tmp_path: Path) -> Iterator[Server]:
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DEBUG", "REDIS_URL", "TASKS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="mindwell.config.settings.production",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url(),
        MINDWELL_DATA_DIR=str(tmp_path),
        EMAIL_URL="dummy:",
    )
    gunicorn = Path(sys.executable).with_name("gunicorn")
    log = (tmp_path / "gunicorn.log").open("w")
    process = subprocess.Popen(  # noqa: S603 (fixed arguments, our own virtualenv)
        [str(gunicorn), "--bind", f"127.0.0.1:{port}", "--workers", "1", "mindwell.config.wsgi"],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(
                        (tmp_path / "gunicorn.log").read_text() or "gunicorn did not start"
                    ) from None
                time.sleep(0.2)
        yield Server(port)
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def parse_csp(header: str) -> dict[str, str]:
    directives = (part.strip().split(None, 1) for part in header.split(";") if part.strip())
    return {parts[0]: parts[1] if len(parts) > 1 else "" for parts in directives}


def assert_security_headers(reply: Reply) -> None:
    policy = parse_csp(reply.headers["Content-Security-Policy"])
    assert policy == EXPECTED_CSP
    assert "unsafe-inline" not in reply.headers["Content-Security-Policy"]
    assert reply.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert reply.headers["Referrer-Policy"] == "same-origin"
    assert reply.headers["X-Frame-Options"] == "DENY"
    permissions = reply.headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "interest-cohort", "payment"):
        assert f"{feature}=()" in permissions


def test_every_kind_of_page_carries_the_security_headers(server):
    question = make_question(title="Is it normal to feel tired after therapy?")
    pages = {
        "/": 200,
        question.get_absolute_url(): 200,
        "/accounts/login/": 200,
        "/admin/login/": 302,  # to the site's own login page
        "/no-such-page/": 404,
    }
    for path, status in pages.items():
        reply = server.request("GET", path)
        assert reply.status == status, path
        assert_security_headers(reply)


def test_plain_http_is_sent_to_https(server):
    reply = server.request("GET", "/questions/", https=False)
    assert reply.status == 301
    assert reply.headers["Location"] == f"https://127.0.0.1:{server.port}/questions/"


def test_cookies_are_secure_http_only_and_same_site(server):
    member = make_user("rowan")
    # The production settings hash with Argon2 only; the test settings' MD5 would not verify.
    member.password = Argon2PasswordHasher().encode(PASSWORD, "saltsaltsaltsalt")
    member.save(update_fields=["password"])

    login_page = server.request("GET", "/accounts/login/")
    csrf_cookie = login_page.cookie("csrftoken")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page.body)
    assert token is not None
    form = f"csrfmiddlewaretoken={token.group(1)}&login=rowan&password={quote(PASSWORD)}"
    logged_in = server.request(
        "POST",
        "/accounts/login/",
        body=form,
        headers={
            "Cookie": csrf_cookie.split(";", 1)[0],
            "Origin": server.origin,
            "Referer": f"{server.origin}/accounts/login/",
        },
    )
    assert logged_in.status == 302, logged_in.body[:2000]
    theme = server.request("POST", "/theme/", body="theme=dark&next=/")

    for cookie in (csrf_cookie, logged_in.cookie("sessionid"), theme.cookie("theme")):
        flags = {flag.strip().lower() for flag in cookie.split(";")[1:]}
        assert "secure" in flags, cookie
        assert "httponly" in flags, cookie
        assert "samesite=lax" in flags, cookie
