from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from mindwell.badges.tasks import enqueue_badge_check
from mindwell.core.errors import PermissionDenied, ServiceError
from mindwell.core.markdown import render_markdown
from mindwell.moderation.screening import screen_post, screening_after_create
from mindwell.notifications import events as notification_events
from mindwell.qa import permissions
from mindwell.qa.models import Post, PostKind, PostStatus, Revision
from mindwell.qa.services.common import Poster, check_content_warning
from mindwell.qa.services.publication import post_set_status
from mindwell.qa.services.questions import check_category
from mindwell.qa.validation import check_length, clean_text, parse_tags
from mindwell.safety.services import post_assess
from mindwell.search.indexing import search_index_post
from mindwell.seo.services import old_slug_record
from mindwell.siteconfig.models import SiteSettings
from mindwell.taxonomy.services import category_count_add, tags_attach


def _check_body(post: Post, body: str, site: SiteSettings) -> str:
    if post.kind == PostKind.QUESTION:
        body = clean_text(body)
        if len(body) > site.question_body_max_length:
            raise ServiceError(
                f"The question’s details are too long: the most is "
                f"{site.question_body_max_length:,} characters.",
                field="body",
            )
        return body
    label, low, high = {
        PostKind.ANSWER: ("answer", site.answer_min_length, site.answer_max_length),
        PostKind.COMMENT: ("comment", site.comment_min_length, site.comment_max_length),
    }[PostKind(post.kind)]
    return check_length(body, field="body", label=label, minimum=low, maximum=high)


def post_edit(
    *,
    post: Post,
    editor: Any,
    body: str,
    title: str | None = None,
    category_id: int | str | None = None,
    tags: str | list[str] | None = None,
    reason: str = "",
    content_warning: str | None = None,
    ip: str | None = None,
) -> Post:
    """Change a post and keep the old text as a revision. Only what a question has (title,
    category, tags) is read for questions."""
    refusal = permissions.edit_refusal(editor, post)
    if refusal:
        raise PermissionDenied(refusal)
    site = SiteSettings.current()
    new_body = _check_body(post, body, site)
    is_question = post.kind == PostKind.QUESTION
    with transaction.atomic():
        post = (
            Post.objects.select_for_update(of=("self",)).select_related("category").get(pk=post.pk)
        )
        old_tags = " ".join(sorted(t.name for t in post.tags.all())) if is_question else ""
        new_title, new_category, new_tags = post.title, post.category, old_tags.split()
        if is_question:
            new_title = check_length(
                title if title is not None else post.title,
                field="title",
                label=gettext("title"),
                minimum=site.title_min_length,
                maximum=site.title_max_length,
            )
            if category_id not in (None, ""):
                new_category = check_category(category_id)
            if tags is not None:
                new_tags = parse_tags(tags, site=site)
        tags_text = " ".join(sorted(new_tags))
        locked = permissions.edit_field_refusals(editor, post)
        if "category" in locked and new_category != post.category:
            raise PermissionDenied(locked["category"], field="category")
        if "tags" in locked and tags_text != old_tags:
            raise PermissionDenied(locked["tags"], field="tags")
        new_warning = (
            post.content_warning
            if content_warning is None
            else check_content_warning(content_warning)
        )
        unchanged = (
            new_body == post.body
            and new_title == post.title
            and new_category == post.category
            and tags_text == old_tags
            and new_warning == post.content_warning
        )
        if unchanged:
            raise ServiceError(gettext("Nothing was changed, so there is nothing to save."))
        screening = screen_post(
            poster=Poster(user=editor, ip=ip),
            kind=post.kind,
            title=new_title,
            body=new_body,
            category=new_category,
            question=post.question,
            site=site,
            editing=post,
        )
        new_title, new_body = screening.title, screening.body
        # The writer of an anonymous post edits it anonymously: naming them as the editor
        # would show everyone who wrote it.
        anonymous_writer = post.author_id is None and permissions.is_writer(editor, post)
        shown_editor = None if anonymous_writer else editor
        Revision.objects.create(
            post=post,
            editor=shown_editor,
            title_before=post.title,
            title_after=new_title,
            body_before=post.body,
            body_after=new_body,
            tags_before=old_tags,
            tags_after=tags_text,
            category_before=post.category.name if post.category else "",
            category_after=new_category.name if new_category else "",
            reason=clean_text(reason)[:200],
        )
        published = post.status == PostStatus.PUBLISHED
        if is_question and published and new_category != post.category:
            category_count_add(category=post.category, delta=-1)
            category_count_add(category=new_category, delta=1)
        if is_question and tags_text != old_tags:
            tags_attach(question=post, names=new_tags, count=published)
        now = timezone.now()
        if is_question and new_title != post.title:
            old_slug_record(question=post, old_title=post.title, new_title=new_title)
        post.title, post.body, post.category = new_title, new_body, new_category
        post.body_html = render_markdown(new_body)
        post.content_warning = new_warning
        post.edited_at, post.edited_by = now, shown_editor
        post.save(
            update_fields=[
                "title",
                "body",
                "body_html",
                "category",
                "content_warning",
                "edited_at",
                "edited_by",
            ]
        )
        if screening.queued and post.status == PostStatus.PUBLISHED:
            post_set_status(post=post, status=PostStatus.QUEUED)
        post_assess(post=post)
        screening_after_create(post=post, screening=screening)
        notification_events.post_edited(post=post)  # members newly @mentioned
        search_index_post(post.pk)
        Post.objects.filter(question_id=post.question_id, kind=PostKind.QUESTION).update(
            activity_at=now
        )
        enqueue_badge_check(editor.pk)  # in the background, after the commit
    return post
