"""A member with something in every corner of the site, for the deletion tests."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.follows.services import follow_add
from mindwell.moderation.feedback import feedback_send
from mindwell.moderation.models import AuditAction
from mindwell.moderation.services.audit import audit_write
from mindwell.moderation.services.flags import flag_create
from mindwell.privacy.models import DeletionMode, DeletionRequest, Pseudonym
from mindwell.professionals.models import ProfessionalApplication
from mindwell.qa.models import Post
from mindwell.qa.services import answer_create, best_answer_select, post_edit, question_create
from mindwell.qa.services.common import Poster
from mindwell.safety.models import SafetyCase
from mindwell.safety.services import case_raise
from mindwell.votes.services import vote_cast
from tests.factories import category, make_answer, make_comment, make_question, make_user
from tests.moderation.moderation_helpers import make_moderator
from tests.privacy.privacy_helpers import answer_anonymously, ask_anonymously

USERNAME = "zebraquokka91"
EMAIL = f"{USERNAME}@example.test"
SECOND_EMAIL = "zq.second.box@mailbox.example"
IP = "203.0.113.77"


@dataclass
class RichMember:
    user: User
    pseudonym: Pseudonym
    question: Post  # theirs, named, with a best answer by `other`
    answer: Post  # theirs, named, the best answer of `asker`'s question
    anon_question: Post
    anon_answer: Post
    logged_out_answer: Post  # written without an account, with their second address
    other: User
    asker: User
    moderator: User
    client: Client  # logged in as them
    document: str  # their licence document's name in private storage


def rich_member() -> RichMember:
    member = make_user(USERNAME, about="Walks by the sea help me.")
    EmailAddress.objects.create(user=member, email=SECOND_EMAIL, verified=False)
    other = make_user("riverotter5")
    asker = make_user("willowmeadow3")
    moderator = make_moderator("keeperofpeace")
    me = Poster(user=member, ip=IP)

    question = question_create(
        poster=me,
        title="How do I rebuild trust after I lied to my partner?",
        body="I lied about money and now I do not know how to make it right.",
        category_id=category().pk,
        tags="relationships trust",
    )
    others_answer = make_answer(question, other, body="Start by saying it plainly, and listen.")
    best_answer_select(question=question, answer=others_answer, user=member)
    make_comment(others_answer, member, body="Thank you, I will try that tonight.")

    askers_question = make_question(asker, title="What helps when a friend stops replying?")
    answer = answer_create(
        poster=me,
        question=askers_question,
        body="Give them some time, then send one kind message without pressure.",
    )
    best_answer_select(question=askers_question, answer=answer, user=asker)

    anon_question = ask_anonymously(member, title="Is it normal to still miss my ex?", ip=IP)
    anon_answer = answer_anonymously(askers_question, member, ip=IP)
    logged_out_answer = answer_create(
        poster=Poster(name="Sea Walker", email=SECOND_EMAIL.upper(), notify=True, ip=IP),
        question=askers_question,
        body="Writing the message in a notes app first helped me find calm words.",
    )

    vote_cast(user=other, post=question, value=1)
    vote_cast(user=other, post=answer, value=1)
    vote_cast(user=other, post=anon_answer, value=1)
    vote_cast(user=member, post=askers_question, value=1)
    vote_cast(user=member, post=others_answer, value=1)

    post_edit(post=question, editor=member, body=question.body + " It was last year.", ip=IP)
    post_edit(
        post=answer,
        editor=moderator,
        body=answer.body + "\n\nEdited for clarity.",
        reason=f"Tidied the formatting for {USERNAME}",
    )
    flag_create(user=member, post=make_question(other), reason="spam")
    flag_create(user=other, post=answer, reason="other", note=f"{USERNAME} posts this everywhere")

    follow_add(user=member, target=askers_question)
    follow_add(user=other, target=member)
    feedback_send(user=member, body=f"Hello from {USERNAME}!", name=USERNAME, email=EMAIL, ip=IP)
    audit_write(
        actor=moderator,
        action=AuditAction.SILENCE,
        target_user=member,
        reason=f"{USERNAME} was unkind in a comment",
        detail={"note": f"told {USERNAME} at {EMAIL}", "days": 1},
    )
    case = case_raise(
        post=question,
        level="elevated",
        source="flag",
        reasons=[{"rule": "flag", "phrase": "worried", "level": "elevated"}],
    )
    assert case is not None
    SafetyCase.objects.filter(pk=case.pk).update(note=f"Checked in with {USERNAME} by message.")
    LogEntry.objects.create(
        user=moderator,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(member.pk),
        object_repr=USERNAME,
        action_flag=CHANGE,
        change_message=f"Changed email to {EMAIL}.",
    )
    application = ProfessionalApplication(
        user=member,
        profession="counsellor",
        licence_number="ZQ-0091-LIC",
        issuing_body="Counselling Board",
        jurisdiction="Ireland",
        expires_on=timezone.localdate() + datetime.timedelta(days=300),
    )
    application.document.save("licence.pdf", ContentFile(b"%PDF-1.4 licence"), save=False)
    application.save()

    client = Client(REMOTE_ADDR=IP)
    client.force_login(member)
    assert client.get("/").status_code == 200  # a session, noted with its address

    return RichMember(
        user=member,
        pseudonym=Pseudonym.objects.get(user=member),
        question=question,
        answer=answer,
        anon_question=anon_question,
        anon_answer=anon_answer,
        logged_out_answer=logged_out_answer,
        other=other,
        asker=asker,
        moderator=moderator,
        client=client,
        document=application.document.name,
    )


def request_deletion(user: User, mode: str) -> DeletionRequest:
    """A request whose grace period is already over."""
    now = timezone.now()
    return DeletionRequest.objects.create(
        user=user,
        mode=mode,
        requested_at=now - datetime.timedelta(days=15),
        execute_after=now - datetime.timedelta(days=1),
    )


__all__ = ["DeletionMode", "RichMember", "request_deletion", "rich_member"]
