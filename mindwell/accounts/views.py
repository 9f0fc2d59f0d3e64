from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from mindwell.accounts.forms import RegistrationForm
from mindwell.accounts.models import User
from mindwell.accounts.services import user_register
from mindwell.core.errors import ServiceError
from mindwell.core.ratelimit import client_ip
from mindwell.moderation.screening import screen_registration
from mindwell.qa.models import Post
from mindwell.qa.selectors import question_list
from mindwell.qa.views.common import status_for
from mindwell.qa.views.questions import paginate
from mindwell.reputation.rules import current_rules


def register(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = RegistrationForm(request.POST or None)
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        try:
            screen_registration(ip=client_ip(request))
        except ServiceError as error:
            form.add_error(None, error.message)
            status = status_for(error)
            return render(request, "registration/register.html", {"form": form}, status=status)
        user = user_register(
            username=form.cleaned_data["username"],
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome, {user.username}. You are logged in.")
        target = request.GET.get("next", "")
        if not target or not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            target = reverse("home")  # never send a new member to another site
        # A plain redirect: `next` is a path, never a URL name to look up.
        return HttpResponseRedirect(target)
    return render(request, "registration/register.html", {"form": form}, status=status)


def user_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, User.objects.ranked(), 30)
    return render(request, "accounts/user_list.html", {"page": page, "offset": page.start_index()})


def user_profile(request: HttpRequest, username: str) -> HttpResponse:
    member = get_object_or_404(User, username=username, is_active=True)
    questions = question_list(viewer=request.user, author=member)[:20]
    answers = (
        Post.objects.answers()
        .visible_to(request.user)
        .filter(author=member)
        .select_related("question")
        .order_by("-created_at")[:20]
    )
    rank = User.objects.filter(is_active=True, points__gt=member.points).count() + 1
    return render(
        request,
        "accounts/user_profile.html",
        {
            "member": member,
            "questions": questions,
            "answers": answers,
            "rank": rank,
            "base_points": current_rules().base,
            "question_total": Post.objects.questions().published().filter(author=member).count(),
            "answer_total": Post.objects.answers().published().filter(author=member).count(),
        },
    )
