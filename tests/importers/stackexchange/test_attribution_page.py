"""The question page shows each imported post's author, original link and licence, in one
query for the whole page, and sites without imports pay no query at all."""

from __future__ import annotations

import html
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mindwell.importers.models import ImportedObject
from mindwell.qa.models import Post
from tests.factories import make_answer, make_question

from .helpers import SYNTHETIC

pytestmark = pytest.mark.django_db


def page(client, question: Post) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(question.get_absolute_url())
    assert response.status_code == 200
    sql = [q["sql"] for q in queries.captured_queries if "importedattribution" in q["sql"]]
    return html.unescape(response.content.decode()), sql


def test_imported_posts_carry_their_attribution(client):
    call_command("import_stackexchange", str(SYNTHETIC), stdout=StringIO())
    local = ImportedObject.objects.get(kind="post", external_id="10").local_id
    question = Post.objects.get(pk=local)
    text, queries = page(client, question)
    assert (
        'By <a href="https://mindful.stackexchange.com/users/1" rel="nofollow">Ann Example</a>, '
        'from <a href="https://mindful.stackexchange.com/q/10" rel="nofollow">'
        "mindful.stackexchange.com</a>, under "
        '<a href="https://creativecommons.org/licenses/by-sa/3.0/" rel="license">CC BY-SA 3.0</a>'
    ) in text
    assert 'href="https://mindful.stackexchange.com/a/11"' in text
    assert 'href="https://mindful.stackexchange.com/a/12"' in text
    assert "By Old Timer, from" in text  # a comment whose writer has no account
    assert text.count('class="meta attribution"') == 6  # question, 2 answers, 3 comments
    _, queries = page(client, question)  # "there are attributions" is now cached
    assert len(queries) == 1  # for the whole thread


def test_pages_of_a_site_without_imports_ask_nothing(client, question):
    make_answer(question)
    page(client, question)  # the first page learns there are no attributions
    text, queries = page(client, question)
    assert queries == []
    assert "attribution" not in text


def test_own_posts_next_to_imported_ones_have_no_attribution(client):
    call_command("import_stackexchange", str(SYNTHETIC), stdout=StringIO())
    question = make_question()
    make_answer(question)
    page(client, question)
    text, queries = page(client, question)
    assert 'class="meta attribution"' not in text
    assert len(queries) == 1
