import pytest

from mindwell.qa.services.edits import post_edit
from mindwell.seo.models import OldSlug
from tests.factories import make_answer


def _retitle(question, member, title):
    return post_edit(post=question, editor=member, title=title, body=question.body)


@pytest.mark.django_db
def test_a_title_edit_keeps_the_old_slug_and_redirects_it_permanently(client, question, member):
    old_url = question.get_absolute_url()
    edited = _retitle(question, member, "Why do I feel anxious as soon as I wake up?")
    assert list(OldSlug.objects.values_list("question_id", "slug")) == [
        (question.pk, "is-it-normal-to-feel-anxious-every-morning")
    ]
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == edited.get_absolute_url()
    assert edited.get_absolute_url().endswith("/why-do-i-feel-anxious-as-soon-as-i-wake-up/")
    assert client.get(edited.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_every_earlier_slug_keeps_redirecting(client, question, member):
    first_url = question.get_absolute_url()
    second = _retitle(question, member, "Why do I feel anxious as soon as I wake up?")
    second_url = second.get_absolute_url()
    third = _retitle(second, member, "Morning anxiety: what actually helps?")
    assert OldSlug.objects.filter(question=question).count() == 2
    for url in (first_url, second_url):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (301, third.get_absolute_url())


@pytest.mark.django_db
def test_a_title_edited_back_makes_its_slug_current_again(question, member):
    original = question.title
    changed = _retitle(question, member, "Why do I feel anxious as soon as I wake up?")
    _retitle(changed, member, original)
    assert list(OldSlug.objects.values_list("slug", flat=True)) == [
        "why-do-i-feel-anxious-as-soon-as-i-wake-up"
    ]


@pytest.mark.django_db
def test_edits_that_keep_the_slug_record_nothing(question, member):
    post_edit(post=question, editor=member, body="New details about my mornings.")
    _retitle(question, member, "Is it normal to feel anxious every morning!")
    answer = make_answer(question, author=member)
    post_edit(post=answer, editor=member, body="A better answer, with more detail in it.")
    assert not OldSlug.objects.exists()
