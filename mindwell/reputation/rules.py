"""The points scheme, with Question2Answer's default values.

Every value is multiplied by `multiple` (10), as Question2Answer does, and `base` is added
once. Votes received are capped per post: a question gains at most 10 (x10) and loses at
most 3 (x10) from votes; an answer gains at most 20 and loses at most 5. On top of that, an
optional daily limit caps what a member gains from votes received in one day (as Stack
Exchange does), counted in points as members see them; see mindwell.reputation.daily_cap.

Where the values come from: administrators edit them at run time (`PointsSettings`, one row,
seeded with these defaults); `settings.MINDWELL_POINTS`, when a deployment or a test sets it,
pins individual values over the stored ones (the admin page says which). Changes apply to
new events; `mindwell recalculate_points` rewrites every total under the current values.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from django.conf import settings


@dataclass(frozen=True)
class PointsRules:
    base: int = 100
    multiple: int = 10
    post_question: int = 2
    post_answer: int = 4
    select_answer: int = 3
    answer_selected: int = 30
    vote_up_question: int = 1
    vote_down_question: int = 1
    vote_up_answer: int = 1
    vote_down_answer: int = 1
    per_question_voted_up: int = 1
    per_question_voted_down: int = 1
    question_voted_max_gain: int = 10
    question_voted_max_loss: int = 3
    per_answer_voted_up: int = 2
    per_answer_voted_down: int = 2
    answer_voted_max_gain: int = 20
    answer_voted_max_loss: int = 5
    # Points (after the multiplier) a member can gain from votes received in one day; 0: no
    # limit, as in Question2Answer. Losses are never limited.
    votes_received_daily_cap: int = 0
    # Question2Answer's choices where ours differ, switched on by its importer (0: off, 1: on).
    # Hiding a post there takes away its posting points but not the points of its votes,
    # for its author or its voters; and an asker choosing a best answer earns the choosing
    # points whoever wrote it (themselves, or someone without an account), where here only
    # choosing another member's answer does. The answer's own points always need two people.
    hidden_posts_keep_votes: int = 0
    select_any_answer: int = 0

    def question_posted(self) -> int:
        return self.multiple * self.post_question

    def answer_posted(self) -> int:
        return self.multiple * self.post_answer

    def selecting(self) -> int:
        return self.multiple * self.select_answer

    def selected(self) -> int:
        return self.multiple * self.answer_selected

    def selection(self, *, asker_id: int | None, answerer_id: int | None) -> dict[int, int]:
        """Who earns what when `answerer_id`'s answer is chosen on `asker_id`'s question
        (None: written without an account)."""
        points: dict[int, int] = {}
        by_another_member = answerer_id is not None and answerer_id != asker_id
        if by_another_member:
            points[answerer_id] = self.selected()  # type: ignore[index]
        if asker_id is not None and (by_another_member or self.select_any_answer):
            points[asker_id] = points.get(asker_id, 0) + self.selecting()
        return points

    def vote_cast(self, *, kind: str, value: int) -> int:
        """Points the voter earns for a current vote of `value` on a post of `kind`."""
        if value == 0:
            return 0
        table = {
            ("Q", 1): self.vote_up_question,
            ("Q", -1): self.vote_down_question,
            ("A", 1): self.vote_up_answer,
            ("A", -1): self.vote_down_answer,
        }
        return self.multiple * table.get((kind, value), 0)

    def votes_received(self, *, kind: str, upvotes: int, downvotes: int) -> int:
        """What a post's votes are worth to its author, after the per-post caps."""
        if kind == "Q":
            gain = min(upvotes * self.per_question_voted_up, self.question_voted_max_gain)
            loss = min(downvotes * self.per_question_voted_down, self.question_voted_max_loss)
        elif kind == "A":
            gain = min(upvotes * self.per_answer_voted_up, self.answer_voted_max_gain)
            loss = min(downvotes * self.per_answer_voted_down, self.answer_voted_max_loss)
        else:
            return 0
        return self.multiple * (gain - loss)

    def upvote_gain(self, *, kind: str, rank: int) -> int:
        """What the upvote at `rank` (0: the post's first, in time order) adds to its author's
        points, once the per-post cap is reached by the ones before it: the gains of a post's
        upvotes add up to its capped gain in `votes_received`."""
        if kind == "Q":
            each, most = self.per_question_voted_up, self.question_voted_max_gain
        elif kind == "A":
            each, most = self.per_answer_voted_up, self.answer_voted_max_gain
        else:
            return 0
        return self.multiple * max(0, min(each, most - rank * each))


RULE_FIELDS = tuple(field.name for field in fields(PointsRules))


def pinned_values() -> dict[str, int]:
    """The values `settings.MINDWELL_POINTS` pins over the stored ones (unknown names are
    ignored, so an old setting cannot stop the site)."""
    pinned = getattr(settings, "MINDWELL_POINTS", None) or {}
    return {name: int(value) for name, value in pinned.items() if name in RULE_FIELDS}


def current_rules() -> PointsRules:
    """The rules in force: the stored points settings (cached), with any pinned values."""
    from mindwell.reputation.settings_model import PointsSettings

    return PointsRules(**{**PointsSettings.current_values(), **pinned_values()})


def starting_points() -> int:
    """A new member's points: the base, before any ledger event."""
    return current_rules().base
