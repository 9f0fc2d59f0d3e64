"""The read-replica router, against a replica alias that is a TEST mirror of the default
database: anonymous GET reads go to the replica; members, recent writers, writes,
transactions and migrations stay on the primary."""

from __future__ import annotations

import pytest
from django.db import connections, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from mindwell.core.db_router import PIN_COOKIE, PrimaryReplicaRouter
from mindwell.qa.models import Post
from tests.factories import make_question, make_user

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


@pytest.fixture(autouse=True)
def _router_on(settings):
    settings.DATABASE_ROUTERS = ["mindwell.core.db_router.PrimaryReplicaRouter"]


def reads(client: Client, url: str) -> tuple[list[str], int, str]:
    """Queries on the primary and how many on the replica for one GET, and the page."""
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = client.get(url, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    sql = [query["sql"] for query in primary.captured_queries]
    return sql, len(replica), response.content.decode()


def test_anonymous_pages_read_from_the_replica():
    question = make_question(title="Read from the replica, please?")
    primary, replica, html = reads(Client(), question.get_absolute_url())
    # Every ORM read (Django quotes its columns: "qa_post"."id"). The related-questions
    # search runs raw SQL on the primary's connection (mindwell.search): no router sees it.
    assert replica >= 3
    assert not [sql for sql in primary if '"qa_post".' in sql or '"accounts_user".' in sql]
    assert "Read from the replica, please?" in html


def test_members_read_from_the_primary():
    question = make_question()
    client = Client()
    client.force_login(make_user("reader"))
    primary, replica, _ = reads(client, question.get_absolute_url())
    assert (len(primary) > 0, replica) == (True, 0)


def test_a_writer_is_pinned_to_the_primary_for_a_while():
    question = make_question()
    client = Client()
    response = client.post(f"/questions/{question.pk}/answer/", {"body": "Visitor answer here!"})
    assert response.status_code == 302
    assert client.cookies[PIN_COOKIE]["max-age"] == 10
    primary, replica, html = reads(client, question.get_absolute_url())
    assert (len(primary) > 0, replica) == (True, 0)
    assert "Visitor answer here!" in html


def test_writes_transactions_and_migrations_use_the_primary():
    router = PrimaryReplicaRouter()
    assert router.db_for_write(Post) == "default"
    assert router.db_for_read(Post) == "default"  # outside a request: commands, the worker
    assert router.allow_migrate("default", "qa") is True
    assert router.allow_migrate("replica", "qa") is False
    from mindwell.core import db_router

    token = db_router._replica_allowed.set(True)
    try:
        assert router.db_for_read(Post) == "replica"
        with transaction.atomic():
            assert router.db_for_read(Post) == "default"
    finally:
        db_router._replica_allowed.reset(token)
