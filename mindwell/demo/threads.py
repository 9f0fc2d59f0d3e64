"""Writing one question's thread as plain rows: the question, its answers and comments,
votes, tags, edits and the points ledger events they earn (see mindwell.demo.generator)."""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from mindwell.demo.distributions import Skewed
from mindwell.demo.text import TextMaker
from mindwell.qa.hot import hot_value
from mindwell.qa.models import PostKind, PostStatus
from mindwell.reputation.models import EventKind
from mindwell.reputation.rules import PointsRules
from mindwell.taxonomy.models import Category

Row = dict[str, Any]


@dataclass
class Batch:
    """Rows of one transaction, by table."""

    posts: list[Row] = field(default_factory=list)
    tags: list[Row] = field(default_factory=list)
    votes: list[Row] = field(default_factory=list)
    revisions: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)


class ThreadWriter:
    """The half of the generator that invents content; Generator sets these up and writes
    the rows."""

    rng: random.Random
    text: TextMaker
    rules: PointsRules
    now: datetime
    summary: Any
    points: dict[int, int]
    _vote_points: dict[int, int]
    category_counts: dict[int, int]
    tag_counts: dict[int, int]
    answers: Skewed
    comments: Skewed
    votes: Skewed
    tags_per_question: Skewed
    views: Skewed
    categories: list[Category]
    category_cum: list[float]
    ancestors: dict[int, list[int]]
    no_question_downvotes: set[int]
    tag_ids: list[int]
    tag_cum: list[float]
    user_ids: list[int]
    user_cum: list[float]

    def _user(self) -> int:
        point = self.rng.random() * self.user_cum[-1]
        return self.user_ids[bisect.bisect_left(self.user_cum, point)]

    def _later(self, moment: datetime, mean_hours: float) -> datetime:
        return min(self.now, moment + timedelta(hours=self.rng.expovariate(1 / mean_hours)))

    def _post(self, pk: int, kind: str, author: int | None, at: datetime, **fields: Any) -> Row:
        return {
            "id": pk,
            "kind": kind,
            "status": PostStatus.PUBLISHED,
            "author_id": author,
            "created_at": at,
            "activity_at": at,
            "score": 0,
            "upvotes": 0,
            "downvotes": 0,
            "answer_count": 0,
            "comment_count": 0,
            "edited_at": None,
            **fields,
        }

    def _votes(self, post: Row, rows: list[Row]) -> None:
        n = min(self.votes.draw(self.rng)[0], len(self.user_ids) - 1)
        if n == 0:
            return
        down_ok = not (
            post["kind"] == PostKind.QUESTION and post["category_id"] in self.no_question_downvotes
        )
        voters = [v for v in self.rng.sample(self.user_ids, n + 1) if v != post["author_id"]]
        for voter in voters[:n]:
            value = -1 if down_ok and self.rng.random() < 0.15 else 1
            rows.append(
                {
                    "user_id": voter,
                    "post_id": post["id"],
                    "value": value,
                    "created_at": post["created_at"],
                    "updated_at": post["created_at"],
                }
            )
            post["upvotes" if value > 0 else "downvotes"] += 1
            earned = self.rules.vote_cast(kind=post["kind"], value=value)
            self.points[voter] += earned
            self._vote_points[voter] += earned
        post["score"] = post["upvotes"] - post["downvotes"]

    def _tags(self) -> set[int]:
        count = max(1, self.tags_per_question.draw(self.rng)[0])
        top = self.tag_cum[-1]
        return {
            self.tag_ids[bisect.bisect_left(self.tag_cum, self.rng.random() * top)]
            for _ in range(count)
        }

    def _thread(self, pk: int, asked: datetime, out: Batch) -> int:
        """One question with its answers, comments, votes, tags and edits; returns the
        next free id."""
        rng = self.rng
        asker = None if rng.random() < 0.04 else self._user()  # some ask without an account
        category = self.categories[
            bisect.bisect_left(self.category_cum, rng.random() * self.category_cum[-1])
        ]
        body, body_html = self.text.body(sentences=5)
        question = self._post(
            pk,
            PostKind.QUESTION,
            asker,
            asked,
            question_id=pk,
            parent_id=None,
            title=self.text.title(),
            body=body,
            body_html=body_html,
            category_id=category.pk,
            anon_name="" if asker else rng.choice(["", "Sam", "A."]),
        )
        pk += 1
        for tag_id in self._tags():
            out.tags.append({"post_id": question["id"], "tag_id": tag_id})
            self.tag_counts[tag_id] += 1
        for category_id in self.ancestors[category.pk]:
            self.category_counts[category_id] += 1
        self._votes(question, out.votes)

        answers = []
        for _ in range(self.answers.draw(rng)[0]):
            body, body_html = self.text.body(sentences=4)
            answer = self._post(
                pk,
                PostKind.ANSWER,
                self._user(),
                self._later(asked, 18),
                question_id=question["id"],
                parent_id=question["id"],
                body=body,
                body_html=body_html,
            )
            pk += 1
            self._votes(answer, out.votes)
            answers.append(answer)
        question["answer_count"] = len(answers)
        thread = [question, *answers]
        for parent in [question, *answers]:
            parent["comment_count"] = self.comments.draw(rng)[0]
            for _ in range(parent["comment_count"]):
                body, body_html = self.text.comment()
                thread.append(
                    self._post(
                        pk,
                        PostKind.COMMENT,
                        self._user(),
                        self._later(parent["created_at"], 10),
                        question_id=question["id"],
                        parent_id=parent["id"],
                        body=body,
                        body_html=body_html,
                    )
                )
                pk += 1
        if answers and rng.random() < 0.45:
            best = max(answers, key=lambda a: (a["score"], rng.random()))
            question["best_answer_id"] = best["id"]
            if best["author_id"] != question["author_id"]:
                rules = self.rules
                self._event(
                    out, best["author_id"], EventKind.ANSWER_SELECTED, rules.selected(), question
                )
                asker_id = question["author_id"]
                self._event(out, asker_id, EventKind.SELECTED_ANSWER, rules.selecting(), question)
        for post in thread:
            if post["kind"] != PostKind.COMMENT and post["author_id"] and rng.random() < 0.04:
                self._edit(post, out, category.name)
        question["activity_at"] = max(
            [p["created_at"] for p in thread] + [p["edited_at"] for p in thread if p["edited_at"]]
        )
        views = self.views.draw(rng)[0] * (1 + len(answers)) + rng.randint(0, 20)
        question["view_count"] = views
        question["hot_score"] = hot_value(
            created_at=asked, answers=len(answers), score=question["score"], views=views
        )
        for post in thread[: len(answers) + 1]:
            self._posting_events(post, out)
        out.posts += thread
        self.summary.questions += 1
        self.summary.answers += len(answers)
        self.summary.comments += len(thread) - 1 - len(answers)
        return pk

    def _edit(self, post: Row, out: Batch, category: str) -> None:
        post["edited_at"] = self._later(post["created_at"], 48)
        post["edited_by_id"] = post["author_id"]
        body = post["body"]
        is_question = post["kind"] == PostKind.QUESTION
        out.revisions.append(
            {
                "post_id": post["id"],
                "editor_id": post["author_id"],
                "created_at": post["edited_at"],
                "title_before": post.get("title", ""),
                "title_after": post.get("title", ""),
                "body_before": body.rsplit("\n\n", 1)[0],
                "body_after": body,
                "category_before": category if is_question else "",
                "category_after": category if is_question else "",
                "reason": "Added more detail.",
            }
        )

    def _ledger_row(self, user_id: int, kind: str, points: int, post: Row | None) -> Row:
        at = post["created_at"] if post is not None else self.now
        return {
            "user_id": user_id,
            "kind": kind,
            "points": points,
            "post_id": post["id"] if post is not None else None,
            "created_at": at,
        }

    def _event(self, out: Batch, user_id: int | None, kind: str, points: int, post: Row) -> None:
        if user_id is None or points == 0:
            return
        out.events.append(self._ledger_row(user_id, kind, points, post))
        self.points[user_id] += points

    def _posting_events(self, post: Row, out: Batch) -> None:
        is_question = post["kind"] == PostKind.QUESTION
        posted = self.rules.question_posted() if is_question else self.rules.answer_posted()
        kind = EventKind.QUESTION_POSTED if is_question else EventKind.ANSWER_POSTED
        self._event(out, post["author_id"], kind, posted, post)
        received = self.rules.votes_received(
            kind=post["kind"], upvotes=post["upvotes"], downvotes=post["downvotes"]
        )
        voted = EventKind.QUESTION_VOTED if is_question else EventKind.ANSWER_VOTED
        self._event(out, post["author_id"], voted, received, post)
