from django.contrib import admin
from django.urls import include, path

from mindwell.accounts import views as account_views
from mindwell.accounts import views_preferences
from mindwell.api.api import api
from mindwell.core import theme
from mindwell.qa.views import lists, posts, questions
from mindwell.reputation import views as reputation_views
from mindwell.siteconfig import views as site_views
from mindwell.taxonomy import views as taxonomy_views

handler400 = "mindwell.core.views.bad_request"
handler403 = "mindwell.core.views.permission_denied"
handler404 = "mindwell.core.views.not_found"
handler500 = "mindwell.core.views.server_error"

urlpatterns = [
    path("", lists.home, name="home"),
    # Before the pages they sit beside: feed URLs end in .rss/.atom under those prefixes.
    path("", include("mindwell.feeds.urls")),
    path("", include("mindwell.seo.urls")),
    path("questions/", lists.home, name="question-list"),
    path("activity/", lists.activity, name="activity"),
    path("", include("mindwell.follows.urls")),
    path("ask/", questions.ask, name="ask"),
    path("help/privileges/", reputation_views.privileges, name="privileges"),
    path("preview/", questions.preview, name="preview"),
    path("questions/<int:pk>/", questions.question_detail, name="question-detail-short"),
    path("questions/<int:pk>/answer/", questions.answer_post, name="answer-post"),
    path("questions/<int:pk>/best/", posts.best_answer, name="best-answer"),
    path("questions/<int:pk>/<str:slug>/", questions.question_detail, name="question-detail"),
    path("posts/<int:pk>/comment/", posts.comment_post, name="comment-post"),
    path("posts/<int:pk>/vote/", posts.vote, name="vote"),
    path("posts/<int:pk>/edit/", posts.edit, name="post-edit"),
    path("posts/<int:pk>/history/", posts.history, name="post-history"),
    path("categories/", taxonomy_views.category_list, name="category-list"),
    path("categories/<slug:slug>/", taxonomy_views.category_detail, name="category-detail"),
    path("tags/", taxonomy_views.tag_list, name="tag-list"),
    path("tags/<str:name>/", taxonomy_views.tag_detail, name="tag-detail"),
    path("users/", account_views.user_list, name="user-list"),
    # Profiles, the profile edit page and pictures (before allauth's /accounts/ URLs).
    path("", include("mindwell.accounts.urls_profile")),
    path("pages/<slug:slug>/", site_views.page_detail, name="page-detail"),
    path("theme/", theme.theme_set, name="theme-set"),
    path("accounts/safety/", views_preferences.safety_preferences, name="safety-preferences"),
    path("accounts/api-tokens/", include("mindwell.api.urls_tokens")),
    # Registration, login, email, passwords, two-factor, sessions (django-allauth).
    path("accounts/", include("mindwell.accounts.urls_auth")),
    path("moderation/", include("mindwell.moderation.urls")),
    path("safety/", include("mindwell.safety.urls")),
    path("search/", include("mindwell.search.urls")),
    path("professionals/", include("mindwell.professionals.urls")),
    path("privacy/", include("mindwell.privacy.urls")),
    path("messages/", include("mindwell.messaging.urls")),
    path("badges/", include("mindwell.badges.urls")),
    path("inbox/", include("mindwell.notifications.urls")),
    # Links in emails that stop them, without logging in (RFC 8058 one-click too).
    path("unsubscribe/", include("mindwell.notifications.unsubscribe_urls")),
    # The language switcher in the footer posts here (Django's set_language).
    path("i18n/", include("django.conf.urls.i18n")),
    # The JSON API, its OpenAPI schema and docs page (mindwell.api).
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]
