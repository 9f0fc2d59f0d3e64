"""Who may do what with posts. Views and templates ask here; they never decide themselves.

Every answer comes from the one permission policy (mindwell.reputation.policy), asked with
the post so that levels granted per category count; this module adds only what is about the
post itself: its status, its author, and its category's downvote setting.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext, gettext_lazy

from mindwell.qa.models import Post, PostStatus
from mindwell.reputation import policy
from mindwell.reputation.models import Action
from mindwell.siteconfig.models import SiteSettings

POSTING_ACTIONS = {"Q": Action.ASK, "A": Action.ANSWER, "C": Action.COMMENT}


def is_moderator(user: Any) -> bool:
    """Works the moderation queue: such members are never queued, slowed or rate limited."""
    return policy.allows(user, Action.MODERATE)


def is_restricted(user: Any) -> bool:
    """A suspended, silenced or blocked member can read but not write."""
    return policy.is_restricted(user)


def is_writer(user: Any, post: Post) -> bool:
    """Whether `user` wrote `post`, under their name or anonymously under their pseudonym
    (mindwell.privacy), which must count as theirs for editing and against self-voting."""
    if user is None or not user.is_authenticated:
        return False
    if post.author_id is not None:
        return bool(post.author_id == user.pk)
    from mindwell.privacy.permissions import wrote_anonymously

    return wrote_anonymously(user, post)


def post_refusal(
    user: Any,
    kind: str,
    *,
    site: SiteSettings | None = None,
    category: Any = None,
    on: Post | None = None,
) -> str | None:
    """Why `user` may not post a question, answer or comment (`kind`) in `category`, or on
    the post `on`, or None. Visitors follow the site settings; members the policy's
    ask/answer/comment rules."""
    action = POSTING_ACTIONS[kind]
    if user is not None and user.is_authenticated:
        return policy.refusal(user, action, category=category, post=on)
    if (site or SiteSettings.current()).allows_anonymous(kind):
        return None
    return gettext("Please log in or register to %(VISITOR_VERBS)s.") % {
        "VISITOR_VERBS": policy.VISITOR_VERBS[action]
    }


def can_post(
    user: Any,
    kind: str,
    *,
    site: SiteSettings | None = None,
    category: Any = None,
    on: Post | None = None,
) -> bool:
    return post_refusal(user, kind, site=site, category=category, on=on) is None


OWN_POSTS_ONLY = gettext_lazy("You can edit only your own posts.")


def edit_refusal(user: Any, post: Post) -> str | None:
    """Why `user` may not edit `post`, or None: their own post, or anyone's with the
    edit_others privilege (in the post's category)."""
    if post.status == PostStatus.DELETED:
        return gettext("This post has been deleted, so it cannot be edited.")
    if user is None or not user.is_authenticated:
        return gettext("Please log in to edit.")
    if is_restricted(user):
        return policy.refusal(user, Action.EDIT_OTHERS)
    if is_writer(user, post):
        return None
    refusal = policy.refusal(user, Action.EDIT_OTHERS, post=post)
    return f"{OWN_POSTS_ONLY} {refusal}" if refusal else None


def can_edit(user: Any, post: Post) -> bool:
    """edit_refusal(...) is None, without the refusal's words (asked for every post of a page)."""
    if post.status == PostStatus.DELETED or user is None or not user.is_authenticated:
        return False
    if is_restricted(user):
        return policy.allows(user, Action.EDIT_OTHERS)
    return is_writer(user, post) or policy.allows(user, Action.EDIT_OTHERS, post=post)


def edit_field_refusals(user: Any, post: Post) -> dict[str, str]:
    """The fields of someone else's question that `user` may edit the text of but not change
    (field name -> why): the category needs move_category, the tags retag."""
    if post.kind != "Q" or user is None or is_writer(user, post):
        return {}
    refusals = {
        "category": policy.refusal(user, Action.MOVE_CATEGORY, post=post),
        "tags": policy.refusal(user, Action.RETAG, post=post),
    }
    return {name: refusal for name, refusal in refusals.items() if refusal}


def _votable(user: Any, post: Post) -> bool:
    return (
        user is not None
        and user.is_authenticated
        and post.kind in ("Q", "A")
        and post.status == PostStatus.PUBLISHED
        and not is_writer(user, post)
    )


def vote_refusal(user: Any, post: Post, value: int) -> str | None:
    """The policy's word on a vote up (1) or down (-1); withdrawing one is always allowed."""
    if value == 0:
        return None
    action = Action.VOTE_UP if value > 0 else Action.VOTE_DOWN
    return policy.refusal(user, action, post=post)


def can_vote(user: Any, post: Post) -> bool:
    """May vote `post` up (the vote form shows for this, or for a vote to withdraw)."""
    return _votable(user, post) and policy.allows(user, Action.VOTE_UP, post=post)


DOWNVOTES_OFF = (
    "Downvotes are off for questions in this category, because people ask here for support. "
    "You can upvote the question, or help with an answer."
)


def downvotes_allowed(post: Post) -> bool:
    """Support categories turn off downvotes on questions (the question's own category
    decides; answers can always be voted down). Reads post.category, so load it with the
    post where this is asked for many posts."""
    if post.kind != "Q" or post.category_id is None:
        return True
    return bool(post.category.question_downvotes)  # type: ignore[union-attr]


def can_downvote(user: Any, post: Post) -> bool:
    return (
        _votable(user, post)
        and downvotes_allowed(post)
        and policy.allows(user, Action.VOTE_DOWN, post=post)
    )


def select_best_refusal(user: Any, question: Post) -> str | None:
    """The asker chooses; others need select_best_for_others (in the question's category)."""
    if question.status != PostStatus.PUBLISHED:
        return gettext("This question is not open, so its best answer cannot change.")
    if is_writer(user, question):
        return policy.refusal(user, Action.ASK) if is_restricted(user) else None
    return policy.refusal(user, Action.SELECT_BEST_FOR_OTHERS, post=question)


def can_select_best(user: Any, question: Post) -> bool:
    return select_best_refusal(user, question) is None


def can_view_history(user: Any, post: Post) -> bool:
    return post.status == PostStatus.PUBLISHED or is_moderator(user)
