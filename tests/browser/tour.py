"""The page tour: a small but complete forum, and every page type with the person who sees it.

`build_forum()` writes the forum through the real services (questions, answers, comments,
votes, a best answer, a flag, a crisis case, a private conversation, a notification, a
professional's application); `tour_stops()` lists every page type with who visits it and what
it must answer. The browser tour with axe-core (test_page_tour.py) and the HTML check
(test_valid_html.py) both walk this one list, so a page added here is checked by both.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.test import Client, RequestFactory

from mindwell.accounts.models import User
from mindwell.core.views import server_error
from mindwell.messaging.services.messages import message_send
from mindwell.moderation.services.flags import flag_create
from mindwell.qa.models import Post
from mindwell.qa.services import best_answer_select
from mindwell.qa.services.common import Poster
from mindwell.safety.models import SafetyCase
from mindwell.siteconfig.models import SiteSettings
from mindwell.taxonomy.models import Category
from mindwell.votes.services import vote_cast
from tests.factories import make_answer, make_comment, make_question, make_user
from tests.professionals.helpers import make_application

QUESTION_TITLE = "Why do I wake up at 4am every night and cannot sleep again?"
QUESTION_BODY = (
    "For three weeks I have woken up at 4am **every night**.\n\n"
    "My mind starts racing about work and I cannot get back to sleep."
)
CRISIS_TITLE = "I can't do this anymore and tonight is the night"
CRISIS_BODY = (
    "I have saved up all my pills and I am going to take them tonight after everyone is "
    "asleep. I just wanted to say goodbye to someone."
)
# Who visits: None is a visitor without an account.
ASKER, MEMBER, MODERATOR, ADMIN = "noor", "sam", "mod.kim", "admin.ada"


@dataclass(frozen=True)
class Stop:
    """One page of the tour."""

    name: str  # short and file-name safe: screenshots and failure messages use it
    path: str
    who: str | None = None
    status: int = 200
    # The main pages are photographed for the README (MINDWELL_SCREENSHOTS=1).
    screenshot: bool = False


@dataclass
class Forum:
    question: Post
    answer: Post
    crisis: Post
    case: SafetyCase
    conversation_id: int
    users: dict[str, User]


# Questions asked before the main one, so lists look like a forum's (newest first).
OTHER_QUESTIONS = [
    ("How can I support a friend who has stopped replying to messages?",
     "She used to write every day and now she has gone quiet for a month.",
     "friendship", "friendship support"),
    ("What helps with the Sunday evening dread before the working week?",
     "Every Sunday from about four o'clock I feel sick thinking about Monday.",
     "burnout", "work stress"),
    ("Is it normal to still cry about my dog a year later?",
     "People around me seem to think I should be over it by now.",
     "pet-loss", "grief"),
    ("How do I tell my parents I want to start therapy?",
     "They think therapy is only for people in crisis, and I worry about their reaction.",
     "therapy-counselling", "family therapy"),
]  # fmt: skip


def build_forum() -> Forum:
    """A forum with one of everything a page can show."""
    site = SiteSettings.current()
    site.private_messages_enabled = True
    site.save()
    asker = make_user(ASKER, about="I write about sleep and worry.")
    member = make_user(MEMBER, points=500)
    moderator = make_user(MODERATOR, is_staff=True)
    admin = make_user(ADMIN, is_staff=True, is_superuser=True)
    crisis = make_question(author=make_user("lena"), title=CRISIS_TITLE, body=CRISIS_BODY)
    case = SafetyCase.objects.filter(post=crisis).get()
    for number, (title, body, category, tags) in enumerate(OTHER_QUESTIONS):
        other_question = make_question(
            author=member if number % 2 else asker,
            title=title,
            body=body,
            category_id=_category_id(category),
            tags=tags,
        )
        if number % 2:
            make_answer(other_question, author=asker)
    question = make_question(
        author=asker, title=QUESTION_TITLE, body=QUESTION_BODY, tags="sleep anxiety"
    )
    answer = make_answer(
        question,
        poster=Poster(name="Morning Lark"),
        body="Keeping a notebook by the bed and writing the worries down helped me.",
    )
    other = make_answer(
        question, author=member, body="A regular wake-up time, even at weekends, helped me."
    )
    make_comment(answer, author=member, body="The notebook idea worked for me too.")
    vote_cast(user=member, post=question, value=1)
    vote_cast(user=asker, post=other, value=1)
    best_answer_select(question=question, answer=answer, user=asker)
    flag_create(user=member, post=answer, reason="spam")
    sent = message_send(sender=member, recipient=asker, body="Thank you for asking this.")
    make_application(member)
    return Forum(
        question=question,
        answer=answer,
        crisis=crisis,
        case=case,
        conversation_id=sent.conversation_id,
        users={u.username: u for u in (asker, member, moderator, admin)},
    )


def _category_id(slug: str) -> int:
    return Category.objects.get(slug=slug).pk


def tour_stops(forum: Forum) -> list[Stop]:
    """Every page type, visited by the kind of person who uses it."""
    question_url = forum.question.get_absolute_url()
    stops = [
        Stop("home", "/", screenshot=True),
        *(
            Stop(f"list-{sort}", f"/questions/?sort={sort}")
            for sort in ("hot", "active", "votes", "answers", "views", "unanswered")
        ),
        Stop("activity", "/activity/"),
        Stop("question", question_url, screenshot=True),
        Stop("question-as-asker", question_url, who=ASKER),
        Stop("history", f"/posts/{forum.question.pk}/history/"),
        Stop("ask-visitor", "/ask/"),
        Stop("ask", "/ask/", who=MEMBER, screenshot=True),
        Stop("edit", f"/posts/{forum.question.pk}/edit/", who=ASKER),
        Stop("search", "/search/?q=sleep", screenshot=True),
        Stop("search-empty", "/search/?q=zebracrossingquartz"),
        Stop("categories", "/categories/"),
        Stop("category", "/categories/psychology/"),
        Stop("tags", "/tags/"),
        Stop("tag", "/tags/sleep/"),
        Stop("users", "/users/"),
        Stop("profile", f"/users/{ASKER}/", who=MEMBER, screenshot=True),
        Stop("profile-own", f"/users/{ASKER}/", who=ASKER),
        Stop("badges", "/badges/"),
        Stop("privileges", "/help/privileges/"),
        Stop("crisis-lines", "/safety/resources/"),
        Stop("feedback", "/moderation/feedback/"),
        Stop("updates", "/updates/", who=ASKER),
        Stop("inbox", "/inbox/", who=ASKER),
        Stop("notification-settings", "/inbox/settings/", who=ASKER),
        Stop("profile-edit", "/accounts/profile/", who=ASKER),
        Stop("safety-settings", "/accounts/safety/", who=ASKER),
        Stop("account-email", "/accounts/email/", who=ASKER),
        Stop("password-change", "/accounts/password/change/", who=ASKER),
        Stop("sessions", "/accounts/sessions/", who=ASKER),
        Stop("privacy", "/privacy/", who=ASKER),
        Stop("professional-apply", "/professionals/apply/", who=ASKER),
        Stop("messages", "/messages/", who=ASKER),
        Stop("conversation", f"/messages/{forum.conversation_id}/", who=ASKER),
        Stop("compose", "/messages/new/lena/", who=MEMBER),
        Stop("moderation-queue", "/moderation/queue/", who=MODERATOR, screenshot=True),
        Stop("moderation-dashboard", "/moderation/dashboard/", who=MODERATOR),
        Stop("moderation-log", "/moderation/log/", who=ADMIN),
        Stop("moderation-post", f"/moderation/post/{forum.question.pk}/", who=MODERATOR),
        Stop("moderation-user", f"/moderation/user/{MEMBER}/", who=MODERATOR),
        Stop("flag", f"/moderation/flag/{forum.answer.pk}/", who=MEMBER),
        Stop("safety-queue", "/safety/queue/", who=MODERATOR),
        Stop("safety-case", f"/safety/queue/{forum.case.pk}/", who=MODERATOR),
        Stop("professional-queue", "/professionals/queue/", who=MODERATOR),
        Stop("message-reports", "/messages/reports/", who=MODERATOR),
        Stop("admin", "/admin/", who=ADMIN),
        Stop("admin-posts", "/admin/qa/post/", who=ADMIN),
        Stop("login", "/accounts/login/"),
        Stop("register", "/accounts/register/"),
        Stop("password-reset", "/accounts/password/reset/"),
        Stop("password-reset-done", "/accounts/password/reset/done/"),
        Stop("accessibility", "/pages/accessibility/"),
        Stop("about", "/pages/about/"),
        Stop("not-found", "/no-such-page/", status=404),
        Stop("forbidden", "/moderation/queue/", who=MEMBER, status=403),
        Stop("bad-request", "/?" + "&".join(f"f{i}=1" for i in range(1001)), status=400),
    ]
    return stops


def session_cookie(user: User) -> dict[str, str]:
    """A logged-in session for `user`, as the login form would leave it (the login form itself
    is tested by the journeys; the tour only needs to be that person)."""
    client = Client()
    client.force_login(user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
    }


def by_person(stops: list[Stop]) -> dict[str | None, list[Stop]]:
    """The stops grouped by visitor, in tour order: one browser context per person."""
    groups: dict[str | None, list[Stop]] = {}
    for stop in stops:
        groups.setdefault(stop.who, []).append(stop)
    return groups


def server_error_html() -> str:
    """The 500 page exactly as `handler500` renders it (no URL in the site raises on purpose)."""
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    response = server_error(request)
    assert response.status_code == 500
    return response.content.decode()
