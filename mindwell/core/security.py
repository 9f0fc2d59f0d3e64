"""The Permissions-Policy header. The Content-Security-Policy is django-csp's, from settings
(CONTENT_SECURITY_POLICY); a view that needs more uses its csp_update decorator."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

# Features no page here uses. Denying them means a script that somehow got in still cannot
# reach the camera, the microphone or the reader's location, and no embedded frame can ask.
DEFAULT_PERMISSIONS_POLICY = (
    "accelerometer=(), ambient-light-sensor=(), autoplay=(), bluetooth=(), camera=(), "
    "display-capture=(), geolocation=(), gyroscope=(), hid=(), interest-cohort=(), "
    "browsing-topics=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "publickey-credentials-get=(), serial=(), usb=(), xr-spatial-tracking=()"
)


def permissions_policy() -> str:
    return str(getattr(settings, "MINDWELL_PERMISSIONS_POLICY", DEFAULT_PERMISSIONS_POLICY))


class PermissionsPolicyMiddleware:
    """Adds `Permissions-Policy` to every response that does not set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.header = permissions_policy()

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if self.header and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.header
        return response
