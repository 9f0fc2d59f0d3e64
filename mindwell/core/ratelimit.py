"""A fixed-window counter in the cache: enough to stop a flood from one address."""

from django.conf import settings
from django.core.cache import cache


def hit(key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one event under `key`; return False when the limit for the window is passed."""
    cache_key = f"ratelimit:{key}"
    cache.add(cache_key, 0, timeout=window_seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window_seconds)
        count = 1
    return count <= limit


def client_ip(request) -> str:  # type: ignore[no-untyped-def]
    """The visitor's address. Behind N trusted reverse proxies (MINDWELL_TRUSTED_PROXY_HOPS),
    it is the Nth address from the right of X-Forwarded-For; never trust more hops than you
    run, or visitors can choose their own address."""
    hops = getattr(settings, "MINDWELL_TRUSTED_PROXY_HOPS", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if hops > 0 and forwarded:
        chain = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(chain) >= hops:
            return chain[-hops]
    return request.META.get("REMOTE_ADDR", "") or "unknown"
