"""A member's data export: one ZIP with `account.json` (everything the site holds about
them, as data) and `posts/<kind>-<id>.md` (each post they wrote, anonymous ones included,
as Markdown with a small header).

Built in a spooled temporary file (memory first, disk when large), in a number of queries
that depends on the number of installed models, not on how much the member wrote.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from typing import IO, Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from mindwell.core import ratelimit
from mindwell.core.errors import RateLimited
from mindwell.privacy.records import is_secret, relation_records, row_data
from mindwell.privacy.selectors import posts_of, user_relations
from mindwell.qa.models import Post, PostKind

EXPORTS_PER_HOUR = 3
FORMAT = "mindwell-export-1"
# Posts are written by posts_markdown and summarised in "posts"; the generic records would
# only repeat them.
SKIPPED_RELATIONS = frozenset({("qa.post", "author")})
KIND_NAMES = {PostKind.QUESTION: "question", PostKind.ANSWER: "answer", PostKind.COMMENT: "comment"}


def check_export_allowed(*, user: Any) -> None:
    if not ratelimit.hit(f"privacy-export:{user.pk}", limit=EXPORTS_PER_HOUR, window_seconds=3600):
        raise RateLimited(
            f"You can download your data {EXPORTS_PER_HOUR} times an hour. Please try again "
            "in an hour."
        )


def export_build(*, user: Any, site_url: str) -> IO[bytes]:
    """The ZIP, rewound, ready to stream. `site_url` makes the posts' links absolute."""
    check_export_allowed(user=user)
    archive: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    posts = list(
        posts_of(user=user)
        .select_related("question", "pseudonym")
        .order_by("created_at", "pk")
        .iterator(chunk_size=500)
    )
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        account = export_data(user=user, posts=posts, site_url=site_url)
        text = json.dumps(account, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
        zf.writestr("account.json", text)
        for post in posts:
            zf.writestr(f"posts/{post_filename(post)}", post_markdown(post, site_url=site_url))
        zf.writestr("README.txt", README)
    archive.seek(0)
    return archive


def export_data(*, user: Any, posts: list[Post], site_url: str) -> dict[str, Any]:
    records: dict[str, list[dict[str, Any]]] = {}
    for relation in user_relations():
        if (relation.label, relation.name) in SKIPPED_RELATIONS:
            continue
        rows = relation_records(relation, member_id=user.pk)
        if rows:
            records[f"{relation.label}.{relation.name}"] = rows
    return {
        "format": FORMAT,
        "exported_at": timezone.now(),
        "account": row_data(user, member_id=user.pk),
        "posts": [post_summary(post, site_url=site_url) for post in posts],
        "records": records,
        "not_included": {
            "secrets": "password hash, session keys, two-factor secrets and recovery codes, "
            "and any other token are never exported",
            "other_members": "other members named in your records are shown as null",
            "account_fields_left_out": [
                field.name
                for field in user._meta.concrete_fields
                if is_secret(user._meta.label_lower, field)
            ],
        },
    }


def post_filename(post: Post) -> str:
    return f"{KIND_NAMES[PostKind(post.kind)]}-{post.pk}.md"


def post_summary(post: Post, *, site_url: str) -> dict[str, Any]:
    return {
        "id": post.pk,
        "kind": KIND_NAMES[PostKind(post.kind)],
        "status": post.status,
        "title": post.title,
        "question_id": post.question_id,
        "parent_id": post.parent_id,
        "url": site_url + post.get_absolute_url() if post.question_id else "",
        "created_at": post.created_at,
        "edited_at": post.edited_at,
        "posted_anonymously_as": post.pseudonym.name if post.pseudonym is not None else None,
        "score": post.score,
        "content_warning": post.content_warning,
        "address_posted_from": post.author_ip,
        "file": f"posts/{post_filename(post)}",
    }


def _quoted(value: str) -> str:
    """A header value in double quotes, escaped as JSON strings are (valid YAML too)."""
    return json.dumps(value, ensure_ascii=False)


def post_markdown(post: Post, *, site_url: str) -> str:
    question = post.question if post.question_id else None
    title = post.title if post.kind == PostKind.QUESTION else (question.title if question else "")
    header = [
        "---",
        f"kind: {KIND_NAMES[PostKind(post.kind)]}",
        f"title: {_quoted(title)}",
        f"created: {post.created_at.isoformat()}",
        f"status: {post.status}",
    ]
    if post.question_id:
        header.append(f"question: {_quoted(site_url + post.get_absolute_url())}")
    if post.pseudonym is not None:
        header.append(f"posted anonymously as: {_quoted(post.pseudonym.name)}")
    if post.edited_at:
        header.append(f"edited: {post.edited_at.isoformat()}")
    header.append("---")
    heading = f"# {post.title}\n\n" if post.kind == PostKind.QUESTION else ""
    return "\n".join(header) + "\n\n" + heading + post.body.rstrip() + "\n"


README = """\
Your data from Mindwell
=======================

account.json  everything the site holds about your account, as JSON:
              - "account": your profile, settings and points;
              - "posts": every question, answer and comment you wrote, including the ones
                you posted anonymously (only you and the moderators know they are yours);
              - "records": every other row that points at your account (votes, flags,
                points history, moderation decisions about you, and so on), by table.
posts/        each post as a Markdown file with a small header.

Secrets (your password hash, session keys, two-factor secrets) are never included, and
other members named in your records are shown as null.
"""
