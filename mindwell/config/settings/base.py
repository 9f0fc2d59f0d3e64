"""Settings shared by every environment. Everything a deployment changes comes from the
environment (see mindwell.config.env); unset values fall back to safe local defaults."""

from __future__ import annotations

from pathlib import Path

from mindwell.config.env import (
    database_config,
    email_config,
    env_bool,
    env_list,
    env_str,
    replica_configs,
    upload_storage,
)
from mindwell.core.tasks import tasks_setting_from_url

PACKAGE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = Path(env_str("MINDWELL_DATA_DIR", str(Path.cwd() / ".data")))
# The SQLite file lives here; SQLite will not create a missing folder by itself.
DATA_DIR.mkdir(parents=True, exist_ok=True)

# A fixed development key; production settings refuse to start with it.
DEFAULT_SECRET_KEY = "mindwell-insecure-development-key-change-me"  # noqa: S105
SECRET_KEY = env_str("SECRET_KEY", DEFAULT_SECRET_KEY)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "mindwell.core",
    "mindwell.accounts",
    # Accounts: registration, login, email and password flows, two-factor, sessions.
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "mindwell.siteconfig",
    "mindwell.taxonomy",
    "mindwell.qa",
    "mindwell.votes",
    "mindwell.reputation",
    "mindwell.moderation",
    "mindwell.safety",
    "mindwell.search",
    "mindwell.feeds",
    "mindwell.seo",
    "mindwell.professionals",
    "mindwell.follows",
    "mindwell.privacy",
    # Private messages, member blocks and profile walls.
    "mindwell.messaging",
    # The background task queue (see mindwell.core.tasks) and what runs on it.
    "django_tasks",
    "django_tasks_db",
    "mindwell.badges",
    # The in-site inbox, notification preferences and email delivery.
    "mindwell.notifications",
    # Bringing a community over from Question2Answer or Stack Exchange.
    "mindwell.importers",
    # The JSON API; "ninja" serves its docs page's scripts from this site's static files.
    "ninja",
    "mindwell.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Whether this request's reads may use a read replica (mindwell.core.db_router).
    "mindwell.core.db_router.ReplicaMiddleware",
    # Old Question2Answer links: acts only on a 404, outside CommonMiddleware so APPEND_SLASH
    # goes first (see mindwell.importers.redirects).
    "mindwell.importers.redirects.OldLinkRedirectMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The interface language: the `language` cookie, else the browser's Accept-Language.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Records when and where each session was last seen (the Sessions page).
    "mindwell.accounts.sessions.SessionActivityMiddleware",
    # Two-factor pages are for staff; admins may be required to set it up.
    "mindwell.accounts.two_factor.TwoFactorMiddleware",
    # Ends the sessions of members suspended or blocked while logged in.
    "mindwell.moderation.auth.RestrictedSessionMiddleware",
    # Notes a member's visit once a day, in the background (the daily-visits badge).
    "mindwell.badges.middleware.VisitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Content-Security-Policy (CONTENT_SECURITY_POLICY below) and Permissions-Policy.
    "csp.middleware.CSPMiddleware",
    "mindwell.core.security.PermissionsPolicyMiddleware",
    # Maintenance (read-only) mode: writes answered 503, the writer's text handed back.
    "mindwell.core.maintenance.MaintenanceMiddleware",
    # The anonymous page cache. Keep it last: every middleware above still runs (cookies,
    # language, security headers) when it answers from the cache.
    "mindwell.core.pagecache.middleware.PageCacheMiddleware",
]

ROOT_URLCONF = "mindwell.config.urls"
WSGI_APPLICATION = "mindwell.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mindwell.siteconfig.context_processors.site",
                "mindwell.moderation.context_processors.moderation_counts",
                "mindwell.safety.context_processors.safety_alerts",
                "mindwell.privacy.deletion_notice.deletion_banner",
                "mindwell.notifications.context_processors.inbox_count",
                # `theme` (light, dark, system) from the reader's cookie: <html data-theme>.
                "mindwell.core.theme.theme",
                # In a page the page cache stores, {% csrf_token %} is a hole filled per visitor.
                "mindwell.core.pagecache.holes.csrf_hole",
                # `read_only_mode`: the maintenance banner.
                "mindwell.core.maintenance.maintenance_banner",
            ],
            "builtins": [
                "mindwell.core.templatetags.mindwell",
                "django.contrib.humanize.templatetags.humanize",
            ],
        },
    }
]

DATABASES = {"default": database_config(DATA_DIR / "mindwell.sqlite3")}
# Read replicas (comma-separated URLs): anonymous pages may read from them.
DATABASES.update(replica_configs(env_list("DATABASE_REPLICA_URL", [])))
if len(DATABASES) > 1:
    DATABASE_ROUTERS = ["mindwell.core.db_router.PrimaryReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The anonymous page cache (mindwell.core.pagecache). Pages are kept until their content
# changes, at most this many seconds. The local-memory cache is one per process, so an
# invalidation reaches only the process that made it: without Redis pages are kept for one
# second only, and no reader sees a stale page for longer.
MINDWELL_PAGE_CACHE = env_bool("MINDWELL_PAGE_CACHE", True)
MINDWELL_PAGE_CACHE_SECONDS = int(
    env_str("MINDWELL_PAGE_CACHE_SECONDS", "300" if REDIS_URL else "1")
)

AUTH_USER_MODEL = "accounts.User"
# One backend: allauth's (login by username or email) refusing suspended and blocked members
# with a message. A single backend also means a failed login costs one password hash, not one
# per backend.
AUTHENTICATION_BACKENDS = ["mindwell.accounts.backends.AccountBackend"]
# Argon2 for new passwords; the others stay listed so older hashes still verify, and are
# re-hashed with Argon2 at the member's next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
    # Members imported from Question2Answer keep their password (mindwell.importers.q2a).
    "mindwell.importers.q2a.hashers.Q2ABcryptPasswordHasher",
    "mindwell.importers.q2a.hashers.Q2ASHA1PasswordHasher",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Accounts (django-allauth; see mindwell.accounts.adapter) ------------------------------
ACCOUNT_ADAPTER = "mindwell.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "signup": "mindwell.accounts.forms.SignupForm",
    "login": "mindwell.accounts.forms.LoginForm",
    "change_password": "mindwell.accounts.forms.ChangePasswordForm",
    "reset_password": "mindwell.accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "mindwell.accounts.forms.ResetPasswordKeyForm",
    "add_email": "mindwell.accounts.forms.AddEmailForm",
}
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*", "password2*"]
# A new member confirms their address before the first login; a changed address must be
# confirmed before it replaces the old one.
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# Whether an address has an account is private: registering with a taken address, or asking
# for a reset, looks the same either way (the owner gets an email instead). Unknown addresses
# get no mail at all, so the reset form cannot be used to send mail to strangers.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
# Mail the member when their password or address changes, so a takeover does not go unseen.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGOUT_ON_GET = False
# Names that would pass for the site speaking.
ACCOUNT_USERNAME_BLACKLIST = [
    "admin",
    "administrator",
    "moderator",
    "moderators",
    "staff",
    "support",
    "system",
]
# Failed logins: at most 5 per account in 5 minutes and 10 per address a minute.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
MFA_ADAPTER = "mindwell.accounts.adapter.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = False
# One period either side, for phones whose clock is a little off.
MFA_TOTP_TOLERANCE = 1
# When on, administrators (superusers) must set up two-factor authentication before they can
# use any page (see mindwell.accounts.two_factor).
MINDWELL_REQUIRE_2FA_FOR_ADMINS = env_bool("MINDWELL_REQUIRE_2FA_FOR_ADMINS", False)
USERSESSIONS_TRACK_ACTIVITY = True

LANGUAGE_CODE = "en"
# The languages the interface is translated into (mindwell/locale); the switcher in the footer
# lists them. A visitor's choice is a cookie; otherwise the browser's Accept-Language decides.
LANGUAGES = [("en", "English"), ("es", "Español"), ("de", "Deutsch")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
# Uploads. Files under MEDIA_ROOT/private (licence documents) are never served by URL.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(DATA_DIR / "media")))
MEDIA_URL = "media/"
# The site's own CSS and JS live in the package, not in an app's static/ folder.
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    # MEDIA_ROOT, or an S3-compatible bucket when MINDWELL_S3_BUCKET is set.
    "default": upload_storage(),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

vars().update(email_config(env_str("EMAIL_URL", "console:")))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Mindwell <noreply@localhost>")
# Seconds the SMTP conversation may stall before a send counts as failed (and is retried);
# well under the claim timeout below, so a slow server never looks like a dead worker.
EMAIL_TIMEOUT = int(env_str("EMAIL_TIMEOUT", "60"))
# Seconds after which an email a worker claimed but never marked sent (the worker died) is
# sent again (see mindwell.notifications.delivery).
MINDWELL_EMAIL_CLAIM_TIMEOUT = int(env_str("MINDWELL_EMAIL_CLAIM_TIMEOUT", "600"))
# Mass mailings go out at most this many emails a minute.
MINDWELL_MASS_MAIL_PER_MINUTE = int(env_str("MINDWELL_MASS_MAIL_PER_MINUTE", "60"))

# How many reverse proxies in front of Mindwell append to X-Forwarded-For (0: none).
MINDWELL_TRUSTED_PROXY_HOPS = int(env_str("MINDWELL_TRUSTED_PROXY_HOPS", "0"))

# Question views are counted in the cache and written every this many seconds by a page
# request (mindwell.qa.services.views_counter); 0 leaves it to `mindwell flush_view_counts`.
MINDWELL_VIEW_FLUSH_SECONDS = int(env_str("MINDWELL_VIEW_FLUSH_SECONDS", "60"))

# Where the "Quick exit" button sends someone who needs to leave the site at once: a neutral
# page that looks ordinary on a shared screen. Only a link target; nothing is loaded from it.
MINDWELL_QUICK_EXIT_URL = env_str("MINDWELL_QUICK_EXIT_URL", "https://www.bbc.com/weather")

# Days between a member asking for their account to be deleted and its deletion (they can
# cancel until then); `mindwell run_deletions` carries out the requests that are due.
MINDWELL_DELETION_GRACE_DAYS = int(env_str("MINDWELL_DELETION_GRACE_DAYS", "14"))

# The site's public address ("https://mindwell.example"), for the absolute links in feeds,
# sitemaps, canonical links and structured data. Unset: taken from each request's host.
MINDWELL_SITE_URL = env_str("MINDWELL_SITE_URL", "")

# Background tasks wait in the database for `mindwell run_worker` (see mindwell.core.tasks);
# TASKS_URL=redis://host:6379/1 keeps them in Redis instead, for workers on several machines.
TASKS = tasks_setting_from_url(env_str("TASKS_URL"))
# Run by `mindwell run_worker` before it takes work: picks up what a killed worker left.
MINDWELL_WORKER_STARTUP = ["mindwell.notifications.delivery.outbox_recover"]

CSRF_FAILURE_VIEW = "mindwell.core.views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Everything comes from this site: no inline script or style (mindwell.js and mindwell.css do
# it all), nothing from other hosts, no framing. On in every environment, so the browser tests
# fail on an inline script or style. A view needing more: csp.decorators.csp_update.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # data: for the two-factor QR code, drawn as an inline SVG image.
        "img-src": ["'self'", "data:"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
