"""What safety adds to other apps' pages: the composer's crisis notice, the question page's
resources panel, and the visitor's country. The qa views call these and pass the result to
the safety partials (safety/_composer_notice.html, safety/_question_panel.html)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from mindwell.qa.models import Post, PostStatus, RiskLevel
from mindwell.safety import permissions
from mindwell.safety.risk import assess
from mindwell.safety.selectors import (
    LEVEL_RANK,
    Resources,
    highest_level,
    resources_for,
    thread_cases,
    thread_posts,
)
from mindwell.siteconfig.models import SiteSettings

COUNTRY_COOKIE = "mw_crisis_country"
COUNTRY_COOKIE_AGE = 365 * 24 * 3600
# Posts this browser has just written that need support: the next page shows the writer a
# panel meant for them, even without an account.
POSTED_SESSION_KEY = "safety_posted"
# The assessor reads no more than this of a draft; long enough for any real post.
DRAFT_LIMIT = 20_000


@dataclass(frozen=True)
class SafetyNotice:
    """What to show: the level (crisis or elevated), whose wording (the writer's or a
    reader's), and the lines for the viewer's country. Never the assessor's reasons."""

    level: str
    resources: Resources
    writer: bool = False
    just_posted: bool = False
    # The writer's post waits for a moderator's approval, so it is not up yet.
    waiting: bool = False

    @property
    def is_crisis(self) -> bool:
        return self.level == RiskLevel.CRISIS


def visitor_country(request: HttpRequest) -> str:
    """A member's saved choice, else this browser's choice (a cookie), else the site
    default. Never guessed from the address or any outside service."""
    user = request.user
    if user.is_authenticated and user.crisis_country:
        return str(user.crisis_country)
    chosen = request.COOKIES.get(COUNTRY_COOKIE, "")
    if len(chosen) == 2 and chosen.isalpha():
        return chosen.upper()
    return SiteSettings.current().crisis_country.upper()


def draft_level(*, title: str = "", body: str = "") -> str:
    """The assessor's level for text someone is writing; nothing of it is stored."""
    if not (title.strip() or body.strip()):
        return RiskLevel.NONE.value
    return assess(body[:DRAFT_LIMIT], title=title[:DRAFT_LIMIT]).level.value


def composer_notice(
    request: HttpRequest, *, title: str = "", body: str = ""
) -> SafetyNotice | None:
    """The notice for a draft: crisis lines when it reads as crisis, softer support when
    elevated, nothing otherwise. One query when there is something to show."""
    level = draft_level(title=title, body=body)
    if LEVEL_RANK[RiskLevel(level)] == 0:
        return None
    return SafetyNotice(level=level, resources=resources_for(visitor_country(request)), writer=True)


def composer_context(request: HttpRequest) -> dict[str, Any]:
    """For a page whose composer was just sent (preview, or a refused submit)."""
    if request.method != "POST":
        return {"composer_safety": None}
    title, body = request.POST.get("title", ""), request.POST.get("body", "")
    return {"composer_safety": composer_notice(request, title=title, body=body)}


def remember_post(request: HttpRequest, post: Post) -> Post:
    """Call with a post just created from this request: when it reads as crisis or elevated,
    the page it leads to greets the writer with support. Returns the post."""
    if LEVEL_RANK[RiskLevel(post.risk_level)] > 0:
        posted = [pk for pk in request.session.get(POSTED_SESSION_KEY, []) if pk != post.pk]
        request.session[POSTED_SESSION_KEY] = [*posted, post.pk][-5:]
    return post


def question_context(request: HttpRequest, thread: Any) -> dict[str, Any]:
    """The question page's safety parts: the resources panel (to everyone when the thread
    holds a crisis or elevated post, in the writer's words to whoever wrote it), the answer
    composer's notice, and for moderators the thread's cases. At most two queries."""
    posts = thread_posts(thread)
    just_posted = _take_just_posted(request, posts)
    viewer_id = request.user.pk if request.user.is_authenticated else None
    own = [
        post
        for post in posts
        if post.pk in just_posted or (viewer_id and post.author_id == viewer_id)
    ]
    writer_level = highest_level(own)
    level = writer_level if writer_level != RiskLevel.NONE else highest_level(posts)
    draft = composer_context(request)["composer_safety"] if request.method == "POST" else None
    panel = None
    if level != RiskLevel.NONE:
        resources = draft.resources if draft else resources_for(visitor_country(request))
        panel = SafetyNotice(
            level=level,
            resources=resources,
            writer=writer_level != RiskLevel.NONE,
            just_posted=bool(just_posted),
            waiting=any(post.status == PostStatus.QUEUED for post in own),
        )
    cases = []
    if permissions.can_handle_cases(request.user):
        cases = thread_cases(question_id=thread.question.pk)
    return {"safety_panel": panel, "composer_safety": draft, "safety_cases": cases}


def _take_just_posted(request: HttpRequest, posts: list[Post]) -> set[int]:
    """Ids of this thread's posts the writer has just made, forgotten once shown, so the
    welcome shows once and later visits see the calmer panel."""
    if request.method != "GET" or not hasattr(request, "session"):
        return set()
    remembered = request.session.get(POSTED_SESSION_KEY)
    if not remembered:
        return set()
    here = {post.pk for post in posts if post.risk_level != RiskLevel.NONE}
    shown = here.intersection(remembered)
    if shown:
        request.session[POSTED_SESSION_KEY] = [pk for pk in remembered if pk not in shown]
    return shown
