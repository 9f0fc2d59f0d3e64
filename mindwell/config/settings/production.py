"""Production settings: refuse to start in an unsafe configuration."""

from django.core.exceptions import ImproperlyConfigured

from mindwell.config.env import env_bool, env_str
from mindwell.config.settings.base import *  # noqa: F403
from mindwell.config.settings.base import DEBUG, DEFAULT_SECRET_KEY, SECRET_KEY

if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production: unset DEBUG or set DEBUG=0.")
if not SECRET_KEY or SECRET_KEY == DEFAULT_SECRET_KEY or len(SECRET_KEY) < 32:
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a long random value (at least 32 characters) for production."
    )

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(env_str("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Cookies only over HTTPS; the session cookie is out of reach of scripts (base.py sets it
# HttpOnly and SameSite=Lax), and so is the CSRF cookie: our scripts read the token from the
# form, never from the cookie.
CSRF_COOKIE_HTTPONLY = True
# Links in account emails (confirmation, password reset) use https even when sent from a
# management command, where there is no request to copy the scheme from.
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
