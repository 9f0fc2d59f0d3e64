from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from mindwell.core.errors import ServiceError
from mindwell.core.markdown import render_markdown
from mindwell.qa.models import Post, PostKind, PostStatus
from mindwell.qa.services.common import Poster, check_not_duplicate, check_poster, create_once
from mindwell.qa.validation import check_length
from mindwell.reputation.models import EventKind
from mindwell.reputation.rules import current_rules
from mindwell.reputation.services import points_add
from mindwell.siteconfig.models import SiteSettings


def answer_create(
    *, poster: Poster, question: Post, body: str, submit_token: str | None = None
) -> Post:
    site = SiteSettings.current()
    body = check_length(
        body,
        field="body",
        label="answer",
        minimum=site.answer_min_length,
        maximum=site.answer_max_length,
    )
    with transaction.atomic():
        question = Post.objects.select_for_update().get(pk=question.pk)
        if question.kind != PostKind.QUESTION or question.status != PostStatus.PUBLISHED:
            raise ServiceError("This question is no longer open for answers.")
        token = check_not_duplicate(submit_token)
        author_fields = check_poster(poster, kind=PostKind.ANSWER, site=site)
        now = timezone.now()
        answer = create_once(
            {
                "kind": PostKind.ANSWER,
                "question": question,
                "parent": question,
                "body": body,
                "body_html": render_markdown(body),
                "submit_token": token,
                "created_at": now,
                "activity_at": now,
                **author_fields,
            }
        )
        Post.objects.filter(pk=question.pk).update(
            answer_count=F("answer_count") + 1, activity_at=now
        )
        points_add(
            user_id=answer.author_id,
            kind=EventKind.ANSWER_POSTED,
            points=current_rules().answer_posted(),
            post_id=answer.pk,
        )
    return answer
