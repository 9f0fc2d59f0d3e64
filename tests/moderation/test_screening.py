"""Screening through the real post services: each refusal with its clear message, and what
makes a post wait for approval."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mindwell.core.errors import PermissionDenied, RateLimited, ServiceError
from mindwell.moderation.models import (
    AuditAction,
    AuditEntry,
    BlockedNetwork,
    WatchedWord,
    WriteLimit,
)
from mindwell.moderation.screening import screen_post
from mindwell.qa.models import Post, PostKind, PostStatus
from mindwell.qa.services.common import Poster
from mindwell.siteconfig.models import SiteSettings
from tests.factories import category, make_answer, make_comment, make_question, make_user

pytestmark = pytest.mark.django_db

ANSWER = "Talking to a counsellor helped me more than anything else."


def set_site(**fields) -> None:
    site = SiteSettings.current()
    for name, value in fields.items():
        setattr(site, name, value)
    site.save()


def set_limit(action: str, *, per_member: int, per_ip: int) -> None:
    """As an administrator does in the admin (a save, so the cached limits are dropped)."""
    limit = WriteLimit.objects.get(action=action)
    limit.per_member_per_hour, limit.per_ip_per_hour = per_member, per_ip
    limit.save()


def test_a_blocked_network_cannot_post(question, other_member):
    BlockedNetwork.objects.create(network="203.0.113.0/24")
    with pytest.raises(PermissionDenied) as refusal:
        make_answer(question, poster=Poster(user=other_member, ip="203.0.113.77"), body=ANSWER)
    assert refusal.value.message == (
        "Posting from your network is blocked. If you think this is a mistake, use the "
        "feedback page."
    )
    make_answer(question, poster=Poster(user=other_member, ip="198.51.100.1"), body=ANSWER)
    assert question.thread_posts.filter(kind=PostKind.ANSWER).count() == 1


def test_moderators_are_not_stopped_by_a_blocked_network(question):
    BlockedNetwork.objects.create(network="203.0.113.0/24")
    moderator = make_user(is_staff=True)
    answer = make_answer(question, poster=Poster(user=moderator, ip="203.0.113.77"), body=ANSWER)
    assert answer.status == PostStatus.PUBLISHED


def test_a_silenced_member_is_told_until_when(question, member):
    member.silenced_until = timezone.now() + timedelta(days=2)
    member.save()
    with pytest.raises(PermissionDenied) as refusal:
        screen_post(poster=Poster(user=member), kind=PostKind.ANSWER, title="", body=ANSWER)
    until = timezone.localtime(member.silenced_until)
    assert "Your account is silenced until" in refusal.value.message
    assert f"{until:%Y}" in refusal.value.message and f"{until.day} " in refusal.value.message


def test_a_suspended_member_cannot_edit(question, member):
    member.suspended_until = timezone.now() + timedelta(hours=5)
    member.save()
    from mindwell.qa.services import post_edit

    with pytest.raises(PermissionDenied, match="Your account is suspended until"):
        post_edit(post=question, editor=member, body="A changed body for my question.")
    question.refresh_from_db()
    assert question.body != "A changed body for my question."


def test_the_hourly_answer_limit_per_member(question, other_member):
    set_limit("answer", per_member=2, per_ip=0)
    for n in range(2):
        make_answer(question, author=other_member, body=f"{ANSWER} ({n})")
    with pytest.raises(RateLimited) as refusal:
        make_answer(question, author=other_member, body=ANSWER)
    assert refusal.value.message == (
        "You have posted 2 answers in the last hour, the most allowed is 2. Please wait a "
        "while; your text is kept."
    )
    # Another member is counted separately.
    make_answer(question, author=make_user(), body=ANSWER)


def test_the_hourly_limit_per_address_covers_visitors(question):
    set_limit("comment", per_member=0, per_ip=1)
    make_comment(question, poster=Poster(ip="192.0.2.5"), body="Sending you strength.")
    with pytest.raises(RateLimited, match="1 comment has been posted from your network"):
        make_comment(question, poster=Poster(ip="192.0.2.5"), body="And one more thing.")
    make_comment(question, poster=Poster(ip="192.0.2.6"), body="From somewhere else.")


def test_slow_mode_on_a_question(question, other_member):
    Post.objects.filter(pk=question.pk).update(slow_mode_seconds=120)
    question.refresh_from_db()
    make_answer(question, author=other_member, body=ANSWER)
    with pytest.raises(RateLimited) as refusal:
        make_comment(question, author=other_member, body="One more thought on this.")
    message = refusal.value.message
    assert message.startswith("This question is in slow mode: each person can post here once")
    assert "every 120 seconds. Please wait 1" in message and "your text is kept" in message
    # Others, and moderators, are not held up by someone else's post.
    make_comment(question, author=make_user(), body="Me too, thank you.")
    make_comment(question, author=make_user(is_staff=True), body="Please keep it kind.")


def test_slow_mode_ends_after_the_wait(question, other_member):
    Post.objects.filter(pk=question.pk).update(slow_mode_seconds=60)
    question.refresh_from_db()
    answer = make_answer(question, author=other_member, body=ANSWER)
    Post.objects.filter(pk=answer.pk).update(created_at=timezone.now() - timedelta(seconds=61))
    make_comment(question, author=other_member, body="Following up after a minute.")


def test_slow_mode_on_a_category(member):
    anxiety = category("anxiety")
    anxiety.slow_mode_seconds = 600
    anxiety.save()
    make_question(author=member, category_id=anxiety.pk)
    with pytest.raises(RateLimited, match="The category “Anxiety” is in slow mode"):
        make_question(author=member, category_id=anxiety.pk)
    # Another category is not slowed.
    make_question(author=member, category_id=category("psychology").pk)


def test_slow_mode_tells_visitors_apart_by_address(question):
    Post.objects.filter(pk=question.pk).update(slow_mode_seconds=300)
    question.refresh_from_db()
    make_comment(question, poster=Poster(ip="192.0.2.10"), body="Hang in there.")
    with pytest.raises(RateLimited):
        make_comment(question, poster=Poster(ip="192.0.2.10"), body="Hang in there again.")
    make_comment(question, poster=Poster(ip="192.0.2.11"), body="Another visitor.")


def test_a_blocked_word_is_refused_naming_the_word(question, other_member):
    WatchedWord.objects.create(pattern="cheap pills", action="block")
    with pytest.raises(ServiceError) as refusal:
        make_answer(question, author=other_member, body=f"Buy CHEAP   pills here. {ANSWER}")
    assert refusal.value.field == "body"
    assert refusal.value.message == (
        "Your post contains “CHEAP   pills”, which this forum does not allow. Please change "
        "the word and post again; your text is kept."
    )


def test_a_blocked_word_in_the_title_points_at_the_title(member):
    WatchedWord.objects.create(pattern="casino*", action="block")
    with pytest.raises(ServiceError) as refusal:
        make_question(author=member, title="Is the casinos trip making me anxious?")
    assert refusal.value.field == "title"
    assert "“casinos”" in refusal.value.message


def test_censored_words_are_replaced_by_asterisks(member):
    WatchedWord.objects.create(pattern="idiot*", action="censor")
    question = make_question(
        author=member,
        title="My boss called me an idiot today",
        body="He said IDIOTS like me never learn.",
    )
    assert question.title == "My boss called me an ***** today"
    assert question.body == "He said ****** like me never learn."
    assert "IDIOTS" not in question.body_html


def test_an_approve_word_sends_the_post_for_approval(question, other_member):
    WatchedWord.objects.create(pattern="telegram", action="approve")
    answer = make_answer(question, author=other_member, body=f"{ANSWER} Message me on Telegram.")
    assert answer.status == PostStatus.QUEUED
    question.refresh_from_db()
    assert question.answer_count == 0
    entry = AuditEntry.objects.get(action=AuditAction.WATCHED_WORDS, post=answer)
    assert entry.actor is None and "held for approval for Telegram" in entry.reason


def test_a_moderator_is_never_queued(question):
    WatchedWord.objects.create(pattern="telegram", action="approve")
    set_site(premoderate_new_member_days=30)
    moderator = make_user(is_staff=True)
    answer = make_answer(question, author=moderator, body=f"{ANSWER} Telegram is not safe.")
    assert answer.status == PostStatus.PUBLISHED


def test_a_flag_word_records_a_system_flag(question, other_member):
    WatchedWord.objects.create(pattern="diet pill*", action="flag")
    answer = make_answer(question, author=other_member, body=f"{ANSWER} Diet pills helped me.")
    answer.refresh_from_db()
    assert answer.status == PostStatus.PUBLISHED
    assert answer.flag_count == 1
    entry = AuditEntry.objects.get(action=AuditAction.WATCHED_WORDS, post=answer)
    assert entry.actor is None
    assert entry.reason == "Matched watched words: flagged for Diet pills."
    assert entry.target_user == other_member


def test_visitors_wait_for_approval_when_the_site_says_so(question):
    set_site(premoderate_anonymous=True)
    comment = make_comment(question, poster=Poster(ip="192.0.2.1"), body="Thinking of you.")
    assert comment.status == PostStatus.QUEUED
    question.refresh_from_db()
    assert question.comment_count == 0


def test_new_members_wait_for_approval(question):
    set_site(premoderate_new_member_days=3)
    newcomer = make_user()
    veteran = make_user(date_joined=timezone.now() - timedelta(days=4))
    assert make_answer(question, author=newcomer, body=ANSWER).status == PostStatus.QUEUED
    assert make_answer(question, author=veteran, body=ANSWER).status == PostStatus.PUBLISHED


def test_members_under_the_points_threshold_wait_for_approval(question):
    set_site(premoderate_points_below=150)
    low, high = make_user(points=120), make_user(points=150)
    screening = screen_post(poster=Poster(user=low), kind=PostKind.ANSWER, title="", body=ANSWER)
    assert screening.queue_reasons == ["a member with fewer than 150 points"]
    assert make_answer(question, author=low, body=ANSWER).status == PostStatus.QUEUED
    assert make_answer(question, author=high, body=ANSWER).status == PostStatus.PUBLISHED


def test_approving_later_publishes_with_the_counters(question, other_member):
    set_site(premoderate_new_member_days=3)
    answer = make_answer(question, author=other_member, body=ANSWER)
    from mindwell.qa.services.publication import post_set_status

    post_set_status(post=answer, status=PostStatus.PUBLISHED)
    question.refresh_from_db()
    assert question.answer_count == 1
