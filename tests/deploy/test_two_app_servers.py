"""Two app server processes (gunicorn, production settings) against one PostgreSQL
database and one Redis: a vote made through one is seen through the other, sessions work on
both, and the anonymous page cache is invalidated on both.

Always PostgreSQL and Redis (as CI has), whatever database the rest of the suite uses: the
test creates, migrates and seeds a database of its own and uses a Redis database number of
its own, and removes both afterwards.
"""

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

import psycopg
import pytest
import redis

PG_URL = os.environ.get("MINDWELL_TEST_PG_URL", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("MINDWELL_TEST_REDIS_URL", "redis://127.0.0.1:6379")
REDIS_DB = 14
HOST = "mindwell.test"  # both servers behind one name, as behind a load balancer
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"

SEED = """
from django.contrib.sessions.backends.db import SessionStore
from allauth.account.models import EmailAddress
from mindwell.accounts.models import User
from mindwell.qa.services import question_create
from mindwell.qa.services.common import Poster
from mindwell.taxonomy.models import Category

def member(name):
    user = User.objects.create_user(name, f"{name}@example.test", "a-long-password-42")
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user

asker = member("asker")
question = question_create(
    poster=Poster(user=asker),
    title="How do I sleep better before exams?",
    body="I lie awake for hours the night before every exam.",
    category_id=Category.objects.order_by("pk").first().pk,
    tags="sleep",
)
sessions = []
for name in ("voter1", "voter2"):
    user = member(name)
    store = SessionStore()
    store["_auth_user_id"] = str(user.pk)
    store["_auth_user_backend"] = "mindwell.accounts.backends.AccountBackend"
    store["_auth_user_hash"] = user.get_session_auth_hash()
    store.create()
    sessions.append(store.session_key)
print("SEED", question.pk, question.get_absolute_url(), *sessions)
"""


@dataclass
class Server:
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    def request(
        self, method: str, path: str, *, cookies: dict[str, str] | None = None, body: str = ""
    ) -> tuple[int, dict[str, str], str, dict[str, str]]:
        """(status, headers, page, cookies set) as a browser behind HTTPS-terminating nginx."""
        headers = {
            "Host": HOST,
            "User-Agent": BROWSER,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": f"203.0.113.{self.port % 250}",
        }
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        if method == "POST":
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{HOST}"
            headers["Referer"] = f"https://{HOST}{path}"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        page = response.read().decode()
        set_cookies = {}
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                set_cookies[key] = rest.split(";", 1)[0]
        result = response.status, {k.lower(): v for k, v in response.getheaders()}, page
        connection.close()
        return (*result, set_cookies)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(server: Server) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            log = server.log.read_text()[-3000:]
            raise RuntimeError(f"gunicorn on {server.port} exited:\n{log}")
        try:
            server.request("GET", "/")
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"gunicorn on {server.port} did not answer")


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    name = f"mw_two_servers_{os.getpid()}"
    with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    store = redis.Redis.from_url(f"{REDIS_URL}/{REDIS_DB}")
    store.flushdb()
    data = tmp_path_factory.mktemp("two-servers")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mindwell.config.settings.production",
        "SECRET_KEY": "test-secret-key-for-two-app-servers-0123456789",
        "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "DATABASE_URL": f"{PG_URL}/{name}",
        "REDIS_URL": f"{REDIS_URL}/{REDIS_DB}",
        "MINDWELL_DATA_DIR": str(data),
        "EMAIL_URL": "dummy:",
        "SECURE_SSL_REDIRECT": "0",
        "MINDWELL_TRUSTED_PROXY_HOPS": "1",
        "MINDWELL_PAGE_CACHE": "1",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("DATABASE_REPLICA_URL", None)
    try:
        yield env
    finally:
        store.flushdb()
        with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def mindwell(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, "-m", "mindwell", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.fixture(scope="module")
def site(environment: dict[str, str]) -> Iterator[tuple[list[Server], list[str], str, int]]:
    mindwell(environment, "migrate", "--no-input")
    seeded = mindwell(environment, "shell", "-c", SEED).split("SEED ", 1)[1].split()
    question_pk, url, sessions = int(seeded[0]), seeded[1], seeded[2:]
    servers = []
    try:
        for _ in range(2):
            port = free_port()
            log = Path(environment["MINDWELL_DATA_DIR"]) / f"gunicorn-{port}.log"
            process = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "mindwell.config.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "2",
                ],
                env=environment,
                cwd=Path(__file__).resolve().parents[2],
                stdout=log.open("wb"),
                stderr=subprocess.STDOUT,
            )
            servers.append(Server(port=port, process=process, log=log))
        for server in servers:
            wait_until_up(server)
        yield servers, sessions, url, question_pk
    finally:
        for server in servers:
            server.process.terminate()
        for server in servers:
            server.process.wait(timeout=30)


def score(page: str, pk: int) -> int:
    block = re.search(rf'data-post="{pk}".*?<span class="netvote"[^>]*>([^<]+)</span>', page, re.S)
    assert block, "no score on the page"
    return int(block.group(1).split()[0])  # "+1 vote" -> 1


def anonymous(server: Server, url: str) -> tuple[str, str]:
    status, headers, page, cookies = server.request("GET", url)
    assert status == 200
    assert "sessionid" not in cookies
    return headers.get("x-cache", ""), page


def cached_on_both(servers: list[Server], url: str) -> None:
    """Visit until each server answers from the shared cache."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if all(anonymous(server, url)[0] == "hit" for server in servers):
            return
        time.sleep(0.3)
    raise AssertionError("the page never came from the cache on both servers")


def vote(server: Server, session: str, url: str, pk: int) -> str:
    """A member votes up through `server`; their page afterwards."""
    cookies = {"sessionid": session}
    status, _, page, set_cookies = server.request("GET", url, cookies=cookies)
    assert status == 200
    cookies.update(set_cookies)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token
    body = f"csrfmiddlewaretoken={token.group(1)}&value=up"
    status, headers, _, _ = server.request("POST", f"/posts/{pk}/vote/", cookies=cookies, body=body)
    assert status in (200, 302), status
    return server.request("GET", url, cookies=cookies)[2]


def test_a_vote_on_one_server_is_seen_and_invalidates_the_cache_on_both(site):
    servers, sessions, url, pk = site
    first, second = servers
    assert score(anonymous(first, url)[1], pk) == 0
    cached_on_both(servers, url)

    # Voting through the first server: the second (another process, no shared memory)
    # serves the new score at once, from a fresh render.
    member_page = vote(first, sessions[0], url, pk)
    assert score(member_page, pk) == 1
    state, page = anonymous(second, url)
    assert (state, score(page, pk)) == ("miss", 1)
    assert score(anonymous(first, url)[1], pk) == 1

    # And the other way round.
    cached_on_both(servers, url)
    assert score(vote(second, sessions[1], url, pk), pk) == 2
    state, page = anonymous(first, url)
    assert (state, score(page, pk)) == ("miss", 2)
    assert score(anonymous(second, url)[1], pk) == 2
    # The member's session (in PostgreSQL) is good on either server: their vote shows.
    _, _, page, _ = second.request("GET", url, cookies={"sessionid": sessions[0]})
    assert 'aria-pressed="true"' in page
