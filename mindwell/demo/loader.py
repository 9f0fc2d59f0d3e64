"""Build the demo forum from mindwell.demo.content through the real services, so the demo
exercises the same code as real members: ledger points, revisions, counts.

Randomness is seeded, so the same seed always gives the same forum.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.demo import content
from mindwell.qa.models import Post, PostKind
from mindwell.qa.permissions import downvotes_allowed
from mindwell.qa.services import (
    answer_create,
    best_answer_select,
    comment_create,
    post_edit,
    question_create,
)
from mindwell.qa.services.common import Poster
from mindwell.reputation import policy
from mindwell.reputation.levels import Level
from mindwell.reputation.models import Action
from mindwell.taxonomy.models import Category
from mindwell.votes.services import vote_cast

# Members who answer a lot: the professionals and the regulars, as on a real forum.
PROLIFIC_WEIGHT = 6
PROLIFIC_COUNT = 8
MODERATOR_USERNAME = "counsellor.tom"
# The question the seed page shows: +22 votes, edited, in Psychology.
SEED_QUESTION_WORDS = "former client for coffee"
SEED_QUESTION_EDIT = (
    "Edit: thank you, everyone. I took this to supervision and I will decline, warmly."
)


def _categories() -> dict[str, Category]:
    by_slug: dict[str, Category] = {}
    for position, top in enumerate(content.CATEGORIES):
        parent, _ = Category.objects.get_or_create(
            slug=top["slug"],
            defaults={"name": top["name"], "description": top["description"], "position": position},
        )
        by_slug[parent.slug] = parent
        for child_position, child in enumerate(top.get("children", [])):
            node, _ = Category.objects.get_or_create(
                slug=child["slug"],
                defaults={
                    "name": child["name"],
                    "description": child.get("description", ""),
                    "parent": parent,
                    "position": child_position,
                },
            )
            by_slug[node.slug] = node
    return by_slug


def _users(now) -> list[User]:  # type: ignore[no-untyped-def]
    users = []
    for index, row in enumerate(content.USERS):
        user, created = User.objects.get_or_create(
            username=row["username"],
            defaults={
                "about": row["about"],
                "email": f"demo{index}@example.invalid",
                "date_joined": now - timedelta(days=400 - index * 5),
            },
        )
        if created:
            user.set_unusable_password()
            if user.username == MODERATOR_USERNAME:
                user.set_level(Level.MODERATOR)  # is_staff follows the level
            user.save(update_fields=["password", "level", "is_staff", "is_superuser"])
        users.append(user)
    return users


def _backdate(post: Post, when) -> None:  # type: ignore[no-untyped-def]
    Post.objects.filter(pk=post.pk).update(created_at=when, activity_at=when)


def load_demo(*, seed: int = 7, log: Callable[[str], None] = print) -> dict[str, int]:
    rng = random.Random(seed)
    now = timezone.now()
    with transaction.atomic():
        categories = _categories()
        users = _users(now)
        weights = [PROLIFIC_WEIGHT if i < PROLIFIC_COUNT else 1 for i in range(len(users))]
        moderator = next(u for u in users if u.username == MODERATOR_USERNAME)
        counts = {"questions": 0, "answers": 0, "comments": 0, "votes": 0, "edits": 0, "best": 0}
        threads: list[tuple[Post, list[Post]]] = []
        total = len(content.QUESTIONS)

        for number, item in enumerate(content.QUESTIONS):
            asked_at = now - timedelta(days=(total - number) * 2 + rng.random(), hours=rng.random())
            asker = rng.choice(users[PROLIFIC_COUNT // 2 :])
            question = question_create(
                poster=Poster(user=asker),
                title=item["title"],
                body=item["body"],
                # The seed page files this question directly under Psychology.
                category_id=categories[
                    "psychology" if SEED_QUESTION_WORDS in item["title"] else item["category"]
                ].pk,
                tags=item["tags"],
            )
            _backdate(question, asked_at)
            counts["questions"] += 1
            moment = asked_at
            for text in item.get("comments", []):
                moment += timedelta(minutes=rng.randint(5, 300))
                comment = comment_create(
                    poster=Poster(user=rng.choice(users)), parent=question, body=text
                )
                _backdate(comment, moment)
                counts["comments"] += 1
            answers: list[Post] = []
            for answer_item in item["answers"]:
                moment += timedelta(minutes=rng.randint(20, 900))
                anonymous = answer_item.get("anonymous")
                if anonymous is not None:
                    email = f"anon{counts['answers']}@example.invalid" if rng.random() < 0.5 else ""
                    poster = Poster(name=anonymous.get("name", ""), email=email, notify=bool(email))
                else:
                    candidates = [u for u in users if u.pk != asker.pk]
                    poster = Poster(
                        user=rng.choices(
                            candidates,
                            weights=[
                                w for u, w in zip(users, weights, strict=True) if u.pk != asker.pk
                            ],
                        )[0]
                    )
                answer = answer_create(poster=poster, question=question, body=answer_item["body"])
                _backdate(answer, moment)
                answers.append(answer)
                counts["answers"] += 1
                for text in answer_item.get("comments", []):
                    moment += timedelta(minutes=rng.randint(5, 600))
                    commenter = asker if rng.random() < 0.4 else rng.choice(users)
                    comment = comment_create(
                        poster=Poster(user=commenter), parent=answer, body=text
                    )
                    _backdate(comment, moment)
                    counts["comments"] += 1
            Post.objects.filter(pk=question.pk).update(
                activity_at=moment, view_count=rng.randint(15, 900)
            )
            threads.append((question, answers))
            if number % 10 == 9:
                log(f"  {number + 1}/{total} questions written")

        counts["votes"] = _vote(threads, users, weights, rng)
        counts["best"] = _select_best(threads, rng)
        counts["edits"] = _edit(threads, moderator, rng)
    return counts


def _vote(threads, users, weights, rng: random.Random) -> int:  # type: ignore[no-untyped-def]
    cast = 0
    for question, answers in threads:
        seed_page = SEED_QUESTION_WORDS in question.title
        targets = [(question, 24 if seed_page else rng.randint(0, 9))]
        for position, answer in enumerate(answers):
            wanted = rng.randint(2, 16) if answer.author_id else rng.randint(0, 6)
            if seed_page and position == 0:
                wanted = 21
            targets.append((answer, wanted))
        for post, wanted in targets:
            voters = rng.sample(users, k=min(wanted, len(users)))
            for voter in voters:
                if voter.pk == post.author_id:
                    continue
                down = not seed_page and rng.random() < 0.08 and downvotes_allowed(post)
                action = Action.VOTE_DOWN if down else Action.VOTE_UP
                if not policy.allows(voter, action):
                    # The voter's points move as the demo is built; read them, as a new
                    # request would, before the policy refuses an old total.
                    voter.refresh_from_db(fields=["points"])
                    if not policy.allows(voter, action):
                        continue  # as a real member would be: not allowed yet
                vote_cast(user=voter, post=post, value=-1 if down else 1)
                cast += 1
    return cast


def _select_best(threads, rng: random.Random) -> int:  # type: ignore[no-untyped-def]
    chosen = 0
    for question, answers in threads:
        if not answers or rng.random() > 0.65:
            continue
        fresh = sorted(
            Post.objects.filter(pk__in=[a.pk for a in answers]),
            key=lambda a: (-a.score, a.created_at),
        )
        best_answer_select(question=question, answer=fresh[0], user=question.author)
        chosen += 1
    return chosen


def _edit(threads, moderator: User, rng: random.Random) -> int:  # type: ignore[no-untyped-def]
    edits = 0
    candidates = [q for q, _ in threads if SEED_QUESTION_WORDS in q.title]
    candidates += rng.sample([q for q, _ in threads], k=6)
    candidates += rng.sample([a for _, answers in threads for a in answers if a.author_id], k=6)
    seen: set[int] = set()
    for index, post in enumerate(candidates):
        if post.pk in seen:
            continue
        seen.add(post.pk)
        post = Post.objects.get(pk=post.pk)
        editor = moderator if index % 3 == 0 else post.author
        sentence = content.EXTRA_EDIT_SENTENCES[index % len(content.EXTRA_EDIT_SENTENCES)]
        if SEED_QUESTION_WORDS in post.title:
            sentence = SEED_QUESTION_EDIT
        post_edit(
            post=post,
            editor=editor,
            body=f"{post.body}\n\n{sentence}",
            title=post.title if post.kind == PostKind.QUESTION else None,
            reason=content.EDIT_NOTES[index % len(content.EDIT_NOTES)],
        )
        # An edit a few hours after posting, as it would have happened.
        edited_at = post.created_at + timedelta(hours=rng.randint(2, 40))
        Post.objects.filter(pk=post.pk).update(edited_at=edited_at)
        post.revisions.update(created_at=edited_at)
        edits += 1
    return edits
