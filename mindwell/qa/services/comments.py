from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from mindwell.core.errors import ServiceError
from mindwell.core.markdown import render_markdown
from mindwell.moderation.screening import screen_post
from mindwell.qa.models import Post, PostKind
from mindwell.qa.services.common import (
    Poster,
    check_not_duplicate,
    check_poster,
    create_once,
    post_created,
)
from mindwell.qa.validation import check_length
from mindwell.siteconfig.models import SiteSettings


def comment_create(
    *, poster: Poster, parent: Post, body: str, submit_token: str | None = None
) -> Post:
    site = SiteSettings.current()
    body = check_length(
        body,
        field="body",
        label=gettext("comment"),
        minimum=site.comment_min_length,
        maximum=site.comment_max_length,
    )
    with transaction.atomic():
        parent = Post.objects.select_for_update().get(pk=parent.pk)
        if parent.kind not in (PostKind.QUESTION, PostKind.ANSWER):
            raise ServiceError(gettext("Comments go on a question or an answer."))
        if not parent.thread_is_published():
            raise ServiceError(gettext("This post is no longer open for comments."))
        if parent.comments_locked or (parent.question_id != parent.pk and _question_locked(parent)):
            raise ServiceError(
                gettext("Comments are locked here, so no new comments can be added.")
            )
        token = check_not_duplicate(submit_token)
        author_fields = check_poster(poster, kind=PostKind.COMMENT, site=site, on=parent)
        screening = screen_post(
            poster=poster,
            kind=PostKind.COMMENT,
            title="",
            body=body,
            category=None,
            question=parent.question,
            site=site,
        )
        now = timezone.now()
        comment = create_once(
            {
                "kind": PostKind.COMMENT,
                "status": screening.status,
                "question_id": parent.question_id,
                "parent": parent,
                "body": screening.body,
                "body_html": render_markdown(screening.body),
                "submit_token": token,
                "created_at": now,
                "activity_at": now,
                **author_fields,
            }
        )
        post_created(post=comment, screening=screening, kind=None)
    return comment


def _question_locked(parent: Post) -> bool:
    return Post.objects.filter(thread_posts=parent, comments_locked=True).exists()
