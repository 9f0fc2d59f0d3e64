"""PostHistory.xml -> the revisions of the imported posts.

Rows of one revision share a RevisionGUID (a title, a body and tags changed together are
three rows) and become one Revision, with the text before and after as the site's own edits
record it. The first revision (Stack Exchange's "initial" rows) is kept too, as the
original text, so every later edit has its "before" in the database: the stage streams and
never holds more than a batch of posts' text. Closing, locking, notices and the like are not
revisions and are reported as skipped (a question's closing comes from Posts.xml).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.utils import timezone

from mindwell.importers.stackexchange.batches import ImportContext, in_batches
from mindwell.importers.stackexchange.dump import clean, parse_date, parse_tag_list
from mindwell.qa.models import Revision

KIND = "revision"
INITIAL = {"1": "title", "2": "body", "3": "tags"}
EDITS = {"4": "title", "5": "body", "6": "tags", "7": "title", "8": "body", "9": "tags"}
OTHER_TYPES = {
    "10": "closed",
    "11": "reopened",
    "12": "deleted",
    "13": "undeleted",
    "14": "locked",
    "15": "unlocked",
    "16": "made community wiki",
    "17": "migrated",
    "18": "merged",
    "19": "protected",
    "20": "unprotected",
    "24": "a suggested edit applied",
    "25": "tweeted",
    "33": "a notice added",
    "34": "a notice removed",
}
State = tuple[str, str, str]  # title, body, tags


def import_history(ctx: ImportContext) -> None:
    if not ctx.dump.has("PostHistory.xml"):
        return
    groups = _revisions(ctx, ctx.dump.rows("PostHistory.xml"))
    in_batches(ctx, "revisions", groups, lambda batch: _batch(ctx, batch))


def _revisions(
    ctx: ImportContext, rows: Iterable[dict[str, str]]
) -> Iterator[list[dict[str, str]]]:
    """Consecutive rows of one post and RevisionGUID, as one list; other rows are reported."""
    group: list[dict[str, str]] = []
    for row in rows:
        kind = row.get("PostHistoryTypeId", "")
        if kind not in INITIAL and kind not in EDITS:
            name = OTHER_TYPES.get(kind, f"history type {kind or 'missing'}")
            ctx.ledger.skip(KIND, row.get("Id", "?"), f"{name}: not a revision of the text")
            continue
        if group and _key(group[0]) != _key(row):
            yield group
            group = []
        group.append(row)
    if group:
        yield group


def _key(row: dict[str, str]) -> str:
    return f"{row.get('PostId', '')}:{row.get('RevisionGUID') or row.get('Id', '')}"[:100]


def _batch(ctx: ImportContext, groups: list[list[dict[str, str]]]) -> None:
    ledger = ctx.ledger
    fresh: list[tuple[int, list[dict[str, str]]]] = []
    for group in groups:
        key, post = _key(group[0]), ledger.local_id("post", group[0].get("PostId", ""))
        if ledger.local_id(KIND, key) is not None:
            ledger.count(KIND, "already")
        elif post is None:
            ledger.skip(KIND, key, f"its post {group[0].get('PostId')} was not imported")
        else:
            fresh.append((post, group))
    if not fresh:
        return
    state = _latest_states({post for post, _ in fresh})
    revisions = []
    for post, group in fresh:
        before = state.get(post, ("", "", ""))
        after = _apply(before, group)
        state[post] = after
        first = group[0]
        user = first.get("UserId", "")
        initial = all(row.get("PostHistoryTypeId") in INITIAL for row in group)
        reason = "Original post" if initial else clean(first.get("Comment"))
        revisions.append(
            Revision(
                post_id=post,
                editor_id=ledger.local_id("user", user) if user else None,
                title_before=before[0][:200],
                title_after=after[0][:200],
                body_before=before[1],
                body_after=after[1],
                tags_before=before[2],
                tags_after=after[2],
                reason=f"{reason} (on {ctx.dump.site})"[:200] if reason else "",
            )
        )
    Revision.objects.bulk_create(revisions, batch_size=500)
    # bulk_create stamps auto_now_add fields with the present; the dump's dates go back.
    for revision, (_, group) in zip(revisions, fresh, strict=True):
        revision.created_at = parse_date(group[0].get("CreationDate")) or timezone.now()
    Revision.objects.bulk_update(revisions, ["created_at"], batch_size=500)
    ledger.remember_many(
        KIND, [(_key(group[0]), rev.pk) for rev, (_, group) in zip(revisions, fresh, strict=True)]
    )
    ledger.count(KIND, "imported", len(revisions))


def _apply(before: State, group: list[dict[str, str]]) -> State:
    title, body, tags = before
    for row in group:
        field = INITIAL.get(row.get("PostHistoryTypeId", "")) or EDITS[row["PostHistoryTypeId"]]
        text = clean(row.get("Text"))
        if field == "title":
            title = text
        elif field == "body":
            # History keeps the Markdown source, which CommonMark reads nearly the same.
            body = text
        else:
            tags = " ".join(sorted(parse_tag_list(text)))
    return title, body, tags


def _latest_states(post_ids: set[int]) -> dict[int, State]:
    """Each post's text after its latest imported revision (revisions come in date order)."""
    states: dict[int, State] = {}
    rows = (
        Revision.objects.filter(post_id__in=post_ids)
        .order_by("post_id", "created_at", "pk")
        .values_list("post_id", "title_after", "body_after", "tags_after")
    )
    for post_id, title, body, tags in rows.iterator(chunk_size=500):
        states[post_id] = (title, body, tags)
    return states
