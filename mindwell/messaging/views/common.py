"""What the messaging views share: refusals that say why, the member a URL names, and the
crisis lines offered to someone who has just written something that reads as crisis."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse

from mindwell.accounts.models import User
from mindwell.moderation.views.common import refuse
from mindwell.qa.models import RiskLevel
from mindwell.safety.pages import SafetyNotice, visitor_country
from mindwell.safety.selectors import resources_for

SAFETY_SESSION_KEY = "messaging_safety"


def login_first(request: HttpRequest) -> HttpResponse | None:
    """Send a visitor to log in (a GET) or refuse (a POST, which cannot be replayed)."""
    if request.user.is_authenticated:
        return None
    if request.method == "GET":
        return redirect_to_login(request.get_full_path())
    return refuse(request, "Please log in first.")


def member_or_404(username: str) -> User:
    member = User.objects.filter(username=username, is_active=True).first()
    if member is None:
        raise Http404("No such member.")
    return member


def remember_risk(request: HttpRequest, level: str) -> None:
    """After sending something that reads as crisis (or elevated), the next page offers the
    writer help, as the forum does after a post."""
    if level != RiskLevel.NONE:
        request.session[SAFETY_SESSION_KEY] = level


def take_safety_notice(request: HttpRequest) -> SafetyNotice | None:
    level = request.session.pop(SAFETY_SESSION_KEY, None)
    if level not in (RiskLevel.CRISIS, RiskLevel.ELEVATED):
        return None
    return notice_for(request, str(level))


def notice_for(request: HttpRequest, level: str) -> SafetyNotice:
    return SafetyNotice(level=level, resources=resources_for(visitor_country(request)), writer=True)
