"""Odd ids from visitors are refused cleanly, never a server error."""

import pytest

from mindwell.core.ids import parse_id
from mindwell.moderation.captcha import parse_answer
from tests.factories import make_answer, make_question, make_user


@pytest.mark.parametrize(
    ("value", "expected"),
    [("12", 12), (" 7 ", 7), ("0", None), ("-3", None), ("²", None), ("١٢", None),
     ("9" * 19, None), ("", None), (None, None), ("1e3", None), ("12abc", None)],
)  # fmt: skip
def test_parse_id(value, expected):
    assert parse_id(value) == expected


def test_a_unicode_digit_is_not_a_captcha_answer():
    assert parse_answer("²") is None
    assert parse_answer("11") == 11


@pytest.mark.django_db
def test_odd_ids_and_next_values_give_clear_answers_not_errors(client):
    asker = make_user()
    question = make_question(asker)
    make_answer(question)
    admin = make_user("root.admin", is_superuser=True, is_staff=True)

    assert client.post("/safety/resources/", {"next": "abc", "country": "GB"}).status_code == 302
    client.force_login(asker)
    assert client.get("/ask/?from_answer=²").status_code == 200
    best = client.post(f"/questions/{question.pk}/best/", {"answer": "²"})
    assert best.status_code == 404
    assert client.post("/follow/question/²/", {"action": "follow"}).status_code == 404
    client.force_login(admin)
    for target in ("²", "9" * 30, "#9999999999999999999999"):
        assert client.get("/moderation/log/", {"target": target}).status_code == 200
