from __future__ import annotations

import difflib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from mindwell.core.errors import PermissionDenied, ServiceError
from mindwell.core.ids import parse_id
from mindwell.core.ratelimit import client_ip
from mindwell.core.templatetags.mindwell import votes as votes_label
from mindwell.qa import permissions
from mindwell.qa.forms import CommentForm, EditForm
from mindwell.qa.models import Post, PostKind
from mindwell.qa.selectors import post_revisions
from mindwell.qa.services import best_answer_select, best_answer_unselect, comment_create, post_edit
from mindwell.qa.views.common import (
    apply_service_error,
    poster_from,
    posting_refusal,
    refuse_form_page,
    refuse_keeping_text,
    status_for,
    submit_post,
    wants_json,
)
from mindwell.safety import pages as safety_pages
from mindwell.votes.services import vote_cast

VOTE_VALUES = {"up": 1, "down": -1, "retract": 0}


def _visible_post(request: HttpRequest, pk: int) -> Post:
    return get_object_or_404(
        Post.objects.visible_to(request.user).select_related("question"), pk=pk
    )


def comment_post(request: HttpRequest, pk: int) -> HttpResponse:
    parent = _visible_post(request, pk)
    if parent.kind == PostKind.COMMENT:
        raise Http404("Comments go on questions and answers.")
    anonymous = not request.user.is_authenticated
    allowed = permissions.can_post(request.user, PostKind.COMMENT, on=parent)
    if request.method != "POST" and not allowed:
        message = "Please log in or register to comment."
        return refuse_form_page(
            request, message, back=parent.get_absolute_url(), kind=PostKind.COMMENT
        )
    status = 200
    if request.method == "POST":
        form = CommentForm(request.POST, anonymous=anonymous)
        status = 400
        if not allowed:
            message = posting_refusal(
                request, "Please log in or register to comment.", kind=PostKind.COMMENT
            )
            status = refuse_keeping_text(form, message)
        elif form.is_valid():
            outcome = submit_post(
                request,
                form,
                lambda: safety_pages.remember_post(
                    request,
                    comment_create(
                        poster=poster_from(request, form),
                        parent=parent,
                        body=form.cleaned_data["body"],
                        submit_token=form.cleaned_data["submit_token"],
                    ),
                ),
                success="Your comment is posted.",
            )
            if isinstance(outcome, HttpResponse):
                return outcome
            status = outcome
    else:
        form = CommentForm(anonymous=anonymous)
    return render(request, "qa/comment_form.html", {"form": form, "parent": parent}, status=status)


@require_POST
def vote(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.select_related("question"), pk=pk)
    value = VOTE_VALUES.get(request.POST.get("value", ""))
    error, status = "", 200
    try:
        if value is None:
            raise ServiceError(gettext("A vote is up, down or withdrawn."))
        if permissions.is_restricted(request.user):
            # vote_cast checks the post, not the voter: a silenced member may read only.
            raise PermissionDenied(
                gettext("Your account is restricted at the moment, so you cannot vote.")
            )
        post = vote_cast(user=request.user, post=post, value=value)
    except ServiceError as exc:
        error, status = exc.message, status_for(exc)
    if wants_json(request):
        if error:
            return JsonResponse({"error": error}, status=status)
        return JsonResponse({"score": post.score, "label": votes_label(post.score), "vote": value})
    if error:
        messages.error(request, error)
    if post.is_deleted:
        return redirect("home")
    return redirect(post.get_absolute_url())


@require_POST
@login_required
def best_answer(request: HttpRequest, pk: int) -> HttpResponse:
    question = _visible_post(request, pk)
    if question.kind != PostKind.QUESTION:
        raise Http404("Not a question.")
    try:
        if request.POST.get("answer"):
            answer_id = parse_id(request.POST["answer"])
            if answer_id is None:
                raise Http404("No such answer.")
            answer = get_object_or_404(Post, pk=answer_id, kind=PostKind.ANSWER)
            best_answer_select(question=question, answer=answer, user=request.user)
            messages.success(request, gettext("Best answer selected."))
            return redirect(answer.get_absolute_url())
        best_answer_unselect(question=question, user=request.user)
        messages.success(request, gettext("Best answer unselected."))
    except PermissionDenied as error:
        # Not theirs to choose (the asker, or select_best_for_others): a refusal, not a slip.
        context = {"message": error.message}
        return render(request, "moderation/denied.html", context, status=403)
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect(question.get_absolute_url())


def edit(request: HttpRequest, pk: int) -> HttpResponse:
    post = _visible_post(request, pk)
    is_question = post.kind == PostKind.QUESTION
    if request.method != "POST" and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.method != "POST" and not permissions.can_edit(request.user, post):
        messages.error(request, _edit_refusal(request, post))
        return redirect(post.get_absolute_url())
    # Someone else's question: the category and tags stay unless the policy lets this editor
    # move or retag too; the form leaves those fields out and the page says why.
    locked = permissions.edit_field_refusals(request.user, post)
    status = 200
    if request.method == "POST":
        form = _without(EditForm(request.POST, is_question=is_question), locked)
        status = 400
        if not permissions.can_edit(request.user, post):
            status = refuse_keeping_text(form, _edit_refusal(request, post))
        elif form.is_valid():
            data = form.cleaned_data
            try:
                post_edit(
                    post=post,
                    editor=request.user,
                    body=data["body"],
                    title=data.get("title"),
                    category_id=data.get("category"),
                    tags=data.get("tags"),
                    reason=data["reason"],
                    content_warning=data["content_warning"],
                    ip=client_ip(request),
                )
            except ServiceError as error:
                status = apply_service_error(form, error)
            else:
                messages.success(request, gettext("Your edit is saved."))
                return redirect(post.get_absolute_url())
    else:
        form = EditForm(
            initial={
                "title": post.title,
                "body": post.body,
                "category": post.category_id,
                "tags": " ".join(t.name for t in post.tags.all()) if is_question else "",
                "content_warning": post.content_warning,
            },
            is_question=is_question,
        )
        form = _without(form, locked)
    context = {"form": form, "post": post, "locked": locked}
    return render(request, "qa/edit.html", context, status=status)


def _without(form: EditForm, names: dict[str, str]) -> EditForm:
    for name in names:
        form.fields.pop(name, None)
    return form


def history(request: HttpRequest, pk: int) -> HttpResponse:
    post = _visible_post(request, pk)
    if not permissions.can_view_history(request.user, post):
        raise Http404("No such post.")
    revisions = [
        {
            "revision": revision,
            "title_diff": _diff(revision.title_before, revision.title_after),
            "body_diff": _diff(revision.body_before, revision.body_after),
        }
        for revision in post_revisions(post=post)
    ]
    return render(request, "qa/history.html", {"post": post, "revisions": revisions})


def _diff(before: str, after: str) -> list[tuple[str, str]]:
    """Line diff as (kind, text) pairs: kind is 'add', 'del' or 'same'."""
    if before == after:
        return []
    rows = []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        code, text = line[:2], line[2:]
        if code == "? ":
            continue
        rows.append(({"+ ": "add", "- ": "del"}.get(code, "same"), text))
    return rows


def _edit_refusal(request: HttpRequest, post: Post) -> str:
    if not request.user.is_authenticated:
        return gettext("Please log in again to save this edit.")
    return permissions.edit_refusal(request.user, post) or "You cannot edit this post."
