"""The permission policy: every action's rule, in one place.

Every page, form post, service and template asks `allows()` or `refusal()`; nothing else
compares levels or points. Each action needs a minimum level (site-wide, or granted in the
post's category or one above it) and/or a minimum number of points, combined by the rule's
mode: the level only, the points only, either (Stack Exchange's privileges, earned by points,
stand beside the levels Question2Answer grants), or both.

The defaults below are seeded into `PermissionRule` rows, which administrators edit at run
time (in the admin); an action without a row falls back to its default. Points include the
100 every member starts with (Question2Answer's base), and every point event is multiplied
by ten, so a threshold reads as Question2Answer's, not Stack Exchange's: an answer earns 40,
an upvote on it 20.

    action                  needs    level           points  why
    ask, answer, comment    level    Registered           0  a support forum lets newcomers speak
    vote_up                 level    Registered              as Question2Answer: every member
    vote_down               either   Approved           100  every member at the start (as in
                                                             Question2Answer), but not one whose
                                                             posts were voted below it (as on
                                                             Stack Exchange, where it is earned)
    flag                    level    Registered           0  an at-risk flag must never wait
    edit_others             either   Editor           2,000  Stack Exchange's edit privilege
    retag                   either   Expert             500
    close                   either   Moderator        3,000  Stack Exchange's close privilege
    move_category           level    Editor
    select_best_for_others  level    Moderator               the asker chooses, always
    lock_comments, hide, approve, delete, resolve_flags, merge, convert, moderate (the
    queue), view_dashboard, handle_safety_cases
                            level    Moderator
    send_private_message,
    post_on_wall            either   Moderator          200  trust before reaching someone
    restrict_members, block_members, view_emails, browse_audit_log, manage_levels,
    edit_rules              level    Administrator

Around the rules: visitors without an account may ask, answer or comment only as the site
settings allow (`SiteSettings.anonymous_*` is the one source for them) and nothing else;
silenced, suspended and blocked members are refused every action that writes, whatever the
rules say; a Super Administrator passes every rule, so no edit can lock the site's owners out.

Rules, category grants and the category tree live in one cache entry dropped on every
change, and are remembered on the user object for the rest of the request: after the first
check, a check costs no query.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy, ngettext

from mindwell.reputation.levels import Level, holders, level_label
from mindwell.reputation.models import Action, RuleMode

CACHE_KEY = "reputation:policy:v1"
CACHE_SECONDS = 300
_MEMO = "_mindwell_policy"


@dataclass(frozen=True)
class ActionInfo:
    verb: str | Promise  # "Only moderators can <verb>."
    gerund: str | Promise  # "<Gerund> needs 250 points."
    group: str | Promise
    write: bool = True  # refused to silenced, suspended and blocked members


POSTING, VOTING, IMPROVING = (
    gettext_lazy("Posting"),
    gettext_lazy("Voting and flagging"),
    gettext_lazy("Improving posts"),
)
MODERATION, MEMBERS, ADMINISTRATION = (
    gettext_lazy("Moderation"),
    gettext_lazy("Between members"),
    gettext_lazy("Administration"),
)

CATALOGUE: dict[str, ActionInfo] = {
    Action.ASK: ActionInfo(
        gettext_lazy("ask questions"), gettext_lazy("Asking questions"), POSTING
    ),
    Action.ANSWER: ActionInfo(
        gettext_lazy("answer questions"), gettext_lazy("Answering questions"), POSTING
    ),
    Action.COMMENT: ActionInfo(gettext_lazy("comment"), gettext_lazy("Commenting"), POSTING),
    Action.VOTE_UP: ActionInfo(gettext_lazy("vote up"), gettext_lazy("Voting up"), VOTING),
    Action.VOTE_DOWN: ActionInfo(gettext_lazy("vote down"), gettext_lazy("Voting down"), VOTING),
    Action.FLAG: ActionInfo(gettext_lazy("flag posts"), gettext_lazy("Flagging posts"), VOTING),
    Action.EDIT_OTHERS: ActionInfo(
        gettext_lazy("edit other members’ posts"),
        gettext_lazy("Editing other members’ posts"),
        IMPROVING,
    ),
    Action.RETAG: ActionInfo(
        gettext_lazy("change a question’s tags"), gettext_lazy("Changing tags"), IMPROVING
    ),
    Action.CLOSE: ActionInfo(
        gettext_lazy("close or reopen questions"), gettext_lazy("Closing questions"), IMPROVING
    ),
    Action.MOVE_CATEGORY: ActionInfo(
        gettext_lazy("move questions to another category"),
        gettext_lazy("Moving questions"),
        IMPROVING,
    ),
    Action.LOCK_COMMENTS: ActionInfo(
        gettext_lazy("lock or unlock comments"), gettext_lazy("Locking comments"), IMPROVING
    ),
    Action.SELECT_BEST_FOR_OTHERS: ActionInfo(
        gettext_lazy("choose the best answer to someone else’s question"),
        gettext_lazy("Choosing the best answer for others"),
        IMPROVING,
    ),
    Action.HIDE: ActionInfo(
        gettext_lazy("hide or show posts"), gettext_lazy("Hiding posts"), MODERATION
    ),
    Action.APPROVE: ActionInfo(
        gettext_lazy("approve or reject posts"), gettext_lazy("Approving posts"), MODERATION
    ),
    Action.DELETE: ActionInfo(
        gettext_lazy("delete or restore posts"), gettext_lazy("Deleting posts"), MODERATION
    ),
    Action.RESOLVE_FLAGS: ActionInfo(
        gettext_lazy("uphold or dismiss flags"), gettext_lazy("Resolving flags"), MODERATION
    ),
    Action.MERGE: ActionInfo(
        gettext_lazy("merge questions"), gettext_lazy("Merging questions"), MODERATION
    ),
    Action.CONVERT: ActionInfo(
        gettext_lazy("convert answers to comments"), gettext_lazy("Converting answers"), MODERATION
    ),
    Action.MODERATE: ActionInfo(
        gettext_lazy("use the moderation queue"),
        gettext_lazy("Using the moderation queue"),
        MODERATION,
    ),
    Action.VIEW_DASHBOARD: ActionInfo(
        gettext_lazy("see the moderation dashboard"),
        gettext_lazy("The dashboard"),
        MODERATION,
        write=False,
    ),
    Action.HANDLE_SAFETY_CASES: ActionInfo(
        gettext_lazy("handle safety cases"), gettext_lazy("Handling safety cases"), MODERATION
    ),
    Action.SEND_PRIVATE_MESSAGE: ActionInfo(
        gettext_lazy("send private messages"), gettext_lazy("Sending private messages"), MEMBERS
    ),
    Action.POST_ON_WALL: ActionInfo(
        gettext_lazy("post on members’ walls"), gettext_lazy("Posting on walls"), MEMBERS
    ),
    Action.RESTRICT_MEMBERS: ActionInfo(
        gettext_lazy("restrict members"), gettext_lazy("Restricting members"), ADMINISTRATION
    ),
    Action.BLOCK_MEMBERS: ActionInfo(
        gettext_lazy("block members"), gettext_lazy("Blocking members"), ADMINISTRATION
    ),
    Action.VIEW_EMAILS: ActionInfo(
        gettext_lazy("see members’ email addresses"),
        gettext_lazy("Seeing email addresses"),
        ADMINISTRATION,
        write=False,
    ),
    Action.BROWSE_AUDIT_LOG: ActionInfo(
        gettext_lazy("read the audit log"),
        gettext_lazy("Reading the audit log"),
        ADMINISTRATION,
        write=False,
    ),
    Action.MANAGE_LEVELS: ActionInfo(
        gettext_lazy("change members’ levels"), gettext_lazy("Changing levels"), ADMINISTRATION
    ),
    Action.EDIT_RULES: ActionInfo(
        gettext_lazy("change the permission rules"),
        gettext_lazy("Changing the rules"),
        ADMINISTRATION,
    ),
}

# What a visitor is asked to log in for, and which site setting lets them do it anyway.
VISITOR_KINDS = {Action.ASK: "Q", Action.ANSWER: "A", Action.COMMENT: "C"}
VISITOR_VERBS = {
    Action.ASK: gettext_lazy("ask a question"),
    Action.ANSWER: gettext_lazy("answer"),
    Action.COMMENT: gettext_lazy("comment"),
}


@dataclass(frozen=True)
class Rule:
    min_level: int = Level.REGISTERED
    min_points: int = 0
    mode: str = RuleMode.LEVEL

    def met(self, *, level: int, points: int) -> bool:
        # Asked for every post and action of a page: plain comparisons, no table per call.
        by_level, by_points = level >= self.min_level, points >= self.min_points
        mode = RuleMode(self.mode)
        if mode == RuleMode.LEVEL:
            return by_level
        if mode == RuleMode.POINTS:
            return by_points
        if mode == RuleMode.EITHER:
            return by_level or by_points
        return by_level and by_points

    @property
    def uses_level(self) -> bool:
        return self.mode != RuleMode.POINTS

    @property
    def uses_points(self) -> bool:
        return self.mode != RuleMode.LEVEL

    def describe(self) -> str:
        """What the rule needs, for the privileges page: "500 points or the Expert level"."""
        level = gettext("the %(level)s level") % {"level": level_label(self.min_level)}
        words = {"points": "", "level": level}
        points = ngettext("%(count)s point", "%(count)s points", self.min_points) % {
            "count": f"{self.min_points:,}"
        }
        return {
            RuleMode.LEVEL: level,
            RuleMode.POINTS: points,
            RuleMode.EITHER: gettext("%(points)s or %(level)s") % {**words, "points": points},
            RuleMode.BOTH: gettext("%(level)s and %(points)s") % {**words, "points": points},
        }[RuleMode(self.mode)]


def _level(level: int) -> Rule:
    return Rule(min_level=level)


def _either(level: int, points: int) -> Rule:
    return Rule(min_level=level, min_points=points, mode=RuleMode.EITHER)


DEFAULTS: dict[str, Rule] = {
    Action.ASK: _level(Level.REGISTERED),
    Action.ANSWER: _level(Level.REGISTERED),
    Action.COMMENT: _level(Level.REGISTERED),
    Action.VOTE_UP: _level(Level.REGISTERED),
    Action.VOTE_DOWN: _either(Level.APPROVED, 100),
    Action.FLAG: _level(Level.REGISTERED),
    Action.EDIT_OTHERS: _either(Level.EDITOR, 2000),
    Action.RETAG: _either(Level.EXPERT, 500),
    Action.CLOSE: _either(Level.MODERATOR, 3000),
    Action.MOVE_CATEGORY: _level(Level.EDITOR),
    Action.LOCK_COMMENTS: _level(Level.MODERATOR),
    Action.SELECT_BEST_FOR_OTHERS: _level(Level.MODERATOR),
    Action.HIDE: _level(Level.MODERATOR),
    Action.APPROVE: _level(Level.MODERATOR),
    Action.DELETE: _level(Level.MODERATOR),
    Action.RESOLVE_FLAGS: _level(Level.MODERATOR),
    Action.MERGE: _level(Level.MODERATOR),
    Action.CONVERT: _level(Level.MODERATOR),
    Action.MODERATE: _level(Level.MODERATOR),
    Action.VIEW_DASHBOARD: _level(Level.MODERATOR),
    Action.HANDLE_SAFETY_CASES: _level(Level.MODERATOR),
    Action.SEND_PRIVATE_MESSAGE: _either(Level.MODERATOR, 200),
    Action.POST_ON_WALL: _either(Level.MODERATOR, 200),
    Action.RESTRICT_MEMBERS: _level(Level.ADMINISTRATOR),
    Action.BLOCK_MEMBERS: _level(Level.ADMINISTRATOR),
    Action.VIEW_EMAILS: _level(Level.ADMINISTRATOR),
    Action.BROWSE_AUDIT_LOG: _level(Level.ADMINISTRATOR),
    Action.MANAGE_LEVELS: _level(Level.ADMINISTRATOR),
    Action.EDIT_RULES: _level(Level.ADMINISTRATOR),
}


@dataclass
class Snapshot:
    """What the policy reads: the rules, category grants by member, the category tree."""

    rules: dict[str, Rule]
    grants: dict[int, dict[int, int]]  # user id -> category id -> level
    parents: dict[int, int | None]  # category id -> parent id (empty when nobody has grants)
    generation: int = 0
    question_categories: dict[int, int | None] = field(default_factory=dict)

    def rule(self, action: str) -> Rule:
        return self.rules.get(action) or DEFAULTS[action]


# Bumped on every change this process makes, so a user object that remembered an older
# snapshot (in a test, or a long task) reads the new one at once.
_generation = 0


def _load() -> Snapshot:
    from mindwell.reputation.models import CategoryLevel, PermissionRule
    from mindwell.taxonomy.models import Category

    rules = {
        row.action: Rule(min_level=row.min_level, min_points=row.min_points, mode=row.mode)
        for row in PermissionRule.objects.all()
    }
    grants: dict[int, dict[int, int]] = {}
    for user_id, category_id, level in CategoryLevel.objects.values_list(
        "user_id", "category_id", "level"
    ):
        grants.setdefault(user_id, {})[category_id] = level
    parents: dict[int, int | None] = {}
    if grants:  # the tree matters only to members holding a category level
        parents = dict(Category.objects.values_list("pk", "parent_id"))
    return Snapshot(rules=rules, grants=grants, parents=parents)


def snapshot(user: Any = None) -> Snapshot:
    memo = getattr(user, _MEMO, None) if user is not None else None
    if memo is not None and memo.generation == _generation:
        return memo  # type: ignore[no-any-return]
    current = cache.get(CACHE_KEY)
    if current is None:
        current = _load()
        cache.set(CACHE_KEY, current, timeout=CACHE_SECONDS)
    current.generation = _generation
    current.question_categories = {}
    if user is not None:
        setattr(user, _MEMO, current)
    return current  # type: ignore[no-any-return]


def invalidate() -> None:
    """Forget the cached rules and grants now and again after the commit, so no process
    keeps what a rolled-back or concurrent transaction saw."""
    global _generation
    _generation += 1
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def rule_for(action: str) -> Rule:
    return snapshot().rule(action)


def is_restricted(user: Any) -> bool:
    """Silenced, suspended or blocked: can read, cannot write."""
    return bool(
        user is not None
        and user.is_authenticated
        and (user.is_blocked or user.is_suspended() or user.is_silenced())
    )


def _category_id(snap: Snapshot, category: Any, post: Any) -> int | None:
    if category is not None:
        return int(getattr(category, "pk", category))
    if post is None:
        return None
    if post.kind == "Q" or post.question_id is None:
        return post.category_id  # type: ignore[no-any-return]
    if post._state.fields_cache.get("question") is not None:
        return post.question.category_id  # type: ignore[no-any-return]
    if post.question_id not in snap.question_categories:
        from mindwell.qa.models import Post

        snap.question_categories[post.question_id] = (
            Post.objects.filter(pk=post.question_id).values_list("category_id", flat=True).first()
        )
    return snap.question_categories[post.question_id]


def effective_level(user: Any, *, category: Any = None, post: Any = None) -> int:
    """The member's level site-wide, raised by a grant in the category (of the post) or in
    any category above it."""
    if user is None or not user.is_authenticated:
        return -1
    level = int(user.level)
    snap = snapshot(user)
    grants = snap.grants.get(user.pk)
    if not grants:
        return level
    node = _category_id(snap, category, post)
    for _ in range(20):  # the tree is shallow; the bound only guards against a cycle
        if node is None:
            break
        level = max(level, grants.get(node, level))
        node = snap.parents.get(node)
    return level


def _visitor_refusal(action: str) -> str | None:
    kind = VISITOR_KINDS.get(Action(action))
    if kind is not None:
        from mindwell.siteconfig.models import SiteSettings

        if SiteSettings.current().allows_anonymous(kind):
            return None
    verb = VISITOR_VERBS.get(Action(action)) or CATALOGUE[action].verb
    return gettext("Please log in or register to %(verb)s.") % {"verb": verb}


def refusal(user: Any, action: str, *, category: Any = None, post: Any = None) -> str | None:
    """Why `user` may not do `action` (in `category`, or the category of `post`), in words fit
    to show them; None when they may."""
    info = CATALOGUE[action]
    if user is None or not user.is_authenticated:
        return _visitor_refusal(action)
    if not user.is_active:
        return gettext("Your account is not active, so you cannot %(verb)s.") % {"verb": info.verb}
    if info.write and is_restricted(user):
        from mindwell.moderation.screening import restriction_message

        return restriction_message(user) or gettext(
            "Your account cannot %(verb)s at the moment."
        ) % {"verb": info.verb}
    rule = _unmet_rule(user, action, category=category, post=post)
    return None if rule is None else _shortfall(rule, info, int(user.points))


def _unmet_rule(user: Any, action: str, *, category: Any, post: Any) -> Rule | None:
    """For an active, unrestricted member: the rule of `action` they do not meet, or None."""
    if int(user.level) >= Level.SUPER_ADMINISTRATOR:
        return None
    rule = snapshot(user).rule(action)
    points = int(user.points)
    level = int(user.level)
    if not rule.met(level=level, points=points) and rule.uses_level:
        level = effective_level(user, category=category, post=post)
    return None if rule.met(level=level, points=points) else rule


def _shortfall(rule: Rule, info: ActionInfo, points: int) -> str:
    if rule.mode == RuleMode.LEVEL:
        return gettext("Only %(holders)s can %(verb)s.") % {
            "holders": holders(rule.min_level),
            "verb": info.verb,
        }
    if rule.mode == RuleMode.POINTS:
        return gettext("%(gerund)s needs %(min_points)s points; you have %(points)s.") % {
            "gerund": info.gerund,
            "min_points": f"{rule.min_points:,}",
            "points": f"{points:,}",
        }
    have = ngettext("you have %(points)s point.", "you have %(points)s points.", points) % {
        "points": f"{points:,}"
    }
    return gettext("%(gerund)s needs %(needs)s; %(have)s") % {
        "gerund": info.gerund,
        "needs": rule.describe(),
        "have": have,
    }


def allows(user: Any, action: str, *, category: Any = None, post: Any = None) -> bool:
    """refusal(...) is None, without writing the refusal's words: a page asks this for every
    post and action (vote, edit, flag, each moderation tool), and most answers are no."""
    if user is None or not user.is_authenticated:
        return _visitor_refusal(action) is None
    if not user.is_active or (CATALOGUE[action].write and is_restricted(user)):
        return False
    return _unmet_rule(user, action, category=category, post=post) is None


def connect_signals() -> None:
    """Called once from the app config: any change to what the snapshot holds drops it."""
    from django.db.models.signals import post_delete, post_save

    from mindwell.reputation.models import CategoryLevel, PermissionRule
    from mindwell.taxonomy.models import Category

    for model in (PermissionRule, CategoryLevel, Category):
        post_save.connect(
            _changed,
            sender=model,
            dispatch_uid=f"policy-{model.__name__}-save",
        )
        post_delete.connect(
            _changed,
            sender=model,
            dispatch_uid=f"policy-{model.__name__}-del",
        )


def _changed(**kwargs: Any) -> None:
    invalidate()
