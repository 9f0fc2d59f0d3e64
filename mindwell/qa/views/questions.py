from __future__ import annotations

import uuid

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from mindwell.core import pagecache, ratelimit
from mindwell.core.ids import parse_id
from mindwell.core.markdown import render_markdown
from mindwell.core.pagecache.holes import per_visitor
from mindwell.core.ratelimit import client_ip
from mindwell.moderation.captcha import anonymous_challenge
from mindwell.qa import permissions
from mindwell.qa.forms import AnswerForm, QuestionForm
from mindwell.qa.models import Post, PostKind
from mindwell.qa.selectors import question_thread
from mindwell.qa.services import answer_create, question_create
from mindwell.qa.services.views_counter import Visitor, flush_after_response, view_record
from mindwell.qa.views.common import (
    poster_from,
    posting_refusal,
    refuse_form_page,
    refuse_keeping_text,
    submit_post,
)
from mindwell.safety import pages as safety_pages
from mindwell.safety.selectors import thread_posts
from mindwell.search.similar import related_questions, similar_questions
from mindwell.siteconfig.models import SiteSettings

PAGE_SIZE = 20


def paginate(request: HttpRequest, items, per_page: int = PAGE_SIZE):  # type: ignore[no-untyped-def]
    """Numbered pages, for short lists (users, tags). Question lists are keyset-paginated
    (mindwell.qa.views.lists)."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def _answer_form_context(request: HttpRequest, question: Post, form: AnswerForm | None) -> dict:
    """The answer form: empty when the viewer may answer, or the refused one with their text."""
    site = SiteSettings.current()
    refusal = permissions.post_refusal(request.user, PostKind.ANSWER, site=site, on=question)
    if form is None and refusal is None:
        form = AnswerForm(anonymous=not request.user.is_authenticated)
    return {"answer_form": form, "can_answer": refusal is None, "answer_refusal": refusal}


def question_detail(request: HttpRequest, pk: int, slug: str = "") -> HttpResponse:
    return _render_question(request, pk, slug=slug)


def _render_question(
    request: HttpRequest,
    pk: int,
    *,
    slug: str = "",
    answer_form: AnswerForm | None = None,
    preview_html: str = "",
    status: int = 200,
) -> HttpResponse:
    thread = question_thread(question_id=pk, viewer=request.user)
    if thread is None:
        replies = Post.objects.visible_to(request.user).exclude(kind=PostKind.QUESTION)
        reply = replies.select_related("question").filter(pk=pk).first()
        if reply is not None:
            return redirect(reply.get_absolute_url())
        raise Http404("No such question.")
    question = thread.question
    if request.method == "GET" and slug != question.slug:
        # Permanent only for a real old slug; "-" is the placeholder of answer links.
        return redirect(question.get_absolute_url(), permanent=slug != "-")
    if request.method == "GET":
        view_record(question=question, visitor=Visitor.from_request(request))
    context = {
        "thread": thread,
        # Differs per visitor: a hole in a cached page (mindwell.core.pagecache.holes).
        "page_token": per_visitor("page_token", lambda: uuid.uuid4().hex[:24]),
        "can_comment": permissions.can_post(request.user, PostKind.COMMENT, on=question),
        "question": question,
        "preview_html": preview_html,
        "can_select_best": permissions.can_select_best(request.user, question),
        "comment_captcha": anonymous_challenge(request.user),
        **_answer_form_context(request, question, answer_form),
        **safety_pages.question_context(request, thread),
        "related_questions": related_questions(question),
    }
    pagecache.note_question(
        request,
        question=question,
        posts=thread_posts(thread),
        related=context["related_questions"],
    )
    response = render(request, "qa/question_detail.html", context, status=status)
    flush_after_response(response)
    return response


@require_POST
def answer_post(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(Post.objects.questions().visible_to(request.user), pk=pk)
    form = AnswerForm(request.POST, anonymous=not request.user.is_authenticated)
    if not permissions.can_post(request.user, PostKind.ANSWER, on=question):
        message = posting_refusal(
            request, "Please log in or register to answer.", kind=PostKind.ANSWER
        )
        status = refuse_keeping_text(form, message)
        return _render_question(request, question.pk, answer_form=form, status=status)
    status = 400
    if form.is_valid() and "preview" not in request.POST:
        outcome = submit_post(
            request,
            form,
            lambda: safety_pages.remember_post(
                request,
                answer_create(
                    poster=poster_from(request, form),
                    question=question,
                    body=form.cleaned_data["body"],
                    submit_token=form.cleaned_data["submit_token"],
                    content_warning=form.cleaned_data["content_warning"],
                ),
            ),
            success="Thank you — your answer is posted.",
        )
        if isinstance(outcome, HttpResponse):
            return outcome
        status = outcome
    preview = render_markdown(request.POST.get("body", "")) if "preview" in request.POST else ""
    if preview and form.is_valid():
        status = 200
    return _render_question(
        request, question.pk, answer_form=form, preview_html=preview, status=status
    )


def ask(request: HttpRequest) -> HttpResponse:
    asked_from = _asked_from(request)
    anonymous = not request.user.is_authenticated
    allowed = permissions.can_post(request.user, PostKind.QUESTION)
    if request.method != "POST":
        if not allowed:  # the login link keeps ?from_answer= and ?category=
            message = "Please log in or register to ask a question."
            return refuse_form_page(request, message, back=reverse("home"), kind=PostKind.QUESTION)
        form = QuestionForm(initial={"category": request.GET.get("category")}, anonymous=anonymous)
        return _render_ask(request, form, asked_from)
    form = QuestionForm(request.POST, anonymous=anonymous)
    if not allowed:
        message = posting_refusal(
            request, "Please log in or register to ask a question.", kind=PostKind.QUESTION
        )
        status = refuse_keeping_text(form, message)
        return _render_ask(request, form, asked_from, status=status)
    if "preview" in request.POST:
        status = 200 if form.is_valid() else 400
        return _render_ask(request, form, asked_from, status=status, preview=True)
    status = 400
    if form.is_valid():
        outcome = submit_post(
            request,
            form,
            lambda: safety_pages.remember_post(
                request,
                question_create(
                    poster=poster_from(request, form),
                    title=form.cleaned_data["title"],
                    body=form.cleaned_data["body"],
                    category_id=form.cleaned_data["category"],
                    tags=form.cleaned_data["tags"],
                    asked_from=asked_from,
                    submit_token=form.cleaned_data["submit_token"],
                    content_warning=form.cleaned_data["content_warning"],
                ),
            ),
            success="Your question is posted.",
        )
        if isinstance(outcome, HttpResponse):
            return outcome
        status = outcome
    return _render_ask(request, form, asked_from, status=status)


def _render_ask(
    request: HttpRequest,
    form: QuestionForm,
    asked_from: Post | None,
    *,
    status: int = 200,
    preview: bool = False,
) -> HttpResponse:
    context = {
        "form": form,
        "asked_from": asked_from,
        "preview_html": render_markdown(request.POST.get("body", "")) if preview else "",
        "preview_title": request.POST.get("title", "") if preview else "",
        # Without JavaScript, the preview step is where the asker sees what exists already.
        "similar_questions": (
            similar_questions(request.POST.get("title", "")[:300], request.POST.get("body", ""))
            if preview
            else []
        ),
        **safety_pages.composer_context(request),
    }
    return render(request, "qa/ask.html", context, status=status)


def _asked_from(request: HttpRequest) -> Post | None:
    raw = request.POST.get("from_answer") or request.GET.get("from_answer")
    pk = parse_id(raw)
    if pk is None:
        return None
    return Post.objects.answers().published().select_related("question").filter(pk=pk).first()


@require_POST
def preview(request: HttpRequest) -> HttpResponse:
    """The server's rendering of a draft, for the live preview (same code as posting)."""
    if not ratelimit.hit(f"preview:{client_ip(request)}", limit=120, window_seconds=60):
        return HttpResponse("Too many previews; please wait a minute.", status=429)
    return HttpResponse(render_markdown(request.POST.get("body", "")[:100_000]))
