"""Points: Question2Answer's scheme becomes ours, and our ledger recomputes every total.

Question2Answer stores each member's points (qa_userpoints.points), computed from counts
and its `points_*` options. Rather than copy the numbers, the import copies the options into
our points settings, records each member's bonus (the one thing not derived from content)
as a ledger event, runs our own recalculation over the imported posts, votes and selections,
and then checks every member's total against what Question2Answer showed. A difference is
reported with the member and the amount: it means our rules do not yet say what theirs did.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from mindwell.importers.q2a.context import Context
from mindwell.reputation.models import EventKind, PointsEvent, PointsSettings
from mindwell.reputation.recalculation import points_recalculate

# Question2Answer option -> our setting.
OPTIONS = {
    "points_base": "base",
    "points_multiple": "multiple",
    "points_post_q": "post_question",
    "points_post_a": "post_answer",
    "points_select_a": "select_answer",
    "points_a_selected": "answer_selected",
    "points_vote_up_q": "vote_up_question",
    "points_vote_down_q": "vote_down_question",
    "points_vote_up_a": "vote_up_answer",
    "points_vote_down_a": "vote_down_answer",
    "points_per_q_voted_up": "per_question_voted_up",
    "points_per_q_voted_down": "per_question_voted_down",
    "points_q_voted_max_gain": "question_voted_max_gain",
    "points_q_voted_max_loss": "question_voted_max_loss",
    "points_per_a_voted_up": "per_answer_voted_up",
    "points_per_a_voted_down": "per_answer_voted_down",
    "points_a_voted_max_gain": "answer_voted_max_gain",
    "points_a_voted_max_loss": "answer_voted_max_loss",
}
# Options of Question2Answer before 1.5, read when the newer ones are empty.
LEGACY = {
    "points_per_q_voted_up": "points_per_q_voted",
    "points_per_q_voted_down": "points_per_q_voted",
    "points_per_a_voted_up": "points_per_a_voted",
    "points_per_a_voted_down": "points_per_a_voted",
    "points_vote_up_q": "points_vote_on_q",
    "points_vote_down_q": "points_vote_on_q",
    "points_vote_up_a": "points_vote_on_a",
    "points_vote_down_a": "points_vote_on_a",
}
# Question2Answer gives nothing for votes on comments unless these are set; we never do.
COMMENT_OPTIONS = ("points_per_c_voted_up", "points_per_c_voted_down")


def _number(options: dict[str, str], name: str) -> int | None:
    for key in (name, LEGACY.get(name, "")):
        text = str(options.get(key, "")).strip()
        if text.lstrip("-").isdigit():
            return int(text)
    return None


def import_points_settings(ctx: Context) -> None:
    settings = PointsSettings.objects.get_or_create(pk=1)[0]
    for option, field in OPTIONS.items():
        value = _number(ctx.options, option)
        if value is None:
            continue
        if value < 0:
            ctx.ledger.skip("points setting", option, f"{value} is negative; 0 used")
            value = 0
        setattr(settings, field, value)
    settings.votes_received_daily_cap = 0  # Question2Answer has no daily limit
    # Question2Answer's own rules, where ours differ by default (mindwell.reputation.rules).
    settings.hidden_posts_keep_votes = 1
    settings.select_any_answer = 1
    for option in COMMENT_OPTIONS:
        if (_number(ctx.options, option) or 0) != 0:
            ctx.ledger.skip(
                "points setting", option, "points for votes on comments do not exist here"
            )
    settings.save()
    ctx.say("  points settings copied from Question2Answer")


def import_bonuses(ctx: Context) -> None:
    """qa_userpoints.bonus: points an administrator gave, kept as one bonus event each."""
    users = ctx.ledger.known("user")
    sql = f"SELECT userid, bonus FROM {ctx.t('userpoints')} WHERE bonus <> 0"  # noqa: S608
    rows = [
        (users.get(str(r["userid"])), int(r["bonus"]), r["userid"]) for r in ctx.source.rows(sql)
    ]
    known = ctx.ledger.known("bonus")
    with transaction.atomic():
        made = [
            (ext, PointsEvent(user_id=user, kind=EventKind.BONUS, points=bonus))
            for user, bonus, ext in rows
            if user is not None and str(ext) not in known
        ]
        PointsEvent.objects.bulk_create([event for _, event in made])
        ctx.ledger.remember_many("bonus", [(ext, event.pk) for ext, event in made])
        ctx.ledger.count("bonus points", "imported", len(made))


def recalculate_and_check(ctx: Context) -> None:
    result = points_recalculate()
    ctx.say(f"  points: {result.summary()}")
    users = ctx.ledger.known("user")
    sql = f"SELECT userid, points FROM {ctx.t('userpoints')}"  # noqa: S608
    wanted = {
        users[str(r["userid"])]: int(r["points"])
        for r in ctx.source.rows(sql)
        if str(r["userid"]) in users
    }
    have = dict(get_user_model().objects.filter(pk__in=list(wanted)).values_list("pk", "points"))
    same = 0
    for pk, points in wanted.items():
        if have.get(pk) == points:
            same += 1
        else:
            ctx.ledger.skip(
                "points", pk, f"Question2Answer showed {points}, our ledger gives {have.get(pk)}"
            )
    ctx.ledger.count("points", "equal to Question2Answer's", same)
    ctx.ledger.checkpoint()
