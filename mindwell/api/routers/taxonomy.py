"""Categories (the whole tree, small) and tags (most used first)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router

from mindwell.api.auth import READ, READ_SECURITY
from mindwell.api.errors import not_found, responses
from mindwell.api.pagination import Page, PageParams, checked, page_of, page_request
from mindwell.api.schemas.people import CategoryOut, TagOut
from mindwell.qa.pagination import KeysetOrder, keyset_page
from mindwell.taxonomy.models import Category, Tag

router = Router(tags=["taxonomy"])

BY_USE = KeysetOrder("tags", ("question_count", "id"))


def _category(category: Category, slugs: dict[int, str]) -> dict:
    return {
        "id": category.pk,
        "slug": category.slug,
        "name": category.name,
        "parent": slugs.get(category.parent_id) if category.parent_id else None,  # type: ignore[arg-type]
        "description": category.description,
        "question_count": category.question_count,
        "url": category.get_absolute_url(),
    }


def _tag(tag: Tag) -> dict:
    return {"name": tag.name, "question_count": tag.question_count, "url": tag.get_absolute_url()}


@router.get(
    "/categories",
    response=responses({200: list[CategoryOut]}),
    auth=READ,
    openapi_extra=READ_SECURITY,
    summary="Every category, parents before their children",
)
def category_list(request: HttpRequest) -> list[dict]:
    categories = list(Category.objects.order_by("position", "name"))
    slugs = {c.pk: c.slug for c in categories}
    children: dict[int | None, list[Category]] = {}
    for category in categories:
        children.setdefault(category.parent_id, []).append(category)
    ordered: list[Category] = []
    pending = list(reversed(children.get(None, [])))
    while pending:  # depth first, each parent before its children, in the site's order
        node = pending.pop()
        ordered.append(node)
        pending.extend(reversed(children.get(node.pk, [])))
    return [_category(c, slugs) for c in ordered]


@router.get(
    "/categories/{slug}",
    response=responses({200: CategoryOut}),
    auth=READ,
    openapi_extra=READ_SECURITY,
    summary="One category",
)
def category_get(request: HttpRequest, slug: str) -> dict:
    category = Category.objects.select_related("parent").filter(slug=slug[:80]).first()
    if category is None:
        raise not_found("There is no category with that slug.")
    parent = category.parent
    return _category(category, {parent.pk: parent.slug} if parent else {})


@router.get(
    "/tags",
    response=responses({200: Page[TagOut]}),
    auth=READ,
    openapi_extra=READ_SECURITY,
    summary="Tags, most used first",
)
def tag_list(request: HttpRequest, params: Query[PageParams]) -> dict:
    page = checked(
        keyset_page(
            Tag.objects.all(), order=BY_USE, request=page_request(params), per_page=params.limit
        ),
        params,
    )
    return page_of(page, [_tag(tag) for tag in page.items])


@router.get(
    "/tags/{name}",
    response=responses({200: TagOut}),
    auth=READ,
    openapi_extra=READ_SECURITY,
    summary="One tag",
)
def tag_get(request: HttpRequest, name: str) -> dict:
    tag = Tag.objects.filter(name=name.strip().lower()[:40]).first()
    if tag is None:
        raise not_found("No question has that tag.")
    return _tag(tag)
