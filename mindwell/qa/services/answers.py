from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from mindwell.core.errors import ServiceError
from mindwell.core.markdown import render_markdown
from mindwell.moderation.screening import screen_post
from mindwell.qa.models import Post, PostKind, PostStatus
from mindwell.qa.services.common import (
    Poster,
    check_content_warning,
    check_not_duplicate,
    check_poster,
    create_once,
    post_created,
)
from mindwell.qa.validation import check_length
from mindwell.reputation.models import EventKind
from mindwell.siteconfig.models import SiteSettings


def answer_create(
    *,
    poster: Poster,
    question: Post,
    body: str,
    submit_token: str | None = None,
    content_warning: str = "",
) -> Post:
    site = SiteSettings.current()
    body = check_length(
        body,
        field="body",
        label=gettext("answer"),
        minimum=site.answer_min_length,
        maximum=site.answer_max_length,
    )
    with transaction.atomic():
        question = Post.objects.select_for_update().get(pk=question.pk)
        if question.kind != PostKind.QUESTION or question.status != PostStatus.PUBLISHED:
            raise ServiceError(gettext("This question is no longer open for answers."))
        if question.is_closed:
            raise ServiceError(gettext("This question is closed, so it takes no new answers."))
        token = check_not_duplicate(submit_token)
        author_fields = check_poster(poster, kind=PostKind.ANSWER, site=site, on=question)
        screening = screen_post(
            poster=poster,
            kind=PostKind.ANSWER,
            title="",
            body=body,
            category=question.category,
            question=question,
            site=site,
        )
        now = timezone.now()
        answer = create_once(
            {
                "kind": PostKind.ANSWER,
                "status": screening.status,
                "question": question,
                "parent": question,
                "body": screening.body,
                "body_html": render_markdown(screening.body),
                "content_warning": check_content_warning(content_warning),
                "submit_token": token,
                "created_at": now,
                "activity_at": now,
                **author_fields,
            }
        )
        post_created(post=answer, screening=screening, kind=EventKind.ANSWER_POSTED)
    return answer
