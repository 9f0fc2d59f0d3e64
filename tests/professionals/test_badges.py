"""The "Licensed professional" badge beside names: where it shows, when it goes, and that it
costs no query per name."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.professionals.badges import badge_for
from mindwell.professionals.models import ProfessionalStatus
from mindwell.professionals.services import application_revoke
from mindwell.qa.services.common import Poster
from tests.factories import make_answer, make_comment, make_question, make_user
from tests.professionals.helpers import make_verified

pytestmark = pytest.mark.django_db

BADGE = 'Licensed professional<span class="visually-hidden">: psychotherapist</span>'


def page(client, question):
    response = client.get(question.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_the_badge_shows_beside_a_verified_answerer(client, question, moderator):
    therapist = make_user("therapist")
    make_verified(therapist, moderator)
    make_answer(question, author=therapist)
    make_answer(question, author=make_user("layperson"))
    html = page(client, question)
    assert html.count(BADGE) == 1
    assert 'title="Licensed professional: psychotherapist"' in html
    therapist_meta = html[html.index('aria-label="Answer by therapist"') :]
    assert BADGE in therapist_meta[: therapist_meta.index("</article>")]
    layperson_meta = html[html.index('aria-label="Answer by layperson"') :]
    assert BADGE not in layperson_meta[: layperson_meta.index("</article>")]


def test_the_badge_shows_on_questions_and_comments_too(client, moderator):
    nurse = make_user("nurse")
    make_verified(nurse, moderator, profession="mh-nurse")
    question = make_question(author=nurse)
    make_comment(question, author=nurse)
    html = page(client, question)
    assert html.count("Licensed professional: mental health nurse") == 2


def test_no_badge_for_a_visitors_anonymous_answer(client, question):
    make_answer(question, poster=Poster(name="Kind Stranger", ip="10.0.0.9"))
    html = page(client, question)
    assert "Kind Stranger" in html and "Licensed professional" not in html


def test_the_badge_disappears_on_expiry_without_any_job(client, question, moderator):
    therapist = make_user("therapist")
    application = make_verified(therapist, moderator)
    make_answer(question, author=therapist)
    assert BADGE in page(client, question)
    ProfessionalStatus.objects.filter(application=application).update(
        valid_until=timezone.localdate()
    )
    assert BADGE in page(client, question)  # valid through its last day
    ProfessionalStatus.objects.filter(application=application).update(
        valid_until=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert "Licensed professional" not in page(client, question)


def test_the_badge_goes_when_revoked(client, question, moderator):
    therapist = make_user("therapist")
    application = make_verified(therapist, moderator)
    make_answer(question, author=therapist)
    application_revoke(reviewer=moderator, application_id=application.pk, reason="Struck off.")
    assert "Licensed professional" not in page(client, question)


def test_the_question_page_query_count_does_not_grow_with_verified_answerers(
    client, question, moderator
):
    def add_verified_answer():
        author = make_user()
        make_verified(author, moderator)
        answer = make_answer(question, author=author)
        commenter = make_user()
        make_verified(commenter, moderator, profession="psychologist")
        make_comment(answer, author=commenter)

    add_verified_answer()
    page(client, question)  # warm the caches
    with CaptureQueriesContext(connection) as few:
        html = page(client, question)
    assert html.count("Licensed professional:") == 2
    for _ in range(5):
        add_verified_answer()
    with CaptureQueriesContext(connection) as many:
        html = page(client, question)
    assert html.count("Licensed professional:") == 12
    assert len(many) == len(few)


def test_badge_for_never_queries_for_a_member_loaded_without_it(moderator, member):
    make_verified(member, moderator)
    plain = User.objects.get(pk=member.pk)
    joined = User.objects.select_related("professional_status").get(pk=member.pk)
    unverified = User.objects.select_related("professional_status").get(pk=moderator.pk)
    with CaptureQueriesContext(connection) as queries:
        assert badge_for(plain) is None
        assert badge_for(joined).title == "psychotherapist"
        assert badge_for(unverified) is None
        assert badge_for(None) is None
    assert len(queries) == 0


def test_the_profile_shows_the_badge_and_an_apply_link_for_oneself(client, member, moderator):
    make_verified(member, moderator)
    profile = reverse("user-profile", args=[member.username])
    apply_url = reverse("professionals:apply")
    html = client.get(profile).content.decode()
    assert BADGE in html and apply_url not in html
    client.force_login(member)
    assert apply_url in client.get(profile).content.decode()
    client.force_login(moderator)
    other = client.get(reverse("user-profile", args=[moderator.username])).content.decode()
    assert "Licensed professional" not in other
