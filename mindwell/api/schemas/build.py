"""Posts as the API shows them. Everything a reader sees of a writer goes through
`author_out`: a member's username, or the name an anonymous writer chose; never an email,
an address, or the member behind a pseudonym."""

from __future__ import annotations

from typing import Any

from mindwell.importers.selectors import Attributions, attribution_out, attributions_for
from mindwell.qa.models import Post, PostKind, RiskLevel
from mindwell.qa.selectors import Thread

KIND_NAMES = {PostKind.QUESTION: "question", PostKind.ANSWER: "answer", PostKind.COMMENT: "comment"}


def author_out(post: Post) -> dict[str, Any]:
    if post.author_id is not None and post.author is not None:
        username = post.author.username
        return {
            "username": username,
            "display_name": username,
            "anonymous": False,
            "url": post.author.get_absolute_url(),
        }
    return {
        "username": None,
        "display_name": post.anon_name or "anonymous",
        "anonymous": True,
        "url": None,
    }


def category_ref(category: Any) -> dict[str, Any] | None:
    if category is None:
        return None
    return {"id": category.pk, "slug": category.slug, "name": category.name}


def question_summary(post: Post, *, attributions: Attributions) -> dict[str, Any]:
    """`attributions`: the page's, from one `attributions_for` call."""
    return {
        "id": post.pk,
        "title": post.title,
        "url": post.get_absolute_url(),
        "status": post.status,
        "author": author_out(post),
        "category": category_ref(post.category),
        "tags": [tag.name for tag in post.tags.all()],
        "score": post.score,
        "answer_count": post.answer_count,
        "comment_count": post.comment_count,
        "view_count": post.view_count,
        "has_best_answer": post.best_answer_id is not None,
        "is_closed": post.is_closed,
        "content_warning": post.content_warning,
        "created_at": post.created_at,
        "activity_at": post.activity_at,
        "attribution": attribution_out(attributions.get(post.pk)),
    }


def post_out(
    post: Post, *, votes: dict[int, int] | None = None, attributions: Attributions | None = None
) -> dict[str, Any]:
    """`attributions`: loaded for a whole page of posts; None looks this one post up."""
    editor = post.edited_by
    if attributions is None:
        attributions = attributions_for([post])
    return {
        "id": post.pk,
        "kind": KIND_NAMES[PostKind(post.kind)],
        "question_id": post.question_id or post.pk,
        "parent_id": post.parent_id,
        "url": post.get_absolute_url(),
        "status": post.status,
        "author": author_out(post),
        "title": post.title if post.kind == PostKind.QUESTION else "",
        "body": post.body,
        "body_html": post.body_html,
        "content_warning": post.content_warning,
        "score": post.score,
        "created_at": post.created_at,
        "edited_at": post.edited_at,
        "edited_by": (
            {"username": editor.username, "url": editor.get_absolute_url()} if editor else None
        ),
        "viewer_vote": (votes or {}).get(post.pk, 0),
        "attribution": attribution_out(attributions.get(post.pk)),
    }


def question_detail(thread: Thread) -> dict[str, Any]:
    question, votes = thread.question, thread.viewer_votes
    comments = [c for replies in thread.comments.values() for c in replies]
    attributions = attributions_for([question, *thread.answers, *comments])

    def comments_on(post: Post) -> list[dict[str, Any]]:
        return [
            post_out(c, votes=votes, attributions=attributions)
            for c in thread.comments.get(post.pk, [])
        ]

    return {
        **post_out(question, votes=votes, attributions=attributions),
        "category": category_ref(question.category),
        "tags": [tag.name for tag in question.tags.all()],
        "answer_count": question.answer_count,
        "comment_count": question.comment_count,
        "view_count": question.view_count,
        "best_answer_id": question.best_answer_id,
        "is_closed": question.is_closed,
        "close_reason": question.close_reason,
        "comments": comments_on(question),
        "answers": [
            {
                **post_out(answer, votes=votes, attributions=attributions),
                "is_best": answer.pk == question.best_answer_id,
                "comments": comments_on(answer),
            }
            for answer in thread.answers
        ],
    }


def support_for(post: Post, *, user: Any) -> dict[str, Any] | None:
    """The crisis lines a writer sees after posting something that reads as a crisis (the
    site's panel; the assessment itself ran in the post service)."""
    if post.risk_level not in (RiskLevel.ELEVATED, RiskLevel.CRISIS):
        return None
    from mindwell.safety.selectors import resources_for
    from mindwell.siteconfig.models import SiteSettings

    country = (user.crisis_country or SiteSettings.current().crisis_country).upper()
    resources = resources_for(country)
    return {
        "level": post.risk_level,
        "country": resources.country,
        "lines": [
            {
                "name": line.name,
                "phone": line.phone,
                "text_line": line.text_line,
                "url": line.url,
                "hours": line.hours,
            }
            for line in resources.lines
        ],
    }


def post_brief(post: Post, *, attributions: Attributions) -> dict[str, Any]:
    """`attributions`: the page's, from one `attributions_for` call."""
    question = post.question if post.question_id not in (None, post.pk) else post
    return {
        "id": post.pk,
        "kind": KIND_NAMES[PostKind(post.kind)],
        "question_id": post.question_id or post.pk,
        "title": question.title if question is not None else "",
        "url": post.get_absolute_url(),
        "author": author_out(post),
        "created_at": post.created_at,
        "attribution": attribution_out(attributions.get(post.pk)),
    }


def user_out(user: Any) -> dict[str, Any]:
    from mindwell.reputation.levels import level_label

    return {
        "username": user.username,
        "url": user.get_absolute_url(),
        "points": user.points,
        "level": level_label(user.level),
        "about": user.about,
        "location": user.location,
        "website": user.website,
        "pronouns": user.pronouns,
        "joined_at": user.date_joined,
    }
