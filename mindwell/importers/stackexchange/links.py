"""PostLinks.xml -> duplicates; Badges.xml is read only to report it.

A duplicate link (LinkTypeId 3) marks the question as a duplicate of the other one, as
the moderators' "duplicate" action does. Plain links between questions have no place
here. Badges are not brought over: Mindwell awards its own, by its own rules, from what
members did (`mindwell award_badges --all` checks the imported members too).
"""

from __future__ import annotations

from mindwell.importers.stackexchange.batches import ImportContext, in_batches
from mindwell.qa.models import Post, PostKind

DUPLICATE = "3"
LINK_TYPES = {"1": "a link between questions"}


def import_links(ctx: ImportContext) -> None:
    if not ctx.dump.has("PostLinks.xml"):
        return
    in_batches(ctx, "post links", ctx.dump.rows("PostLinks.xml"), lambda rows: _batch(ctx, rows))


def _batch(ctx: ImportContext, rows: list[dict[str, str]]) -> None:
    ledger = ctx.ledger
    pairs: dict[int, int] = {}
    for row in rows:
        external_id = row.get("Id", "?")
        kind = row.get("LinkTypeId", "")
        if kind != DUPLICATE:
            reason = LINK_TYPES.get(kind, f"link type {kind or 'missing'}")
            ledger.skip("post link", external_id, f"{reason}: Mindwell keeps duplicates only")
            continue
        post = ledger.local_id("post", row.get("PostId", ""))
        original = ledger.local_id("post", row.get("RelatedPostId", ""))
        if post is None or original is None or post == original:
            ledger.skip("duplicate", external_id, "one of its questions was not imported")
            continue
        pairs[post] = original
    if not pairs:
        return
    questions = Post.objects.filter(kind=PostKind.QUESTION)
    current = dict(questions.filter(pk__in=pairs).values_list("pk", "duplicate_of_id"))
    kinds_ok = set(questions.filter(pk__in=pairs.values()).values_list("pk", flat=True))
    for post, original in pairs.items():
        if post not in current or original not in kinds_ok:
            ledger.skip(
                "duplicate", f"{post}->{original}", "a duplicate link between non-questions"
            )
        elif current[post] == original:
            ledger.count("duplicate", "already")
        else:
            questions.filter(pk=post).update(duplicate_of_id=original)
            ledger.count("duplicate", "imported")


def report_badges(ctx: ImportContext) -> None:
    if not ctx.dump.has("Badges.xml"):
        return

    def skip(rows: list[dict[str, str]]) -> None:
        for row in rows:
            ctx.ledger.skip("badge", row.get("Id", "?"), "Mindwell awards its own badges")

    in_batches(ctx, "badges", ctx.dump.rows("Badges.xml"), skip)
