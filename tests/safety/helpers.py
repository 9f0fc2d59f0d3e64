"""Shared data for the safety tests.

Tests whose names start with `test_engine_` need the crisis risk assessor
(mindwell.safety.risk), written by another engineer: they send unmistakable text through
the real assessor and pass once the engine replaces the placeholder. Every other test sets
risk levels and cases directly and does not depend on the engine."""

from __future__ import annotations

import html as html_lib
from typing import Any

from django.db import transaction

from mindwell.accounts.models import User
from mindwell.qa.models import Post
from mindwell.safety.models import CaseSource, SafetyCase
from mindwell.safety.services import case_raise
from tests.factories import make_user

CRISIS_TEXT = "I am going to kill myself tonight, I have the pills ready"
IDIOM_TEXT = "I nearly died laughing at the cat video my sister sent me this morning."
# A rule name the assessor would never show to a reader: it must not reach their HTML.
SECRET_RULE = "intent-with-plan-secret-rule"


def text(response: Any) -> str:
    return html_lib.unescape(response.content.decode())


def make_moderator(username: str | None = None) -> User:
    return make_user(username, is_staff=True)


def set_risk(post: Post, level: str) -> Post:
    Post.objects.filter(pk=post.pk).update(risk_level=level)
    post.risk_level = level
    return post


def open_case(post: Post, level: str = "crisis", phrase: str = "tonight") -> SafetyCase:
    """A case as the assessor would open it, without needing the assessor."""
    set_risk(post, level)
    with transaction.atomic():
        case = case_raise(
            post=post,
            level=level,
            source=CaseSource.ASSESSOR,
            reasons=[{"rule": SECRET_RULE, "phrase": phrase, "level": level}],
        )
    assert case is not None
    return case
