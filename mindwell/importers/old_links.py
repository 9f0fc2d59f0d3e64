"""Reads behind the old-link redirects (mindwell.importers.redirects): what a
Question2Answer id, handle, tag or category path became here.

Every lookup goes through ``ImportedObject`` rows of source "q2a", so a site that never
imported from Question2Answer answers nothing, and a local member or category never stands in
for an old one by accident. Only 404 responses reach these, never a page that exists.
"""

from __future__ import annotations

import re

from django.db.models import Q, QuerySet
from django.db.models.functions import Substr
from django.urls import NoReverseMatch, reverse
from django.utils.text import slugify

from mindwell.accounts.models import User
from mindwell.importers.models import ImportedObject, ImportRun
from mindwell.qa.models import Post, PostStatus
from mindwell.taxonomy.models import Category, Tag

SOURCE = "q2a"
# The ledger keeps the first 200 characters of a run's source key on each mapped object.
_KEY_LENGTH = ImportedObject._meta.get_field("source_key").max_length or 200


def source_keys() -> list[str]:
    """The Question2Answer databases imported here (usually one). Asking for them first lets
    every id lookup use the unique index (source, source_key, kind, external_id): without
    the key, a forum of 100,000 posts would mean scanning 100,000 index entries per 404."""
    keys = ImportRun.objects.filter(source=SOURCE).annotate(
        key=Substr("source_key", 1, _KEY_LENGTH)
    )
    return sorted(set(keys.values_list("key", flat=True)))


def _imported(keys: list[str], kind: str) -> QuerySet[ImportedObject]:
    return ImportedObject.objects.filter(source=SOURCE, source_key__in=keys, kind=kind)


def local_id(keys: list[str], kind: str, external_id: str) -> int | None:
    # At most one row per imported site; with two, the newer import's wins. (Picked here, not
    # with ORDER BY ... LIMIT 1, which could tempt a planner into walking the whole table.)
    rows = _imported(keys, kind).filter(external_id=external_id).values_list("pk", "local_id")
    return max(rows, default=(None, None))[1]


def post_url(keys: list[str], postid: str, *, show: str | None = None) -> str | None:
    """A question's page for a question id, or the page with the post's anchor for an answer
    or comment id (`show` is Question2Answer's ?show=, naming a reply on the page).

    The same for every visitor, since browsers keep permanent redirects: a published thread
    gets its address with the title's slug; a hidden or queued one only its short address,
    which the question page itself shows or refuses, so no title leaks into a redirect."""
    post = _post(keys, postid)
    if post is None:
        return None
    if show and show != postid and show.isascii() and show.isdigit():
        shown = _post(keys, show)
        if shown is not None and shown.question_id == post.question_id:
            post = shown
    if post.thread_is_published():
        return post.get_absolute_url()
    url = reverse("question-detail-short", args=[post.question_id])
    return url if post.is_question else f"{url}#{post.anchor}"


def _post(keys: list[str], postid: str) -> Post | None:
    pk = local_id(keys, "post", postid)
    if pk is None:
        return None
    deleted = Q(status=PostStatus.DELETED) | Q(question__status=PostStatus.DELETED)
    return Post.objects.select_related("question").exclude(deleted).filter(pk=pk).first()


def member(keys: list[str], handle: str) -> User | None:
    """The imported member with this Question2Answer handle. Handles are imported as they
    were, except that a clash with a local name made them "handle (2)"; a "+" may stand for
    a space, as PHP's urlencode() wrote it."""
    names = [handle] + ([handle.replace("+", " ")] if "+" in handle else [])
    numbered = re.compile("|".join(rf"{re.escape(name)} \((\d+)\)" for name in names))
    query = Q(username__in=names)
    for name in names:
        query |= Q(username__startswith=f"{name} (")
    candidates = User.objects.filter(query, is_active=True)
    ranked: list[tuple[tuple[int, int], User]] = []
    for user in candidates:
        if user.username in names:
            ranked.append(((0, names.index(user.username)), user))
        elif match := numbered.fullmatch(user.username):
            ranked.append(((1, int(next(g for g in match.groups() if g))), user))
    if not ranked:
        return None
    pks = [user.pk for _, user in ranked]
    imported = set(
        _imported(keys, "user").filter(local_id__in=pks).values_list("local_id", flat=True)
    )
    return min(
        ((rank, user) for rank, user in ranked if user.pk in imported),
        key=lambda pair: pair[0],
        default=(None, None),
    )[1]


def tag(name: str) -> Tag | None:
    """Tags are matched by name: they are the same topic whoever made them."""
    names = [name.lower()] + ([name.lower().replace("+", " ")] if "+" in name else [])
    found = {t.name: t for t in Tag.objects.filter(name__in=names)}
    return next((found[n] for n in names if n in found), None)


def category(keys: list[str], path: list[str]) -> Category | None:
    """The imported category at a Question2Answer slug path ("relationships/dating"),
    walking down the imported tree. The importer keeps Question2Answer's slug, or adds
    "-2" when a category here already has it."""
    if not path or len(path) > 4:
        return None
    ids = _imported(keys, "category").values_list("local_id", flat=True)
    nodes = list(Category.objects.filter(pk__in=list(ids)).only("pk", "slug", "parent_id"))
    parent: Category | None = None
    for segment in path:
        siblings = [n for n in nodes if n.parent_id == (parent.pk if parent else None)]
        parent = _matching(siblings, segment)
        if parent is None:
            return None
    return parent


def _matching(siblings: list[Category], segment: str) -> Category | None:
    slug = slugify(segment, allow_unicode=True)[:80]
    if not slug:
        return None
    renamed = re.compile(rf"{re.escape(slug[:75])}-\d+")
    exact = [node for node in siblings if node.slug == slug]
    found = exact or [node for node in siblings if renamed.fullmatch(node.slug)]
    return found[0] if found else None


def reverse_or_none(name: str, *args: object) -> str | None:
    """Names with "/" and similar cannot be in our URLs; such a link simply has no target."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None
