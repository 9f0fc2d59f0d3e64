import pytest

from mindwell.core.errors import PermissionDenied, ServiceError
from mindwell.qa.models import Post, PostKind
from mindwell.qa.services import question_create
from mindwell.qa.services.common import DuplicateSubmission, Poster
from mindwell.siteconfig.models import SiteSettings
from mindwell.taxonomy.models import Category, Tag
from tests.factories import category, make_question

pytestmark = pytest.mark.django_db


def ask(poster, **overrides):
    fields = {
        "title": "How can I sleep when my mind races?",
        "body": "Every night I lie awake **for hours**.",
        "category_id": category("anxiety").pk,
        "tags": "sleep anxiety",
    }
    fields.update(overrides)
    return question_create(poster=poster, **fields)


def test_creates_question_with_rendered_body_tags_and_counts(member):
    question = ask(Poster(user=member))
    assert question.kind == PostKind.QUESTION
    assert question.question_id == question.pk
    assert "<strong>for hours</strong>" in question.body_html
    assert sorted(question.tags.values_list("name", flat=True)) == ["anxiety", "sleep"]
    assert Tag.objects.get(name="sleep").question_count == 1
    assert Category.objects.get(slug="anxiety").question_count == 1


def test_sub_category_counts_towards_its_parent(member):
    ask(Poster(user=member), category_id=category("panic-attacks").pk)
    assert Category.objects.get(slug="panic-attacks").question_count == 1
    assert Category.objects.get(slug="anxiety").question_count == 1


@pytest.mark.parametrize(
    ("overrides", "field", "fragment"),
    [
        ({"title": ""}, "title", "Please write a title"),
        ({"title": "   "}, "title", "Please write a title"),
        ({"title": "Too short"}, "title", "too short"),
        ({"title": "x" * 151}, "title", "too long"),
        ({"body": "y" * 12001}, "body", "too long"),
        ({"category_id": 999999}, "category", "does not exist"),
        ({"category_id": "nonsense"}, "category", "does not exist"),
        ({"category_id": None}, "category", "choose a category"),
        ({"tags": "a b c d e f"}, "tags", "at most 5 tags"),
        ({"tags": "<script>"}, "tags", "can use only"),
        ({"tags": "t" * 41}, "tags", "too long"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(member, overrides, field, fragment):
    with pytest.raises(ServiceError) as error:
        ask(Poster(user=member), **overrides)
    assert error.value.field == field
    assert fragment.lower() in error.value.message.lower()
    assert not Post.objects.exists()


def test_tags_are_normalised_and_deduplicated(member):
    question = ask(Poster(user=member), tags="Sleep, sleep  #Anxiety")
    assert sorted(t.name for t in question.tags.all()) == ["anxiety", "sleep"]


def test_the_same_submission_creates_one_question(member):
    first = ask(Poster(user=member), submit_token="token-1")
    with pytest.raises(DuplicateSubmission) as error:
        ask(Poster(user=member), submit_token="token-1")
    assert error.value.post == first
    assert Post.objects.count() == 1


def test_anonymous_questions_are_off_by_default():
    with pytest.raises(PermissionDenied):
        ask(Poster(name="someone"))


def test_anonymous_questions_when_the_admin_allows_them():
    settings = SiteSettings.current()
    settings.anonymous_questions = True
    settings.save()
    question = ask(Poster(name="worried", email="w@example.test", notify=True, ip="10.0.0.1"))
    assert question.author_id is None
    assert question.display_name == "worried"
    assert question.anon_email == "w@example.test"
    assert question.notify is True


def test_question_from_an_answer_links_back(member, other_member):
    original = make_question(author=member)
    from tests.factories import make_answer

    answer = make_answer(original, author=other_member)
    follow_up = ask(Poster(user=member), asked_from=answer)
    assert follow_up.asked_from == answer
    assert list(answer.follow_up_questions.all()) == [follow_up]


def test_nul_bytes_are_removed(member):
    question = ask(Poster(user=member), title="Why do I feel\x00 so tired all day?")
    assert "\x00" not in question.title


def test_a_hash_starts_a_tag_but_may_end_one(member):
    question = ask(Poster(user=member), tags="#sleep c#")
    assert sorted(t.name for t in question.tags.all()) == ["c#", "sleep"]
