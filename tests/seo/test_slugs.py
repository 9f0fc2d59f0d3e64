import pytest

from mindwell.seo.slugs import question_slug
from tests.factories import make_question


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (
            "Is it normal to feel anxious every morning?",
            "is-it-normal-to-feel-anxious-every-morning",
        ),
        ("Ansiedad y café: ¿qué hago?", "ansiedad-y-cafe-que-hago"),
        ("Почему я тревожусь по утрам?", "почему-я-тревожусь-по-утрам"),
        ("私は毎朝不安です", "私は毎朝不安です"),
        ("Ελληνικά και άγχος", "ελληνικά-και-άγχος"),
        ("???!!! 😀", "question"),
        ("", "question"),
    ],
)
def test_slugs_are_readable_in_any_script(title, slug):
    assert question_slug(title) == slug


def test_long_titles_make_short_slugs_without_a_trailing_dash():
    slug = question_slug("word " * 40)
    assert len(slug) <= 80
    assert not slug.endswith("-")


@pytest.mark.django_db
def test_a_non_ascii_title_has_a_readable_working_url(client):
    question = make_question(title="Почему я тревожусь по утрам?")
    url = question.get_absolute_url()
    assert url == (
        f"/questions/{question.pk}/"
        "%D0%BF%D0%BE%D1%87%D0%B5%D0%BC%D1%83-%D1%8F-%D1%82%D1%80%D0%B5%D0%B2%D0%BE%D0%B6%D1%83"
        "%D1%81%D1%8C-%D0%BF%D0%BE-%D1%83%D1%82%D1%80%D0%B0%D0%BC/"
    )
    response = client.get(url)
    assert response.status_code == 200
    assert "Почему я тревожусь" in response.content.decode()
    # The slug the old ASCII-only rule gave such titles still leads to the page.
    old = client.get(f"/questions/{question.pk}/question/")
    assert (old.status_code, old["Location"]) == (301, url)
