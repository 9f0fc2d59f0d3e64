"""mindwell.js gets its words from a JSON data block in every page, in the page's language;
the similar-questions answers come worded by the server, plural rules and all."""

from __future__ import annotations

import json
import re

import pytest
from django.conf import settings
from django.test import Client

from mindwell.core.js_strings import ELEMENT_ID, js_strings
from tests.factories import make_answer, make_question

pytestmark = pytest.mark.django_db

BLOCK = re.compile(
    rf'<script id="{ELEMENT_ID}" type="application/json">(?P<data>.*?)</script>', re.DOTALL
)


def words_on(client: Client, path: str) -> dict[str, str]:
    page = client.get(path)
    assert page.status_code == 200
    found = BLOCK.findall(page.content.decode())
    assert len(found) == 1, "one data block per page"
    return dict(json.loads(found[0]))


def spanish(client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    return client


def test_every_page_carries_the_scripts_words_in_english_by_default(client):
    words = words_on(client, "/")
    assert set(words) == set(js_strings())
    assert words["backToPost"] == "Back to the post"
    assert words["youFollow"] == "You follow %(label)s."
    assert all(isinstance(text, str) and text for text in words.values())


def test_a_spanish_page_gives_the_script_spanish_words(client):
    words = words_on(spanish(client), "/")
    assert words["backToPost"] == "Volver a la publicación"
    assert words["similarHeading"] == "Preguntas que quizá ya respondan la tuya"
    assert words["oneChosenAsBest"] == "una elegida como la mejor"
    assert words["follow"] == "Seguir"
    assert words["youFollow"].count("%(label)s") == 1
    assert words["youFollow"] != "You follow %(label)s."
    assert set(words) == set(js_strings())


def test_similar_questions_come_with_their_answers_worded(client, member):
    question = make_question(author=member, title="Cannot sleep before exams, what helps?")
    make_answer(question)
    make_answer(question)
    found = spanish(client).get("/search/similar/", {"title": "sleep before exams"}).json()
    labels = {item["id"]: item["answers_label"] for item in found["questions"]}
    assert labels[question.pk] == "2 respuestas"
