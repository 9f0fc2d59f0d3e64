"""Members: the ranked list, one profile, a member's questions and answers, and "me"."""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from ninja import Query, Router

from mindwell.accounts.models import User
from mindwell.accounts.selectors import member_posts, profile_counts, profile_member
from mindwell.api.auth import MEMBER, READ, READ_SECURITY
from mindwell.api.errors import not_found, responses
from mindwell.api.pagination import Page, PageParams, checked, page_of, page_request
from mindwell.api.schemas.build import post_brief, user_out
from mindwell.api.schemas.people import MeOut, PostBrief, UserDetail, UserOut
from mindwell.importers.selectors import attributions_for
from mindwell.qa.models import PostKind
from mindwell.qa.pagination import KeysetOrder, keyset_page

router = Router(tags=["users"])

BY_POINTS = KeysetOrder("points", ("points", "id"))
KINDS = {"questions": PostKind.QUESTION, "answers": PostKind.ANSWER, "comments": PostKind.COMMENT}


def _member(username: str) -> User:
    member = profile_member(username=username[:150])
    if member is None:
        raise not_found("There is no member with that name.")
    return member


@router.get(
    "/users",
    response=responses({200: Page[UserOut]}),
    auth=READ,
    openapi_extra=READ_SECURITY,
    summary="Members, most points first",
)
def user_list(request: HttpRequest, params: Query[PageParams]) -> dict:
    members = User.objects.filter(is_active=True)
    page = checked(
        keyset_page(members, order=BY_POINTS, request=page_request(params), per_page=params.limit),
        params,
    )
    return page_of(page, [user_out(member) for member in page.items])


@router.get(
    "/users/{username}",
    response=responses({200: UserDetail}),
    auth=READ,
    openapi_extra=READ_SECURITY,
    summary="A member's public profile",
)
def user_get(request: HttpRequest, username: str) -> dict:
    member = _member(username)
    counts = profile_counts(member=member)
    return {
        **user_out(member),
        "question_count": counts["questions"],
        "answer_count": counts["answers"],
        "comment_count": counts["comments"],
        "rank": counts["rank"],
    }


@router.get(
    "/users/{username}/{kind}",
    response=responses({200: Page[PostBrief]}),
    auth=READ,
    openapi_extra=READ_SECURITY,
    summary="A member's questions, answers or comments (under their name only)",
)
def user_posts(
    request: HttpRequest,
    username: str,
    kind: Literal["questions", "answers", "comments"],
    params: Query[PageParams],
) -> dict:
    member = _member(username)
    page = checked(
        member_posts(
            member=member,
            viewer=request.user,
            kind=KINDS[kind],
            page=page_request(params),
            per_page=params.limit,
        ),
        params,
    )
    for post in page.items:
        post.author = member  # the selector joins the question, not the (known) author
    attributions = attributions_for(page.items)
    return page_of(page, [post_brief(post, attributions=attributions) for post in page.items])


@router.get("/me", response=responses({200: MeOut}), auth=MEMBER, summary="Who you are")
def me(request: HttpRequest) -> dict:
    token = getattr(request, "api_token", None)
    return {**user_out(request.user), "token_scope": token.scope if token else "session"}
