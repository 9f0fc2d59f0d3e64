import pytest
from django.core.management import CommandError, call_command

from mindwell.accounts.models import User
from mindwell.qa.models import Post, PostKind, Revision

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


def test_demo_forum_is_big_and_realistic(demo, capsys):
    assert User.objects.count() >= 40
    assert Post.objects.filter(kind=PostKind.QUESTION).count() >= 60
    assert Post.objects.filter(kind=PostKind.ANSWER).count() >= 150
    assert Post.objects.filter(kind=PostKind.COMMENT).count() >= 100
    assert User.objects.filter(points__gt=1000).count() >= 3
    anonymous = Post.objects.filter(kind=PostKind.ANSWER, author__isnull=True)
    assert anonymous.filter(anon_name="").exists()
    assert anonymous.exclude(anon_name="").exists()
    assert Revision.objects.exists()
    assert Post.objects.filter(kind=PostKind.QUESTION, best_answer__isnull=False).count() >= 10
    # Every top-level area has questions.
    tops = {"psychology", "relationships", "anxiety", "depression", "family-parenting",
            "work-stress", "grief-loss"}  # fmt: skip
    asked_in = set()
    for question in Post.objects.questions().select_related("category__parent"):
        node = question.category
        asked_in.add(node.parent.slug if node.parent else node.slug)
    assert tops <= asked_in

    # The seed page's question: in Psychology, well voted, edited.
    seed = Post.objects.get(title__icontains="former client for coffee")
    assert seed.category.name == "Psychology"
    assert seed.score >= 20
    assert seed.edited_by is not None

    # Points made through the services agree with a recalculation from scratch.
    before = dict(User.objects.values_list("pk", "points"))
    call_command("recalculate_points")
    assert "(0 ledger corrections)" in capsys.readouterr().out
    assert dict(User.objects.values_list("pk", "points")) == before


def test_loading_twice_is_refused_unless_if_empty(demo):
    with pytest.raises(CommandError, match="already has posts"):
        call_command("load_demo", verbosity=0)
    count = Post.objects.count()
    call_command("load_demo", "--if-empty", verbosity=0)
    assert Post.objects.count() == count
