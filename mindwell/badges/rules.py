"""The rules that award badges: one small function over the database per badge.

Each rule takes a list of member ids and answers which of them have earned the badge, with
the post that earned it where one did: `{user_id: post_id or None}`. The same query serves
one member (after their vote or answer) and a batch of thousands (`mindwell award_badges`),
so a check costs one query per badge the member does not hold yet.

Only what is public counts and only public things are linked: posts written anonymously are
not the member's here (a badge would say who wrote them), and votes given stay private (the
Supporter badge names no post). The badge rows (name, description, level) are seeded by the
migrations with these slugs; administrators may reword them.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, F, Min, QuerySet

from mindwell.qa.models import Post, PostKind, PostStatus, Revision
from mindwell.votes.models import Vote

Earned = dict[int, int | None]  # user id -> the post that earned the badge, if any

COMMENTS_FOR_COMMENTATOR = 10
UPVOTED_ANSWERS_FOR_HELPFUL = 10
SELECTIONS_FOR_TRUSTED = 5
GOOD_QUESTION_SCORE = 10
GOOD_ANSWER_SCORE = 10
GREAT_ANSWER_SCORE = 25
DAYS_IN_A_ROW_FOR_REGULAR = 7
QUESTIONS_FOR_LISTENER = 10


@dataclass(frozen=True)
class BadgeRule:
    slug: str
    earned: Callable[[list[int]], Earned]


def _posts(kind: str, user_ids: list[int]) -> QuerySet[Post]:
    return Post.objects.filter(kind=kind, status=PostStatus.PUBLISHED, author_id__in=user_ids)


def _first(posts: QuerySet[Post]) -> Earned:
    """Each author's earliest post in `posts`."""
    rows = posts.order_by().values("author_id").annotate(first=Min("pk"))
    return {row["author_id"]: row["first"] for row in rows}


def _at_least(posts: QuerySet[Post], count: int, *, field: str = "pk") -> Earned:
    """Authors with `count` or more distinct `field` values in `posts`."""
    rows = (
        posts.order_by()
        .values("author_id")
        .annotate(n=Count(field, distinct=True))
        .filter(n__gte=count)
    )
    return {row["author_id"]: None for row in rows}


def _selected_answers(user_ids: list[int]) -> QuerySet[Post]:
    """Answers chosen as best for a published question by someone else."""
    return (
        _posts(PostKind.ANSWER, user_ids)
        .filter(best_for__isnull=False, best_for__status=PostStatus.PUBLISHED)
        .exclude(best_for__author_id=F("author_id"))
    )


def first_question(user_ids: list[int]) -> Earned:
    return _first(_posts(PostKind.QUESTION, user_ids))


def first_answer(user_ids: list[int]) -> Earned:
    return _first(_posts(PostKind.ANSWER, user_ids))


def commentator(user_ids: list[int]) -> Earned:
    return _at_least(_posts(PostKind.COMMENT, user_ids), COMMENTS_FOR_COMMENTATOR)


def supporter(user_ids: list[int]) -> Earned:
    voters = Vote.objects.filter(user_id__in=user_ids, value=1).values_list("user_id", flat=True)
    return dict.fromkeys(set(voters))


def helpful(user_ids: list[int]) -> Earned:
    upvoted = _posts(PostKind.ANSWER, user_ids).filter(score__gt=0)
    return _at_least(upvoted, UPVOTED_ANSWERS_FOR_HELPFUL)


def thanks(user_ids: list[int]) -> Earned:
    return _first(_selected_answers(user_ids))


def trusted(user_ids: list[int]) -> Earned:
    return _at_least(_selected_answers(user_ids), SELECTIONS_FOR_TRUSTED)


def good_question(user_ids: list[int]) -> Earned:
    return _first(_posts(PostKind.QUESTION, user_ids).filter(score__gte=GOOD_QUESTION_SCORE))


def good_answer(user_ids: list[int]) -> Earned:
    return _first(_posts(PostKind.ANSWER, user_ids).filter(score__gte=GOOD_ANSWER_SCORE))


def great_answer(user_ids: list[int]) -> Earned:
    return _first(_posts(PostKind.ANSWER, user_ids).filter(score__gte=GREAT_ANSWER_SCORE))


def listener(user_ids: list[int]) -> Earned:
    """Answers to many different questions in support categories: the ones that take no
    downvotes on questions, because people there ask for support."""
    answers = _posts(PostKind.ANSWER, user_ids).filter(
        question__status=PostStatus.PUBLISHED, question__category__question_downvotes=False
    )
    return _at_least(answers, QUESTIONS_FOR_LISTENER, field="question_id")


def first_edit(user_ids: list[int]) -> Earned:
    """An edit of someone else's post that stands (the post is published)."""
    edits = (
        Revision.objects.filter(editor_id__in=user_ids, post__status=PostStatus.PUBLISHED)
        .exclude(post__author_id=F("editor_id"))
        .order_by()
        .values("editor_id")
        .annotate(first=Min("pk"))
    )
    firsts = [row["first"] for row in edits]
    return dict(Revision.objects.filter(pk__in=firsts).values_list("editor_id", "post_id"))


def regular(user_ids: list[int]) -> Earned:
    """Visits on seven days in a row."""
    from mindwell.badges.models import Visit

    days = Visit.objects.filter(user_id__in=user_ids).order_by("user_id", "day")
    earned: Earned = {}
    current, previous, run = None, None, 0
    for user_id, day in days.values_list("user_id", "day").iterator(chunk_size=5000):
        if user_id != current:
            current, previous, run = user_id, None, 0
        one_after = previous is not None and day - previous == datetime.timedelta(days=1)
        run = run + 1 if one_after else 1
        previous = day
        if run >= DAYS_IN_A_ROW_FOR_REGULAR:
            earned[user_id] = None
    return earned


def verified_professional(user_ids: list[int]) -> Earned:
    """A licence staff verified and that has not expired."""
    from django.utils import timezone

    from mindwell.professionals.models import ProfessionalStatus

    verified = ProfessionalStatus.objects.filter(
        user_id__in=user_ids, valid_until__gte=timezone.localdate()
    ).values_list("user_id", flat=True)
    return dict.fromkeys(verified)


RULES = [
    BadgeRule("first-question", first_question),
    BadgeRule("first-answer", first_answer),
    BadgeRule("supporter", supporter),
    BadgeRule("commentator", commentator),
    BadgeRule("first-edit", first_edit),
    BadgeRule("thanks", thanks),
    BadgeRule("helpful", helpful),
    BadgeRule("trusted", trusted),
    BadgeRule("good-question", good_question),
    BadgeRule("good-answer", good_answer),
    BadgeRule("great-answer", great_answer),
    BadgeRule("listener", listener),
    BadgeRule("regular", regular),
    BadgeRule("verified-professional", verified_professional),
]
