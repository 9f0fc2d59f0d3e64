from __future__ import annotations

from dataclasses import fields

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mindwell.moderation.forms import LogFilterForm
from mindwell.moderation.selectors import LogFilters, audit_log
from mindwell.moderation.views.common import administrators_only

PAGE_SIZE = 50


@administrators_only
def log(request: HttpRequest) -> HttpResponse:
    form = LogFilterForm(request.GET or None)
    filters = LogFilters()
    status = 200
    if form.is_bound:
        if form.is_valid():
            names = {field.name for field in fields(LogFilters)}
            filters = LogFilters(**{k: v for k, v in form.cleaned_data.items() if k in names})
        else:
            status = 400
    page = Paginator(audit_log(filters=filters), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "moderation/log.html", context, status=status)
