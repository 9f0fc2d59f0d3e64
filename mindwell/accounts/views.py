"""The members list. Profiles are in mindwell.accounts.views_profile."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mindwell.accounts.models import User
from mindwell.qa.views.questions import paginate


def user_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, User.objects.ranked(), 30)
    return render(request, "accounts/user_list.html", {"page": page, "offset": page.start_index()})
