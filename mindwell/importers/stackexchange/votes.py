"""Votes.xml -> vote counts on the posts, and favourites as follows.

Dumps keep up and down votes anonymous (no UserId), so no vote rows are made: inventing
voters would give points to nobody and let nobody vote again. The post keeps Stack
Exchange's score, and its up and down counts come from the dump's votes, adjusted where
they disagree with the score (votes on deleted accounts, votes after the dump), so that
up − down is always the score. The counts are set, not added, so the stage can run twice.
"""

from __future__ import annotations

from itertools import islice

from django.db import transaction

from mindwell.follows.models import Follow, FollowTarget
from mindwell.importers.stackexchange.batches import ImportContext, in_batches
from mindwell.importers.stackexchange.dump import parse_date
from mindwell.qa.models import Post, PostKind

KIND = "vote"
UP, DOWN, ACCEPTED, FAVOURITE = "2", "3", "1", "5"
VOTE_TYPES = {
    "4": "an offensive flag",
    "6": "a close vote",
    "7": "a reopen vote",
    "8": "a bounty start",
    "9": "a bounty award",
    "10": "a deletion vote",
    "11": "an undeletion vote",
    "12": "a spam flag",
    "15": "a moderator review",
    "16": "an approved edit suggestion",
}


def import_votes(ctx: ImportContext) -> None:
    if not ctx.dump.has("Votes.xml"):
        return
    counts: dict[str, list[int]] = {}
    in_batches(ctx, "votes", ctx.dump.rows("Votes.xml"), lambda rows: _batch(ctx, rows, counts))
    items = iter(counts.items())
    done = 0
    while chunk := list(islice(items, 1000)):
        with transaction.atomic():
            _apply_counts(ctx, chunk)
        done += len(chunk)
        ctx.ledger.progress("vote counts", done, len(counts))


def _batch(ctx: ImportContext, rows: list[dict[str, str]], counts: dict[str, list[int]]) -> None:
    ledger = ctx.ledger
    favourites: list[dict[str, str]] = []
    for row in rows:
        kind, post = row.get("VoteTypeId", ""), row.get("PostId", "")
        if kind in (UP, DOWN):
            if ledger.local_id("post", post) is None:
                ledger.skip(KIND, row.get("Id", "?"), f"its post {post} was not imported")
                continue
            pair = counts.setdefault(post, [0, 0])
            pair[0 if kind == UP else 1] += 1
            ledger.count(KIND, "counted on its post")
        elif kind == ACCEPTED:
            # The question's AcceptedAnswerId already chose the best answer.
            ledger.count(KIND, "already (accepted answer)")
        elif kind == FAVOURITE and row.get("UserId"):
            favourites.append(row)
        elif kind == FAVOURITE:
            ledger.skip(KIND, row.get("Id", "?"), "a favourite without its user")
        else:
            reason = VOTE_TYPES.get(kind, f"vote type {kind or 'missing'}")
            ledger.skip(KIND, row.get("Id", "?"), f"{reason}: Mindwell keeps no such vote")
    if favourites:
        _follow(ctx, favourites)


def _follow(ctx: ImportContext, rows: list[dict[str, str]]) -> None:
    ledger = ctx.ledger
    wanted: dict[tuple[int, int], Follow] = {}
    for row in rows:
        user = ledger.local_id("user", row["UserId"])
        question = ledger.local_id("post", row.get("PostId", ""))
        if user is None or question is None:
            missing = "user" if user is None else "question"
            ledger.skip("favourite", row.get("Id", "?"), f"its {missing} was not imported")
            continue
        follow = Follow(user_id=user, target_type=FollowTarget.QUESTION, question_id=question)
        created = parse_date(row.get("CreationDate"))
        if created is not None:
            follow.created_at = created
        wanted[(user, question)] = follow
    questions = set(
        Post.objects.filter(pk__in={q for _, q in wanted}, kind=PostKind.QUESTION).values_list(
            "pk", flat=True
        )
    )
    existing = set(
        Follow.objects.filter(
            user_id__in={u for u, _ in wanted}, question_id__in=questions
        ).values_list("user_id", "question_id")
    )
    fresh = []
    for (user, question), follow in wanted.items():
        if question not in questions:
            ledger.skip("favourite", f"{user}:{question}", "a favourite on an answer")
        elif (user, question) in existing:
            ledger.count("favourite", "already")
        else:
            fresh.append(follow)
    if fresh:
        Follow.objects.bulk_create(fresh, ignore_conflicts=True)
        ledger.count("favourite", "imported as a follow", len(fresh))


def _apply_counts(ctx: ImportContext, chunk: list[tuple[str, list[int]]]) -> None:
    local = {ctx.ledger.local_id("post", ext): pair for ext, pair in chunk}
    posts = list(Post.objects.filter(pk__in=list(local)).only("pk", "score"))
    for post in posts:
        post.upvotes, post.downvotes = votes_matching_score(*local[post.pk], score=post.score)
    Post.objects.bulk_update(posts, ["upvotes", "downvotes"], batch_size=500)


def votes_matching_score(up: int, down: int, *, score: int) -> tuple[int, int]:
    """The dump's counts, raised as little as needed for up − down to equal the score."""
    new_up = max(up, score + down, 0)
    return new_up, new_up - score
