"""The badges page: every badge, how it is earned and how many members hold it, and the
titles members earn by points."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mindwell.badges.selectors import badge_list
from mindwell.reputation.settings_model import titles


def badges(request: HttpRequest) -> HttpResponse:
    return render(request, "badges/badge_list.html", {"badges": badge_list(), "titles": titles()})
