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
from mindwell.qa.validation import check_length, clean_text, parse_tags
from mindwell.reputation.models import EventKind
from mindwell.siteconfig.models import SiteSettings
from mindwell.taxonomy.models import Category
from mindwell.taxonomy.services import tags_attach


def check_category(category_id: int | str | None) -> Category:
    if category_id in (None, ""):
        raise ServiceError(gettext("Please choose a category."), field="category")
    try:
        return Category.objects.get(pk=int(category_id))  # type: ignore[arg-type]
    except (Category.DoesNotExist, ValueError, TypeError):
        raise ServiceError(
            gettext(
                "That category does not exist (it may have been removed); please choose another."
            ),
            field="category",
        ) from None


def question_create(
    *,
    poster: Poster,
    title: str,
    body: str,
    category_id: int | str | None,
    tags: str | list[str] = "",
    asked_from: Post | None = None,
    submit_token: str | None = None,
    content_warning: str = "",
) -> Post:
    site = SiteSettings.current()
    title = check_length(
        title,
        field="title",
        label=gettext("title"),
        minimum=site.title_min_length,
        maximum=site.title_max_length,
    )
    body = clean_text(body)
    if len(body) > site.question_body_max_length:
        raise ServiceError(
            f"The question’s details are too long: {len(body):,} characters, the most is "
            f"{site.question_body_max_length:,}.",
            field="body",
        )
    category = check_category(category_id)
    content_warning = check_content_warning(content_warning)
    tag_names = parse_tags(tags, site=site)
    if asked_from is not None and (
        asked_from.kind != PostKind.ANSWER or asked_from.status != PostStatus.PUBLISHED
    ):
        raise ServiceError(gettext("The answer you are following up on is no longer available."))

    with transaction.atomic():
        token = check_not_duplicate(submit_token)
        author_fields = check_poster(poster, kind=PostKind.QUESTION, site=site, category=category)
        screening = screen_post(
            poster=poster,
            kind=PostKind.QUESTION,
            title=title,
            body=body,
            category=category,
            site=site,
        )
        now = timezone.now()
        question = create_once(
            {
                "kind": PostKind.QUESTION,
                "status": screening.status,
                "title": screening.title,
                "body": screening.body,
                "body_html": render_markdown(screening.body),
                "category": category,
                "content_warning": content_warning,
                "asked_from": asked_from,
                "submit_token": token,
                "created_at": now,
                "activity_at": now,
                **author_fields,
            }
        )
        Post.objects.filter(pk=question.pk).update(question=question)
        question.question = question
        tags_attach(question=question, names=tag_names, count=False)
        post_created(post=question, screening=screening, kind=EventKind.QUESTION_POSTED)
    return question


def question_touch(question_id: int) -> None:
    """Record activity on a question thread (used by the lists that sort by activity)."""
    Post.objects.filter(pk=question_id).update(activity_at=timezone.now())
