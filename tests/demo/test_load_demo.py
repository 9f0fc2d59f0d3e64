import pytest
from django.core.management import CommandError, call_command

from mindwell.accounts.models import User
from mindwell.badges.models import Award
from mindwell.qa.models import Post, PostKind, Revision
from mindwell.reputation.models import PointsSettings
from mindwell.reputation.rules import current_rules
from mindwell.reputation.selectors import expected_points, ledger_totals
from mindwell.votes.services import vote_cast

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

    # New points settings (a multiplier, a daily limit on votes received), recalculated:
    # every total is what the new values define and the ledger still explains it, and the
    # services keep agreeing with a recalculation afterwards.
    settings = PointsSettings.objects.get(pk=1)
    settings.per_answer_voted_up, settings.votes_received_daily_cap = 3, 100
    settings.save()
    call_command("recalculate_points")
    assert "ledger corrections" in capsys.readouterr().out
    expected = expected_points(rules=current_rules())
    ledger = ledger_totals()
    after = dict(User.objects.values_list("pk", "points"))
    assert after != before
    assert all(points == 100 + expected.get(pk, 0) == 100 + ledger.get(pk, 0)
               for pk, points in after.items())  # fmt: skip
    answer = Post.objects.filter(kind=PostKind.ANSWER, author__isnull=False).order_by("-score")[0]
    vote_cast(user=User.objects.exclude(pk=answer.author_id).order_by("-points")[0], post=answer,
              value=-1)  # fmt: skip
    call_command("recalculate_points", "--dry-run")
    assert "Would change the points of 0 of" in capsys.readouterr().out

    # Badges for everything the demo members did.
    call_command("award_badges", "--all")
    assert "Awarded" in capsys.readouterr().out
    for slug in ("first-question", "first-answer", "supporter", "thanks", "first-edit"):
        assert Award.objects.filter(badge__slug=slug).exists(), slug


def test_loading_twice_is_refused_unless_if_empty(demo):
    with pytest.raises(CommandError, match="already has posts"):
        call_command("load_demo", verbosity=0)
    count = Post.objects.count()
    call_command("load_demo", "--if-empty", verbosity=0)
    assert Post.objects.count() == count
