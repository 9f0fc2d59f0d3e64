from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from mindwell.accounts import views as account_views
from mindwell.accounts import views_preferences
from mindwell.qa.views import posts, questions
from mindwell.siteconfig import views as site_views
from mindwell.taxonomy import views as taxonomy_views

handler400 = "mindwell.core.views.bad_request"
handler403 = "mindwell.core.views.permission_denied"
handler404 = "mindwell.core.views.not_found"
handler500 = "mindwell.core.views.server_error"

urlpatterns = [
    path("", questions.home, name="home"),
    path("questions/", questions.home, name="question-list"),
    path("ask/", questions.ask, name="ask"),
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
    path("users/<str:username>/", account_views.user_profile, name="user-profile"),
    path("pages/<slug:slug>/", site_views.page_detail, name="page-detail"),
    path("accounts/register/", account_views.register, name="register"),
    path("accounts/safety/", views_preferences.safety_preferences, name="safety-preferences"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("moderation/", include("mindwell.moderation.urls")),
    path("safety/", include("mindwell.safety.urls")),
    path("admin/", admin.site.urls),
]
