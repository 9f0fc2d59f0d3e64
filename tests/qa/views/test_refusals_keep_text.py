"""A refused post never loses what the person typed, and says why with the right status."""

import pytest
from django.core import mail
from django.test import Client

from mindwell.qa.models import Post, PostKind, PostStatus
from mindwell.siteconfig.models import SiteSettings
from tests.accounts.auth_helpers import confirm
from tests.factories import make_answer, make_user

pytestmark = pytest.mark.django_db


def html(response) -> str:
    return response.content.decode()


def test_answer_after_logging_out_keeps_the_text(client, question):
    site = SiteSettings.current()
    site.anonymous_answers = False
    site.save()
    response = client.post(
        f"/questions/{question.pk}/answer/", {"body": "A long answer I wrote while logged in."}
    )
    assert response.status_code == 403
    assert "Please log in or register to answer." in html(response)
    assert "A long answer I wrote while logged in." in html(response)
    assert not Post.objects.filter(kind=PostKind.ANSWER).exists()


def test_question_after_logging_out_keeps_the_text(client):
    response = client.post(
        "/ask/", {"title": "My unsent question title here?", "body": "All my details."}
    )
    assert response.status_code == 403
    page = html(response)
    assert "Please log in or register to ask a question." in page
    assert "My unsent question title here?" in page
    assert "All my details." in page


def test_edit_after_logging_out_keeps_the_text(client, question):
    response = client.post(f"/posts/{question.pk}/edit/", {"body": "My careful rewrite."})
    assert response.status_code == 403
    assert "Please log in again to save this edit." in html(response)
    assert "My careful rewrite." in html(response)


def test_honeypot_is_shown_empty_again_so_a_person_can_resend(client, question):
    response = client.post(
        f"/questions/{question.pk}/answer/",
        {"body": "A real answer from a real person.", "website": "autofilled.example"},
    )
    assert response.status_code == 400
    page = html(response)
    assert "looks automated" in page
    assert "A real answer from a real person." in page
    assert "autofilled.example" not in page


def test_hidden_question_hides_its_answers_everywhere(client, question, other_member):
    answer = make_answer(question, author=other_member)
    Post.objects.filter(pk=question.pk).update(status=PostStatus.HIDDEN)
    assert client.get(f"/posts/{answer.pk}/comment/").status_code == 404
    assert client.get(f"/posts/{answer.pk}/history/").status_code == 404
    assert question.title not in html(client.get(f"/ask/?from_answer={answer.pk}"))
    assert question.title not in html(client.get(other_member.get_absolute_url()))
    voter = make_user()
    client.force_login(voter)
    assert client.post(f"/posts/{answer.pk}/vote/", {"value": "up"}).status_code == 302
    assert Post.objects.get(pk=answer.pk).score == 0


def test_staff_see_no_vote_buttons_on_hidden_posts(client, question):
    Post.objects.filter(pk=question.pk).update(status=PostStatus.HIDDEN)
    client.force_login(make_user(is_staff=True))
    page = html(client.get(question.get_absolute_url()))
    assert "This question is hidden" in page
    assert 'aria-label="Vote up"' not in page


def test_register_next_is_a_path_not_a_url_name():
    client = Client()
    response = client.post(
        "/accounts/register/?next=welcome",
        {
            "username": "newcomer",
            "email": "newcomer@example.test",
            "password1": "a-long-test-password-42",
            "password2": "a-long-test-password-42",
        },
    )
    assert response.status_code == 302
    # The new member lands on `next` once they open the confirmation link.
    response = confirm(client, mail.outbox[0])
    assert response.status_code == 302
    assert response["Location"] == "welcome"
