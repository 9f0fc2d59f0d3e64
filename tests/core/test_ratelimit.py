from django.test import RequestFactory

from mindwell.core.ratelimit import client_ip, hit


def test_hit_counts_within_the_window():
    assert [hit("k", limit=2, window_seconds=60) for _ in range(3)] == [True, True, False]


def test_client_ip_ignores_forwarded_for_unless_told_to_trust_a_proxy(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"
    )
    settings.MINDWELL_TRUSTED_PROXY_HOPS = 0
    assert client_ip(request) == "10.0.0.2"
    settings.MINDWELL_TRUSTED_PROXY_HOPS = 1
    assert client_ip(request) == "203.0.113.7"
