"""Search operators: names looked up, then turned into index terms or row conditions.

Names (category, user, tag) are looked up once, before the search, in a fixed number of
queries. What rarely changes, a thread's category and tags and a post's author, is in the
index itself as "facet" words (zc12: category 12, zt45: tag 45, zu7: member 7), so those
operators are answered by the full-text index over all posts, with no join; moving and
retagging a question reindex its thread. What changes with every vote or answer (score,
answer count, best answer) is read from the posts table for the matches.
"""

# ruff: noqa: S608 - SQL here is built from constants (table names, the parser's closed
# set of operators); every value a person typed is a bound parameter.

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext

from mindwell.accounts.models import User
from mindwell.qa.models import Post
from mindwell.search.query import Comparison, ParsedQuery
from mindwell.taxonomy.models import Category, Tag

POSTS = Post._meta.db_table
POST_TAGS = Post.tags.through._meta.db_table
# Operators come from the parser's closed set, so they can be written into SQL as they are.
SQL_OPERATORS = {">=": ">=", "<=": "<=", ">": ">", "<": "<", "=": "="}


class NoSuchName(Exception):
    """An operator names a category, member or tag that does not exist: nothing can match."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def category_word(category_id: int) -> str:
    return f"zc{category_id}"


def tag_word(tag_id: int) -> str:
    return f"zt{tag_id}"


def user_word(user_id: int) -> str:
    return f"zu{user_id}"


@dataclass(frozen=True)
class Filters:
    kind: str | None = None
    category_ids: tuple[int, ...] | None = None
    user_id: int | None = None
    tag_ids: tuple[int, ...] = ()
    answers: Comparison | None = None
    score: Comparison | None = None
    has_best: bool | None = None

    @property
    def facet_groups(self) -> list[list[str]]:
        """The facet words a match needs: one of each group."""
        groups: list[list[str]] = []
        if self.category_ids is not None:
            groups.append([category_word(pk) for pk in self.category_ids])
        groups.extend([tag_word(pk)] for pk in self.tag_ids)
        if self.user_id is not None:
            groups.append([user_word(self.user_id)])
        return groups

    @property
    def needs_post(self) -> bool:
        """Whether any condition reads the posts table (the rest is in the index)."""
        return self.answers is not None or self.score is not None or self.has_best is not None


def resolve_filters(query: ParsedQuery) -> Filters:
    """Look up the names an operator gives; raise NoSuchName when one does not exist."""
    kind = "Q" if query.only_questions and query.kind in (None, "Q") else query.kind
    if query.only_questions and query.kind not in (None, "Q"):
        raise NoSuchName(
            gettext("answers: and hasbest: describe questions, so they find no answers.")
        )
    return Filters(
        kind=kind,
        category_ids=_category_ids(query.category) if query.category else None,
        user_id=_user_id(query.user) if query.user else None,
        tag_ids=_tag_ids(query.tags),
        answers=query.answers,
        score=query.score,
        has_best=query.has_best,
    )


def _category_ids(name: str) -> tuple[int, ...]:
    """The categories named (by name or slug) and everything below them, in one query."""
    rows = list(Category.objects.values_list("pk", "parent_id", "name", "slug"))
    wanted = name.casefold()
    ids = [pk for pk, _, cat_name, slug in rows if wanted in (cat_name.casefold(), slug.casefold())]
    if not ids:
        raise NoSuchName(gettext("There is no category called “%(name)s”.") % {"name": name})
    children: dict[int | None, list[int]] = {}
    for pk, parent_id, _, _ in rows:
        children.setdefault(parent_id, []).append(pk)
    for pk in ids:  # grows while it is walked: breadth first
        ids.extend(child for child in children.get(pk, []) if child not in ids)
    return tuple(ids)


def _user_id(name: str) -> int:
    user_id = (
        User.objects.filter(username__iexact=name.lstrip("@")).values_list("pk", flat=True).first()
    )
    if user_id is None:
        raise NoSuchName(gettext("There is no member called “%(name)s”.") % {"name": name})
    return int(user_id)


def _tag_ids(names: tuple[str, ...]) -> tuple[int, ...]:
    if not names:
        return ()
    found = dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))
    for name in names:
        if name not in found:
            raise NoSuchName(gettext("No question has the tag [%(name)s].") % {"name": name})
    return tuple(found[name] for name in names)


def filter_sql(filters: Filters, *, kind_column: str | None) -> tuple[str, list[Any]]:
    """` AND …` conditions over the post `p` for the operators the index does not answer,
    with their params. With no `kind_column`, the caller filters the kind itself."""
    conditions: list[str] = []
    params: list[Any] = []
    if filters.kind and kind_column:
        conditions.append(f"{kind_column} = %s")
        params.append(filters.kind)
    for column, comparison in (("answer_count", filters.answers), ("score", filters.score)):
        if comparison is not None:
            conditions.append(f"p.{column} {SQL_OPERATORS[comparison.op]} %s")
            params.append(comparison.value)
    if filters.has_best is not None:
        conditions.append(f"p.best_answer_id IS {'NOT ' if filters.has_best else ''}NULL")
    return "".join(f" AND {condition}" for condition in conditions), params


# A post and the question of its thread (itself for a question).
POST_JOIN = f"JOIN {POSTS} p ON p.id = {{id}}"
# Every post names its thread's question, a question itself (qa.Post.question).
THREAD_JOIN = f"JOIN {POSTS} q ON q.id = p.question_id"
PUBLIC = "p.status = 'published' AND q.status = 'published'"
# A post's facet words as SQL (standard enough for both databases): its thread's category,
# its thread's tags, its author.
FACETS_SQL = (
    "'zc' || COALESCE(q.category_id, 0) || "
    f"COALESCE((SELECT ' ' || {{concat}} FROM {POST_TAGS} pt WHERE pt.post_id = p.question_id), "
    "'') || COALESCE(' zu' || p.author_id, '')"
)
