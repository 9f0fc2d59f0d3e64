"""Profiles: the public page with its tabs, the member's edit page, and the pictures."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from mindwell.accounts import avatars, selectors
from mindwell.accounts.forms_profile import AvatarForm, ProfileForm
from mindwell.accounts.models import User
from mindwell.accounts.services_profile import avatar_remove, avatar_set, profile_update
from mindwell.core.errors import ServiceError
from mindwell.messaging import permissions as messaging
from mindwell.messaging.forms import WallPostForm
from mindwell.messaging.selectors import wall_posts
from mindwell.messaging.views.common import take_safety_notice
from mindwell.qa.models import PostKind
from mindwell.qa.pagination import PageRequest
from mindwell.qa.views.common import apply_service_error
from mindwell.reputation.levels import level_label
from mindwell.reputation.rules import current_rules
from mindwell.siteconfig.models import SiteSettings

TABS = {
    "activity": gettext_lazy("Overview"),
    "questions": gettext_lazy("Questions"),
    "answers": gettext_lazy("Answers"),
    "comments": gettext_lazy("Comments"),
    "points": gettext_lazy("Points history"),
    "votes": gettext_lazy("Votes given"),
    "wall": gettext_lazy("Wall"),
}
POST_TABS = {
    "questions": PostKind.QUESTION,
    "answers": PostKind.ANSWER,
    "comments": PostKind.COMMENT,
}
ONE_YEAR = 365 * 24 * 3600


def _tabs_for(viewer: Any, member: User, site: SiteSettings) -> dict[str, Any]:
    """Votes given are private: the member alone sees that tab, not even administrators
    (who can look into vote fraud in the admin's list of votes). The wall only where it is
    on."""
    own = viewer.is_authenticated and viewer.pk == member.pk
    return {
        key: label
        for key, label in TABS.items()
        if (key != "votes" or own) and (key != "wall" or messaging.wall_shown(member, site=site))
    }


def _tab_context(
    request: HttpRequest, member: User, tab: str, site: SiteSettings
) -> dict[str, Any]:
    viewer, page = request.user, PageRequest.from_query(request.GET)
    if tab in POST_TABS:
        kind = POST_TABS[tab]
        return {"page": selectors.member_posts(member=member, viewer=viewer, kind=kind, page=page)}
    if tab == "points":
        return {"page": selectors.points_history(member=member, viewer=viewer, page=page)}
    if tab == "votes":
        return {"page": selectors.votes_given(member=member, page=page)}
    wall_shown = messaging.wall_shown(member, site=site)
    context: dict[str, Any] = {"wall_shown": wall_shown}
    if wall_shown:
        per_page = 20 if tab == "wall" else 5
        context["wall"] = wall_posts(owner=member, viewer=viewer, page=page, per_page=per_page)
        context["wall_refusal"] = messaging.wall_post_refusal(viewer, member, site=site)
        context["wall_form"] = WallPostForm()
    if tab == "activity":
        for key, kind in (("questions", PostKind.QUESTION), ("answers", PostKind.ANSWER)):
            context[key] = selectors.recent_posts(member=member, viewer=viewer, kind=kind)
    return context


def profile_context(
    request: HttpRequest, member: User, *, tab: str | None = None
) -> dict[str, Any]:
    """Everything the profile page shows; the wall form view reuses it to show a refused
    wall post with its text."""
    site = SiteSettings.current()
    tabs = _tabs_for(request.user, member, site)
    tab = tab or str(request.GET.get("tab", ""))
    tab = tab if tab in tabs else "activity"
    viewer = request.user
    own = viewer.is_authenticated and viewer.pk == member.pk
    context: dict[str, Any] = {
        "member": member,
        "own_profile": own,
        "tabs": tabs,
        "tab": tab,
        "counts": selectors.profile_counts(member=member),
        "level_name": level_label(member.level),
        "base_points": current_rules().base,
        "messages_on": site.private_messages_enabled,
        "can_message": site.private_messages_enabled and messaging.can_message(viewer, member),
        "blocked": not own and messaging.has_blocked(viewer, member),
    }
    # Blocking matters only where members can reach each other (or to lift a block).
    context["show_block"] = (
        viewer.is_authenticated
        and not own
        and (context["blocked"] or site.private_messages_enabled or site.wall_enabled)
    )
    context.update(_tab_context(request, member, tab, site))
    return context


def user_profile(request: HttpRequest, username: str) -> HttpResponse:
    member = selectors.profile_member(username=username)
    if member is None:
        raise Http404("No such member.")
    context = profile_context(request, member)
    if context.get("wall_shown"):
        # Help for someone whose wall post just read as crisis (as after a forum post).
        context["composer_safety"] = take_safety_notice(request)
    return render(request, "accounts/user_profile.html", context)


@login_required
def profile_edit(request: HttpRequest) -> HttpResponse:
    user = request.user
    status = 200
    if request.method == "POST":
        form = ProfileForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                profile_update(user=user, **form.cleaned_data)  # type: ignore[arg-type]
            except ServiceError as error:
                status = apply_service_error(form, error)
            else:
                messages.success(request, gettext("Your profile is saved."))
                return redirect("profile-edit")
    else:
        form = ProfileForm(initial={name: getattr(user, name) for name in ProfileForm.base_fields})
    return _edit_page(request, form, AvatarForm(), status)


def _edit_page(
    request: HttpRequest, form: ProfileForm, avatar_form: AvatarForm, status: int
) -> HttpResponse:
    site = SiteSettings.current()
    context = {
        "form": form,
        "avatar_form": avatar_form,
        "max_size": avatars.size_label(site.avatar_max_kb * 1024),
        "messages_on": site.private_messages_enabled,
        "wall_on": site.wall_enabled,
        "gravatar_on": site.gravatar_enabled,
    }
    return render(request, "accounts/profile_edit.html", context, status=status)


@login_required
@require_POST
def avatar_upload(request: HttpRequest) -> HttpResponse:
    user = request.user
    avatar_form = AvatarForm(request.POST, request.FILES)
    status = 400
    if avatar_form.is_valid():
        try:
            avatar_set(user=user, upload=avatar_form.cleaned_data["picture"])  # type: ignore[arg-type]
        except ServiceError as error:
            status = apply_service_error(avatar_form, error)
        else:
            messages.success(request, gettext("Your new picture is saved."))
            return redirect("profile-edit")
    initial = {name: getattr(user, name) for name in ProfileForm.base_fields}
    return _edit_page(request, ProfileForm(initial=initial), avatar_form, status)


@login_required
@require_POST
def avatar_delete(request: HttpRequest) -> HttpResponse:
    try:
        avatar_remove(user=request.user)  # type: ignore[arg-type]
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("profile-edit")
    messages.success(request, gettext("Your picture is removed; your profile shows your initials."))
    return redirect("profile-edit")


@require_GET
def avatar_file(request: HttpRequest, name: str) -> HttpResponseBase:
    """An uploaded picture. Served here so the site works without a separate web server;
    behind one, /media/avatars/ can be served by it directly. Names are random and change
    with the picture, so browsers may keep each one for a year."""
    stored = avatars.stored_name(name)
    if stored is None or not default_storage.exists(stored):
        raise Http404("No such picture.")
    response = FileResponse(default_storage.open(stored, "rb"), content_type="image/webp")
    response["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_GET
def default_avatar(request: HttpRequest, username: str) -> HttpResponse:
    """The picture made from a name: computed from the name alone, with no query."""
    response = HttpResponse(avatars.default_avatar_svg(username), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    response["X-Content-Type-Options"] = "nosniff"
    # An SVG opened on its own is a document: it may run nothing and load nothing.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    return response
