"""The parts of a Question2Answer site the fixture leaves empty, added to a copy of it with
Question2Answer's own table layout: profile fields, per-category levels, private messages,
wall posts, uploaded pictures, an old salted SHA-1 password, a bonus, and a member who
already has an account here (same email address)."""

from __future__ import annotations

import hashlib
import io
import secrets
import subprocess
from collections.abc import Iterator
from typing import Any

import pymysql
import pytest
from django.contrib.auth.hashers import make_password
from django.test import Client
from PIL import Image

from mindwell.accounts.models import User
from mindwell.importers.models import ImportedObject
from mindwell.messaging.models import Conversation, Message, WallPost
from mindwell.reputation.levels import Level
from mindwell.reputation.models import CategoryLevel, EventKind, PointsEvent
from tests.accounts.auth_helpers import log_in
from tests.importers.q2a.conftest import FIXTURES, MARIADB, reset_database, run_import

SALT = "abcdefgh12345678"
OLD_PASSWORD = "hunter2-old"
OLD_CHECK = hashlib.sha1((SALT[:8] + OLD_PASSWORD + SALT[8:]).encode()).hexdigest()  # noqa: S324
OLD_MEMBER = (
    "INSERT INTO qa_users (created, createip, email, handle, passsalt, passcheck, level, "
    "loggedin, loginip, flags) VALUES ('2012-05-01 10:00:00', '', 'old@example.org', "
    "'oldtimer', %s, UNHEX(%s), 0, '2012-05-01 10:00:00', '', 1)"
)


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (40, 120, 200)).save(out, format="PNG")
    return out.getvalue()


EXTRA_ROWS = [
    "INSERT INTO qa_userprofile VALUES (2,'location','Leeds'),(2,'website','example.org/me'),"
    "(2,'about','Walks a lot.'),(2,'name','Calm River')",
    "INSERT INTO qa_userlevels VALUES (9,'C',7,20),(21,'C',7,100)",
    "INSERT INTO qa_messages (type, fromuserid, touserid, content, format, created) VALUES "
    "('PRIVATE',2,3,'Hello <b>there</b>','', '2025-02-01 10:00:00'),"
    "('PRIVATE',3,2,'<p>Hi <strong>back</strong></p>','html','2025-02-01 11:00:00'),"
    "('PUBLIC',4,2,'Nice to see you here','', '2025-03-01 09:00:00')",
    "INSERT INTO qa_userpoints (userid, points) SELECT userid, 100 FROM qa_users "
    "WHERE handle = 'oldtimer'",
    "UPDATE qa_userpoints SET bonus = 50, points = points + 50 WHERE userid = 2",
]


@pytest.fixture(scope="module")
def extra_url() -> Iterator[str]:
    name = f"mw_q2a_extra_{secrets.token_hex(4)}"
    server = pymysql.connect(**MARIADB, autocommit=True)  # type: ignore[arg-type]
    with server.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8")
    try:
        with (FIXTURES / "q2a-fixture.sql").open("rb") as dump:
            subprocess.run(  # noqa: S603 (our own arguments)
                ["/usr/bin/mysql", "-h", MARIADB["host"], "-u", MARIADB["user"], name],
                stdin=dump,
                check=True,
                capture_output=True,
            )
        with server.cursor() as cursor:
            cursor.execute(f"USE `{name}`")
            cursor.execute(OLD_MEMBER, [SALT, OLD_CHECK])
            for sql in EXTRA_ROWS:
                cursor.execute(sql)
            cursor.execute(
                "INSERT INTO qa_blobs (blobid, format, content) VALUES (77, 'png', %s)", [_png()]
            )
            cursor.execute("UPDATE qa_users SET avatarblobid = 77 WHERE userid = 3")
        yield f"mysql://{MARIADB['user']}@{MARIADB['host']}:{MARIADB['port']}/{name}"
    finally:
        with server.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")
        server.close()


@pytest.fixture(scope="module")
def extras(django_db_setup: Any, django_db_blocker: Any, extra_url: str) -> Iterator[str]:
    with django_db_blocker.unblock():
        # Already a member here, under another name: the same person (same address).
        User.objects.create(
            username="jose_here", email="USER5@example.org", password=make_password("x")
        )
        output = run_import(extra_url)
    yield output
    with django_db_blocker.unblock():
        reset_database()


def user(external: int) -> User:
    local = ImportedObject.objects.get(source="q2a", kind="user", external_id=str(external))
    return User.objects.get(pk=local.local_id)


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("extras")]


def test_profile_fields() -> None:
    calm = user(2)
    assert (calm.location, calm.website, calm.about) == (
        "Leeds",
        "https://example.org/me",
        "Walks a lot.",
    )


def test_category_levels(extras: str) -> None:
    grants = CategoryLevel.objects.all()
    assert [(g.user, g.category.slug, g.level) for g in grants] == [
        (user(9), "anxiety", Level.EXPERT)
    ]
    # An administrator's level is site-wide only: reported, not granted in one category.
    assert "category level: level 100 is site-wide only" in extras


def test_private_messages_and_walls() -> None:
    conversation = Conversation.objects.get()
    assert {conversation.first_member_id, conversation.second_member_id} == {
        user(2).pk,
        user(3).pk,
    }
    messages = list(Message.objects.order_by("created_at"))
    assert [m.sender for m in messages] == [user(2), user(3)]
    assert "&lt;b&gt;there&lt;/b&gt;" in messages[0].body_html  # plain text, shown as typed
    assert "<strong>back</strong>" in messages[1].body_html
    assert all(m.read_at is not None for m in messages)
    assert conversation.last_message_at == messages[-1].created_at
    wall = WallPost.objects.get()
    assert (wall.owner, wall.author) == (user(2), user(4))


def test_uploaded_picture() -> None:
    zoe = user(3)
    assert zoe.avatar.name.endswith(".webp") and zoe.avatar_small.name
    assert not user(2).avatar


def test_old_sha1_password_logs_in() -> None:
    old = User.objects.get(username="oldtimer")
    assert old.password == f"q2a_sha1${SALT}${OLD_CHECK}"
    assert log_in(Client(), "oldtimer", OLD_PASSWORD).status_code == 302


def test_bonus_and_matched_member_points(q2a_rows: Any) -> None:
    calm = user(2)
    assert PointsEvent.objects.get(user=calm, kind=EventKind.BONUS).points == 50
    assert calm.points == 490 + 50  # calm_river had 490 on the fixture, plus the bonus
    # user5@example.org already had an account: their posts and points went to it.
    jose = User.objects.get(username="jose_here")
    assert user(6) == jose and not User.objects.filter(username="José Martín").exists()
    wanted = q2a_rows("SELECT points FROM qa_userpoints WHERE userid = 6")[0]["points"]
    assert jose.points == wanted
