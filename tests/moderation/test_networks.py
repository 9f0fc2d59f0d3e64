"""Blocked networks: IPv4 and IPv6 ranges, expiry, the cached list, and the refusal pages
(the test client's address is 127.0.0.1 unless REMOTE_ADDR is set)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.moderation.admin_screening import BlockedNetworkForm
from mindwell.moderation.models import BlockedNetwork
from mindwell.moderation.networks import is_blocked, parse_network
from mindwell.qa.models import Post, PostKind
from mindwell.siteconfig.models import SiteSettings
from tests.factories import PASSWORD, category
from tests.moderation.screening_helpers import text

pytestmark = pytest.mark.django_db

BLOCKED = "Posting from your network is blocked. If you think this is a mistake, use the feedback"


def test_an_ipv4_range():
    BlockedNetwork.objects.create(network="203.0.113.0/24")
    assert is_blocked("203.0.113.1") and is_blocked("203.0.113.254")
    assert not is_blocked("203.0.114.1")
    # The same address seen through a dual-stack socket.
    assert is_blocked("::ffff:203.0.113.9")


def test_an_ipv6_range_and_a_single_address():
    BlockedNetwork.objects.create(network="2001:db8:abcd::/48")
    BlockedNetwork.objects.create(network="198.51.100.7")
    assert is_blocked("2001:db8:abcd:12::1")
    assert not is_blocked("2001:db8:abce::1")
    assert is_blocked("198.51.100.7") and not is_blocked("198.51.100.8")


def test_expired_blocks_no_longer_apply():
    BlockedNetwork.objects.create(
        network="192.0.2.0/24", expires_at=timezone.now() - timedelta(minutes=1)
    )
    BlockedNetwork.objects.create(
        network="198.51.100.0/24", expires_at=timezone.now() + timedelta(days=1)
    )
    assert not is_blocked("192.0.2.5")
    assert is_blocked("198.51.100.5")


def test_the_list_follows_changes_and_ignores_nonsense():
    BlockedNetwork.objects.create(network="not an address")
    assert not is_blocked("192.0.2.5")
    block = BlockedNetwork.objects.create(network="192.0.2.0/24")
    assert is_blocked("192.0.2.5")
    block.delete()
    assert not is_blocked("192.0.2.5")
    assert not is_blocked("unknown") and not is_blocked(None)


def test_the_admin_form_checks_and_normalises_ranges():
    form = BlockedNetworkForm(data={"network": " 203.0.113.77/24 ", "reason": "spam wave"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["network"] == "203.0.113.0/24"
    bad = BlockedNetworkForm(data={"network": "203.0.113.300"})
    assert not bad.is_valid()
    assert "is not an address or range" in bad.errors["network"][0]
    with pytest.raises(ValueError):
        parse_network("example.com")


def test_a_blocked_visitor_keeps_the_answer_text(client, question):
    BlockedNetwork.objects.create(network="203.0.113.0/24")
    response = client.post(
        f"/questions/{question.pk}/answer/",
        {"body": "My whole careful answer about sleep.", "submit_token": "t1"},
        REMOTE_ADDR="203.0.113.20",
    )
    assert response.status_code == 403
    page = text(response)
    assert BLOCKED in page
    assert "My whole careful answer about sleep." in page
    assert not Post.objects.filter(kind=PostKind.ANSWER).exists()


def test_a_blocked_ipv6_member_keeps_the_question_text(client, member):
    BlockedNetwork.objects.create(network="2001:db8::/32")
    client.force_login(member)
    data = {
        "title": "How do I talk to my partner about therapy?",
        "body": "We argue every time I bring it up.",
        "category": str(category("relationships").pk),
        "submit_token": "t2",
    }
    response = client.post("/ask/", data, REMOTE_ADDR="2001:db8:1::5")
    assert response.status_code == 403
    page = text(response)
    assert BLOCKED in page
    assert "We argue every time I bring it up." in page


def test_registration_from_a_blocked_network_is_refused(client):
    BlockedNetwork.objects.create(network="203.0.113.0/24")
    data = {
        "username": "newcomer",
        "email": "newcomer@example.test",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    response = client.post("/accounts/register/", data, REMOTE_ADDR="203.0.113.3")
    assert response.status_code == 403
    page = text(response)
    assert "Registering from your network is blocked." in page
    assert 'value="newcomer"' in page
    assert not User.objects.filter(username="newcomer").exists()
    assert client.post("/accounts/register/", data).status_code == 302


def test_a_blocked_network_can_still_send_feedback(client):
    site = SiteSettings.current()
    site.captcha_feedback = False
    site.save()
    BlockedNetwork.objects.create(network="203.0.113.0/24")
    response = client.post(
        "/moderation/feedback/",
        {"body": "I think my network was blocked by mistake."},
        REMOTE_ADDR="203.0.113.3",
    )
    assert response.status_code == 302
