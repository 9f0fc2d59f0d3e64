"""The privileges page (what each action needs, and what the viewer may do) and the page
where administrators change a member's level, site-wide or per category."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from mindwell.core.errors import ServiceError
from mindwell.moderation.views.common import refuse
from mindwell.qa.views.common import apply_service_error
from mindwell.reputation import policy
from mindwell.reputation.forms import CategoryLevelForm, SiteLevelForm
from mindwell.reputation.levels import Level, grant_refusal, level_label, level_set
from mindwell.reputation.models import Action, CategoryLevel
from mindwell.reputation.privileges import privileges_for


def privileges(request: HttpRequest) -> HttpResponse:
    """The "What can I do here?" page: every action, what it needs, and where the viewer stands."""
    rows = privileges_for(request.user)
    groups = [(name, list(items)) for name, items in groupby(rows, key=lambda row: row.group)]
    context: dict[str, Any] = {"groups": groups}
    if request.user.is_authenticated:
        context["level_name"] = level_label(request.user.level)
    return render(request, "reputation/privileges.html", context)


def member_level(request: HttpRequest, username: str) -> HttpResponse:
    if not request.user.is_authenticated and request.method != "POST":
        return redirect_to_login(request.get_full_path())
    refusal = policy.refusal(request.user, Action.MANAGE_LEVELS)
    if refusal:
        return refuse(request, refusal)
    member = get_object_or_404(get_user_model(), username=username)
    grantable = _grantable(request.user, member)
    site_form = SiteLevelForm(grantable=grantable, initial={"level": member.level})
    category_form = CategoryLevelForm(grantable=grantable)
    status = 200
    if request.method == "POST":
        which = request.POST.get("form")
        form: SiteLevelForm | CategoryLevelForm
        if which == "category":
            form = category_form = CategoryLevelForm(request.POST, grantable=grantable)
        else:
            form = site_form = SiteLevelForm(request.POST, grantable=grantable)
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                level_set(
                    user=member,
                    level=data["level"],
                    by=request.user,
                    category=data.get("category"),
                    reason=data["reason"],
                )
            except ServiceError as error:
                status = apply_service_error(form, error)
            else:
                messages.success(request, _done(member, data["level"], data.get("category")))
                return HttpResponseRedirect(reverse("moderation:user-level", args=[username]))
    context = {
        "member": member,
        "member_level": level_label(member.level),
        "grants": CategoryLevel.objects.filter(user=member).select_related("category"),
        "site_form": site_form,
        "category_form": category_form,
        "refusal": grant_refusal(actor=request.user, member=member, level=int(Level.REGISTERED)),
        "can_view_emails": policy.allows(request.user, Action.VIEW_EMAILS),
    }
    return render(request, "reputation/level.html", context, status=status)


def _grantable(actor: Any, member: Any) -> list[int]:
    """The levels `actor` may give (every one a Super Administrator; below their own for
    anyone else); `grant_refusal` still decides each change."""
    if int(actor.level) >= Level.SUPER_ADMINISTRATOR:
        return [int(level) for level in Level]
    return [int(level) for level in Level if level < int(actor.level)]


def _done(member: Any, level: int, category: Any) -> str:
    where = f" in {category.name}" if category is not None else ""
    if category is not None and level == Level.REGISTERED:
        return f"{member.username} no longer has a level of their own in {category.name}."
    return f"{member.username} is now {level_label(level)}{where}."
