from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from mindwell.core.errors import ServiceError
from mindwell.core.markdown import render_markdown
from mindwell.qa.models import Post, PostKind
from mindwell.qa.services.common import Poster, check_not_duplicate, check_poster, create_once
from mindwell.qa.validation import check_length
from mindwell.siteconfig.models import SiteSettings


def comment_create(
    *, poster: Poster, parent: Post, body: str, submit_token: str | None = None
) -> Post:
    site = SiteSettings.current()
    body = check_length(
        body,
        field="body",
        label="comment",
        minimum=site.comment_min_length,
        maximum=site.comment_max_length,
    )
    with transaction.atomic():
        parent = Post.objects.select_for_update().get(pk=parent.pk)
        if parent.kind not in (PostKind.QUESTION, PostKind.ANSWER):
            raise ServiceError("Comments go on a question or an answer.")
        if not parent.thread_is_published():
            raise ServiceError("This post is no longer open for comments.")
        token = check_not_duplicate(submit_token)
        author_fields = check_poster(poster, kind=PostKind.COMMENT, site=site)
        now = timezone.now()
        comment = create_once(
            {
                "kind": PostKind.COMMENT,
                "question_id": parent.question_id,
                "parent": parent,
                "body": body,
                "body_html": render_markdown(body),
                "submit_token": token,
                "created_at": now,
                "activity_at": now,
                **author_fields,
            }
        )
        Post.objects.filter(pk=parent.pk).update(comment_count=F("comment_count") + 1)
        Post.objects.filter(question_id=parent.question_id, kind=PostKind.QUESTION).update(
            activity_at=now
        )
    return comment
