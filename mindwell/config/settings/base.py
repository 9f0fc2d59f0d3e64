"""Settings shared by every environment. Everything a deployment changes comes from the
environment (see mindwell.config.env); unset values fall back to safe local defaults."""

from __future__ import annotations

from pathlib import Path

from mindwell.config.env import database_config, email_config, env_bool, env_list, env_str

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
    "mindwell.core",
    "mindwell.accounts",
    "mindwell.siteconfig",
    "mindwell.taxonomy",
    "mindwell.qa",
    "mindwell.votes",
    "mindwell.reputation",
    "mindwell.moderation",
    "mindwell.safety",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Ends the sessions of members suspended or blocked while logged in.
    "mindwell.moderation.auth.RestrictedSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
            ],
            "builtins": [
                "mindwell.core.templatetags.mindwell",
                "django.contrib.humanize.templatetags.humanize",
            ],
        },
    }
]

DATABASES = {"default": database_config(DATA_DIR / "mindwell.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
# Suspended and blocked members cannot log in. Django's own backend stays listed because
# sessions opened at registration name it; ours is asked first and stops it for them.
AUTHENTICATION_BACKENDS = [
    "mindwell.moderation.auth.RestrictionAwareBackend",
    "django.contrib.auth.backends.ModelBackend",
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

LANGUAGE_CODE = "en"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
# The site's own CSS and JS live in the package, not in an app's static/ folder.
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

vars().update(email_config(env_str("EMAIL_URL", "console:")))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Mindwell <noreply@localhost>")

# How many reverse proxies in front of Mindwell append to X-Forwarded-For (0: none).
MINDWELL_TRUSTED_PROXY_HOPS = int(env_str("MINDWELL_TRUSTED_PROXY_HOPS", "0"))

# Where the "Quick exit" button sends someone who needs to leave the site at once: a neutral
# page that looks ordinary on a shared screen. Only a link target; nothing is loaded from it.
MINDWELL_QUICK_EXIT_URL = env_str("MINDWELL_QUICK_EXIT_URL", "https://www.bbc.com/weather")

CSRF_FAILURE_VIEW = "mindwell.core.views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
