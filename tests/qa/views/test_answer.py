"""Answering through the form, with and without an account, and every refusal keeping the text."""

from __future__ import annotations

import pytest

from mindwell.qa.models import Post, PostKind
from tests.factories import make_user
from tests.qa.views.posting_helpers import (
    ANSWER,
    answer_data,
    set_site,
    text,
)

pytestmark = pytest.mark.django_db


def test_visitor_answers_with_name_and_private_email(client, question):
    response = client.post(
        f"/questions/{question.pk}/answer/",
        answer_data(anon_name="Robin", anon_email="robin@private.example", notify="on"),
    )
    answer = Post.objects.select_related("question").get(kind=PostKind.ANSWER)
    assert response.status_code == 302
    assert response["Location"] == answer.get_absolute_url()
    assert answer.author is None
    assert (answer.anon_name, answer.anon_email, answer.notify) == (
        "Robin",
        "robin@private.example",
        True,
    )
    assert answer.author_ip == "127.0.0.1"
    page = text(client.get(question.get_absolute_url()))
    assert "Thank you — your answer is posted." in page
    assert "Robin" in page
    assert "robin@private.example" not in page


def test_visitor_answer_without_email_does_not_ask_for_notifications(client, question):
    client.post(f"/questions/{question.pk}/answer/", answer_data(notify="on"))
    answer = Post.objects.select_related("question").get(kind=PostKind.ANSWER)
    assert (answer.anon_email, answer.notify, answer.display_name) == ("", False, "anonymous")


def test_member_answers(client, question, other_member):
    client.force_login(other_member)
    response = client.post(f"/questions/{question.pk}/answer/", answer_data())
    answer = Post.objects.select_related("question").get(kind=PostKind.ANSWER)
    assert response["Location"] == answer.get_absolute_url()
    assert answer.author == other_member
    assert Post.objects.get(pk=question.pk).answer_count == 1


@pytest.mark.parametrize(
    ("overrides", "message", "kept"),
    [
        ({"body": ""}, "Please write your answer before posting.", "Robin"),
        ({"body": "   "}, "Please write your answer before posting.", "Robin"),
        (
            {"body": "Be well."},
            "The answer is too short: please use at least 12 characters.",
            "Be well.",
        ),
        ({"website": "spam"}, "automated", ANSWER),
        ({"anon_email": "not-an-email"}, "does not look right", ANSWER),
        ({"anon_name": "N" * 60}, "name to display is too long", ANSWER),
    ],
)
def test_bad_answer_input_gets_a_message_and_keeps_the_text(
    client, question, overrides, message, kept
):
    data = answer_data(**{"anon_name": "Robin", **overrides})
    response = client.post(f"/questions/{question.pk}/answer/", data)
    assert response.status_code == 400
    page = text(response)
    assert message in page
    assert kept in page
    assert not Post.objects.filter(kind=PostKind.ANSWER).exists()


def test_double_submit_of_an_answer_creates_one_post(client, question):
    url = f"/questions/{question.pk}/answer/"
    first = client.post(url, answer_data())
    second = client.post(url, answer_data())
    answer = Post.objects.select_related("question").get(kind=PostKind.ANSWER)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == answer.get_absolute_url()
    assert "This was already posted, so it was not posted twice." in text(
        client.get(second["Location"], follow=True)
    )
    assert Post.objects.get(pk=question.pk).answer_count == 1


def test_answer_preview_renders_on_the_server_and_keeps_text(client, question):
    response = client.post(
        f"/questions/{question.pk}/answer/",
        answer_data(body="Try *slow* breathing:\n\n- in for four\n- out for six", preview="1"),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert '<div class="preview"' in page
    assert "<em>slow</em>" in page
    assert "<li>in for four</li>" in page
    assert "Try *slow* breathing:" in page  # the textarea keeps the source
    assert not Post.objects.filter(kind=PostKind.ANSWER).exists()


def test_preview_endpoint_sanitises(client, db):
    response = client.post("/preview/", {"body": "**hi** <script>alert(1)</script>"})
    assert response.status_code == 200
    assert "<strong>hi</strong>" in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_anonymous_rate_limit_refuses_third_answer_and_keeps_text(client, question):
    set_site(anonymous_posts_per_hour=2)
    url = f"/questions/{question.pk}/answer/"
    for n in range(2):
        response = client.post(
            url,
            answer_data(submit_token=f"t{n}", body=f"{ANSWER} ({n})"),
            REMOTE_ADDR="203.0.113.9",
        )
        assert response.status_code == 302
    response = client.post(
        url,
        answer_data(submit_token="t3", body="My third answer, kept."),
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 429
    page = text(response)
    assert "Too many posts from your address" in page
    assert "My third answer, kept." in page
    assert Post.objects.filter(kind=PostKind.ANSWER).count() == 2
    # Another address is not affected, nor is a member.
    other = client.post(url, answer_data(submit_token="t4"), REMOTE_ADDR="198.51.100.1")
    assert other.status_code == 302
    client.force_login(make_user())
    member = client.post(url, answer_data(submit_token="t5"), REMOTE_ADDR="203.0.113.9")
    assert member.status_code == 302


def test_anonymous_answers_off_hides_form_and_refuses_post(client, question):
    set_site(anonymous_answers=False)
    page = text(client.get(question.get_absolute_url()))
    assert f'action="/questions/{question.pk}/answer/"' not in page
    assert "to answer this question" in page
    response = client.post(f"/questions/{question.pk}/answer/", answer_data(), follow=True)
    assert "Please log in or register to answer." in text(response)
    assert not Post.objects.filter(kind=PostKind.ANSWER).exists()
    # Members still can.
    client.force_login(make_user())
    assert 'id="id_body"' in text(client.get(question.get_absolute_url()))


def test_answer_to_a_deleted_question_is_404(client, question):
    Post.objects.filter(pk=question.pk).update(status="deleted")
    assert client.post(f"/questions/{question.pk}/answer/", answer_data()).status_code == 404
