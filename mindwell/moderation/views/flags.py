from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy

from mindwell.core.errors import ServiceError
from mindwell.core.ratelimit import client_ip
from mindwell.moderation import permissions
from mindwell.moderation.forms import FLAG_REASON_HELP, FlagForm
from mindwell.moderation.limits import check_write_limit
from mindwell.moderation.models import Flag, FlagReason, WriteAction
from mindwell.moderation.services.flags import ALREADY_FLAGGED, flag_create
from mindwell.moderation.views.common import safe_next
from mindwell.qa.models import Post
from mindwell.qa.views.common import apply_service_error, wants_json

THANKS = gettext_lazy("Thank you for flagging this post. The moderators will look at it.")
THANKS_AT_RISK = (
    "Thank you for telling us. The safety team has been alerted and will look at this post "
    "as soon as possible. If someone is in immediate danger, please contact emergency services."
)


def flag_post(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the flag form; POST: flag the post (a page, or JSON for fetch)."""
    post = get_object_or_404(
        Post.objects.visible_to(request.user).select_related("question"), pk=pk
    )
    if request.method != "POST" and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    form = FlagForm(request.POST or None)
    refusal = permissions.flag_refusal(request.user, post)
    status = 403 if refusal else 200
    if request.method == "POST" and not refusal:
        status = 400
        if form.is_valid():
            try:
                flag = _flag(request, post, form)
            except ServiceError as error:
                status = apply_service_error(form, error)
            else:
                thanks = THANKS_AT_RISK if flag.reason == FlagReason.AT_RISK else THANKS
                if wants_json(request):
                    return JsonResponse({"message": thanks, "flagged": True})
                messages.success(request, thanks)
                return HttpResponseRedirect(safe_next(request, post.get_absolute_url()))
    if request.method == "POST" and wants_json(request):
        errors = [refusal] if refusal else [e for errs in form.errors.values() for e in errs]
        return JsonResponse({"error": " ".join(str(e) for e in errors)}, status=status)
    context = {
        "post": post,
        "form": form,
        "refusal": refusal,
        "next": safe_next(request, post.get_absolute_url()),
        "reason_help": FLAG_REASON_HELP,
    }
    return render(request, "moderation/flag.html", context, status=status)


def _flag(request: HttpRequest, post: Post, form: FlagForm) -> Flag:
    member: Any = request.user  # a member: flag_refusal has turned visitors away
    if Flag.objects.filter(post=post, user=member).exists():
        # Said before counting against the write limit: a repeat is not a new flag.
        raise ServiceError(ALREADY_FLAGGED)
    check_write_limit(action=WriteAction.FLAG, user=member, ip=client_ip(request))
    data = form.cleaned_data
    return flag_create(
        user=member,
        post=post,
        reason=data["reason"],
        harmful_kind=data["harmful_kind"],
        note=data["note"],
    )
