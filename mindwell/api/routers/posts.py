"""One post, and what members do to posts: comment, edit, vote, choose the best answer,
flag. Each calls the service the site's view calls, after the same checks the view makes."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from mindwell.api.auth import READ, READ_SECURITY, WRITE
from mindwell.api.errors import ApiError, from_service_error, responses
from mindwell.api.routers.common import created, poster, visible_post
from mindwell.api.schemas.build import post_out
from mindwell.api.schemas.posts import (
    BestAnswerIn,
    BestAnswerOut,
    CommentIn,
    Created,
    EditIn,
    FlagIn,
    FlagOut,
    PostOut,
    VoteIn,
    VoteOut,
)
from mindwell.core.errors import PermissionDenied, ServiceError
from mindwell.core.ratelimit import client_ip
from mindwell.importers.selectors import by_post
from mindwell.moderation.limits import check_write_limit
from mindwell.moderation.models import Flag, FlagReason, WriteAction
from mindwell.moderation.services.flags import ALREADY_FLAGGED, flag_create
from mindwell.moderation.views.flags import THANKS, THANKS_AT_RISK
from mindwell.qa import permissions
from mindwell.qa.models import Post, PostKind
from mindwell.qa.services import best_answer_select, best_answer_unselect, comment_create, post_edit
from mindwell.qa.views.posts import VOTE_VALUES
from mindwell.votes.models import Vote
from mindwell.votes.services import vote_cast

router = Router(tags=["posts"])


@router.get(
    "/posts/{post_id}",
    response=responses({200: PostOut}),
    auth=READ,
    openapi_extra=READ_SECURITY,
    summary="One question, answer or comment",
)
def post_get(request: HttpRequest, post_id: int) -> dict:
    post = visible_post(request, post_id)
    votes = {}
    if request.user.is_authenticated:
        votes = dict(Vote.objects.filter(user=request.user, post=post).values_list("post", "value"))
    return post_out(post, votes=votes)


@router.get(
    "/posts/{post_id}/comments",
    response=responses({200: list[PostOut]}),
    auth=READ,
    openapi_extra=READ_SECURITY,
    summary="The comments on a question or an answer, oldest first",
)
def post_comments(request: HttpRequest, post_id: int) -> list[dict]:
    parent = visible_post(request, post_id, kinds=(PostKind.QUESTION, PostKind.ANSWER))
    comments = (
        Post.objects.visible_to(request.user)
        .comments()
        .filter(parent=parent)
        # Joined, so that the page costs no more queries with comments than without.
        .select_related("author", "edited_by", "question", "imported_attribution")
        .order_by("created_at", "pk")
    )
    attributions = by_post(comments)
    return [post_out(comment, attributions=attributions) for comment in comments]


@router.post(
    "/posts/{post_id}/comments",
    response=responses({201: Created}, write=True),
    auth=WRITE,
    summary="Comment on a question or an answer",
)
def post_comment(request: HttpRequest, post_id: int, payload: CommentIn) -> Status:
    parent = visible_post(request, post_id, kinds=(PostKind.QUESTION, PostKind.ANSWER))
    comment = comment_create(
        poster=poster(request, anonymous=payload.anonymous, notify=payload.notify),
        parent=parent,
        body=payload.body,
    )
    return Status(201, created(comment, user=request.user, success="Your comment is posted."))


@router.patch(
    "/posts/{post_id}",
    response=responses({200: PostOut}, write=True),
    auth=WRITE,
    summary="Edit a post",
)
def post_update(request: HttpRequest, post_id: int, payload: EditIn) -> dict:
    post = visible_post(request, post_id)
    post = post_edit(
        post=post,
        editor=request.user,
        body=payload.body,
        title=payload.title,
        category_id=payload.category,
        tags=payload.tags,
        reason=payload.reason,
        content_warning=payload.content_warning,
        ip=client_ip(request),
    )
    return post_out(post)


@router.post(
    "/posts/{post_id}/vote",
    response=responses({200: VoteOut}, write=True),
    auth=WRITE,
    summary="Vote a question or answer up or down, or withdraw the vote",
)
def post_vote(request: HttpRequest, post_id: int, payload: VoteIn) -> dict:
    post = visible_post(request, post_id)
    value = VOTE_VALUES[payload.value]
    if permissions.is_restricted(request.user):
        # vote_cast checks the post, not the voter: a silenced member may read only.
        raise PermissionDenied("Your account is restricted at the moment, so you cannot vote.")
    post = vote_cast(user=request.user, post=post, value=value)
    return {"post_id": post.pk, "score": post.score, "vote": value}


@router.put(
    "/questions/{question_id}/best-answer",
    response=responses({200: BestAnswerOut}, write=True),
    auth=WRITE,
    summary="Choose the best answer",
)
def best_answer_set(request: HttpRequest, question_id: int, payload: BestAnswerIn) -> dict:
    question = visible_post(request, question_id, kinds=(PostKind.QUESTION,))
    answer = visible_post(request, payload.answer_id, kinds=(PostKind.ANSWER,))
    question = best_answer_select(question=question, answer=answer, user=request.user)
    return {"question_id": question.pk, "best_answer_id": question.best_answer_id}


@router.delete(
    "/questions/{question_id}/best-answer",
    response=responses({200: BestAnswerOut}, write=True),
    auth=WRITE,
    summary="Unselect the best answer",
)
def best_answer_clear(request: HttpRequest, question_id: int) -> dict:
    question = visible_post(request, question_id, kinds=(PostKind.QUESTION,))
    question = best_answer_unselect(question=question, user=request.user)
    return {"question_id": question.pk, "best_answer_id": question.best_answer_id}


@router.post(
    "/posts/{post_id}/flags",
    response=responses({201: FlagOut}, write=True),
    auth=WRITE,
    summary="Flag a post for the moderators",
)
def post_flag(request: HttpRequest, post_id: int, payload: FlagIn) -> Status:
    post = visible_post(request, post_id)
    member: Any = request.user  # a member: WRITE let only members through
    try:
        # The flag page's order: the policy, then "already flagged" before the write limit
        # (a repeat is not a new flag), then the hourly limit, then the service.
        from mindwell.moderation.permissions import flag_refusal

        refusal = flag_refusal(member, post)
        if refusal:
            raise PermissionDenied(refusal)
        if Flag.objects.filter(post=post, user=member).exists():
            raise ApiError(409, "already_flagged", str(ALREADY_FLAGGED))
        check_write_limit(action=WriteAction.FLAG, user=member, ip=client_ip(request))
        flag = flag_create(
            user=member,
            post=post,
            reason=payload.reason,
            harmful_kind=payload.harmful_kind,
            note=payload.note,
        )
    except ServiceError as error:
        raise from_service_error(error) from None
    thanks = THANKS_AT_RISK if flag.reason == FlagReason.AT_RISK else THANKS
    return Status(201, {"post_id": post.pk, "message": str(thanks)})
