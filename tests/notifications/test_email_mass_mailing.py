"""Mass mailings: sent by an administrator, only to members who asked for announcements,
a little at a time, each with its own unsubscribe link."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mindwell.core.errors import ServiceError
from mindwell.notifications.delivery import send_due
from mindwell.notifications.mass_mail import mass_mailing_send
from mindwell.notifications.models import Delivery, NotificationPreference
from mindwell.notifications.models_email import (
    EmailState,
    MailingState,
    MassMailing,
    OutboundEmail,
)
from mindwell.notifications.unsubscribe import ANNOUNCEMENTS
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def opted_in(username: str, delivery: str = Delivery.INSTANT):
    user = make_user(username)
    NotificationPreference.objects.create(user=user, event_type=ANNOUNCEMENTS, delivery=delivery)
    return user


@pytest.fixture
def admin_user():
    return make_user("root", is_staff=True, is_superuser=True)


@pytest.fixture
def mailing(admin_user):
    return MassMailing.objects.create(
        subject="Our community guidelines have changed",
        body="We rewrote the **guidelines** with your help.\n\nThank you.",
        created_by=admin_user,
    )


@pytest.fixture
def send(database_queue, django_capture_on_commit_callbacks):
    """Start the mailing and run the queuing task, as the worker would."""

    def start(mailing, by):
        from mindwell.notifications.mass_mail import mass_mailing_queue

        mass_mailing_send(mailing=mailing, by=by)
        return mass_mailing_queue.call(mailing.pk)

    return start


def test_only_members_who_asked_for_announcements_get_it(mailing, admin_user, send, smtp_sink):
    ann, ben = opted_in("ann"), opted_in("ben")
    opted_in("cat", delivery=Delivery.OFF)
    make_user("dan")  # never asked
    closed = opted_in("eve")
    closed.is_active = False
    closed.save()

    assert send(mailing, admin_user) == 2
    assert send_due() == 2
    assert sorted(r for m in smtp_sink.messages for r in m.recipients) == [ann.email, ben.email]
    email = smtp_sink.to(ann.email)[0]
    assert email.subject == "Our community guidelines have changed"
    assert "<strong>guidelines</strong>" in email.html
    assert "We rewrote the **guidelines**" in email.text
    assert email.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    mailing.refresh_from_db()
    assert (mailing.state, mailing.recipient_count) == (MailingState.SENT, 2)


def test_it_is_throttled(mailing, admin_user, send, smtp_sink, settings):
    settings.MINDWELL_MASS_MAIL_PER_MINUTE = 2
    for n in range(5):
        opted_in(f"reader{n}")
    send(mailing, admin_user)

    rows = list(OutboundEmail.objects.filter(mailing=mailing).order_by("recipient_id"))
    start = MassMailing.objects.get().started_at
    minutes = [round((r.next_attempt_at - start) / timedelta(minutes=1)) for r in rows]
    assert minutes == [0, 0, 1, 1, 2]
    assert send_due() == 2  # this minute's share only
    OutboundEmail.objects.filter(mailing=mailing).update(next_attempt_at=timezone.now())
    assert send_due() == 3


def test_unsubscribing_from_the_email_stops_the_next_one(
    mailing, admin_user, send, smtp_sink, client
):
    ann = opted_in("ann")
    send(mailing, admin_user)
    send_due()
    link = str(smtp_sink.messages[0].message["List-Unsubscribe"]).strip().strip("<>")
    client.post("/" + link.split("://", 1)[1].partition("/")[2], {"List-Unsubscribe": "One-Click"})
    assert NotificationPreference.objects.get(user=ann, event_type=ANNOUNCEMENTS).delivery == "off"

    second = MassMailing.objects.create(subject="Second news", body="More.", created_by=admin_user)
    assert send(second, admin_user) == 0


def test_a_member_who_unsubscribes_while_it_is_queued_is_skipped(
    mailing, admin_user, send, smtp_sink
):
    ann = opted_in("ann")
    send(mailing, admin_user)
    NotificationPreference.objects.filter(user=ann).update(delivery=Delivery.OFF)
    assert send_due() == 0
    assert OutboundEmail.objects.get().state == EmailState.SKIPPED


def test_only_administrators_send_and_only_once(mailing, admin_user, send, smtp_sink):
    opted_in("ann")
    moderator = make_user("mod", is_staff=True)
    with pytest.raises(ServiceError, match="Only administrators"):
        mass_mailing_send(mailing=mailing, by=moderator)
    send(mailing, admin_user)
    with pytest.raises(ServiceError, match="already sent"):
        mass_mailing_send(mailing=mailing, by=admin_user)


def test_resuming_an_interrupted_mailing_sends_nobody_twice(mailing, admin_user, send, smtp_sink):
    from mindwell.notifications.mass_mail import mass_mailing_queue

    opted_in("ann")
    opted_in("ben")
    send(mailing, admin_user)
    MassMailing.objects.filter(pk=mailing.pk).update(state=MailingState.SENDING)
    assert mass_mailing_queue.call(mailing.pk) == 2
    assert OutboundEmail.objects.filter(mailing=mailing).count() == 2
    send_due()
    assert smtp_sink.count() == 2


def test_the_admin_send_action(mailing, admin_user, client, database_queue):
    opted_in("ann")
    client.force_login(admin_user)
    response = client.post(
        "/admin/notifications/massmailing/", {"action": "send", "_selected_action": [mailing.pk]}
    )
    assert response.status_code == 302
    mailing.refresh_from_db()
    assert mailing.state == MailingState.SENDING
    page = client.get(f"/admin/notifications/massmailing/{mailing.pk}/change/").content.decode()
    # Once sending has begun, the text can no longer change.
    assert 'name="subject"' not in page
