"""Small factories for tests: real rows through the real services."""

from __future__ import annotations

import itertools
from typing import Any

from allauth.account.models import EmailAddress

from mindwell.accounts.models import User
from mindwell.qa.models import Post
from mindwell.qa.services import answer_create, comment_create, question_create
from mindwell.qa.services.common import Poster
from mindwell.taxonomy.models import Category

_counter = itertools.count(1)
PASSWORD = "a-long-test-password-42"


def make_user(username: str | None = None, *, confirmed: bool = True, **fields: Any) -> User:
    """A member who can log in: their email address is confirmed, as after registration
    (`confirmed=False`: registered, but the confirmation link not yet opened)."""
    username = username or f"member{next(_counter)}"
    user = User(username=username, email=f"{username}@example.test", **fields)
    user.set_password(PASSWORD)
    user.save()
    if user.email:
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=confirmed)
    return user


def category(slug: str = "psychology") -> Category:
    return Category.objects.get(slug=slug)


def make_question(author: User | None = None, **fields: Any) -> Post:
    n = next(_counter)
    return question_create(
        poster=Poster(user=author or make_user()),
        title=fields.pop("title", f"How do I cope with worry number {n}?"),
        body=fields.pop("body", "I have been anxious for weeks and would like some advice."),
        category_id=fields.pop("category_id", category().pk),
        tags=fields.pop("tags", "anxiety sleep"),
        **fields,
    )


def make_answer(question: Post, author: User | None = None, **fields: Any) -> Post:
    return answer_create(
        poster=fields.pop("poster", None) or Poster(user=author or make_user()),
        question=question,
        body=fields.pop("body", "Breathing slowly and talking to someone you trust both help."),
        **fields,
    )


def make_comment(parent: Post, author: User | None = None, **fields: Any) -> Post:
    return comment_create(
        poster=fields.pop("poster", None) or Poster(user=author or make_user()),
        parent=parent,
        body=fields.pop("body", "Thank you, that helps."),
        **fields,
    )
