"""The "API tokens" page of the account settings: make a token (shown once) and revoke one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from mindwell.api.forms import TokenForm
from mindwell.api.selectors import tokens_of
from mindwell.api.services import token_create, token_revoke
from mindwell.core.errors import ServiceError
from mindwell.core.ids import parse_id
from mindwell.qa.views.common import apply_service_error


@never_cache  # the page that shows a new token must not be kept by any cache
@login_required
def token_page(request: HttpRequest) -> HttpResponse:
    status, new_token = 200, ""
    form = TokenForm()
    if request.method == "POST":
        form = TokenForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                _token, new_token = token_create(
                    user=request.user,
                    name=form.cleaned_data["name"],
                    scope=form.cleaned_data["scope"],
                )
            except ServiceError as error:
                status = apply_service_error(form, error)
            else:
                status, form = 201, TokenForm()
    context = {"form": form, "tokens": tokens_of(user=request.user), "new_token": new_token}
    return render(request, "api/tokens.html", context, status=status)


@require_POST
@login_required
def token_revoke_view(request: HttpRequest, pk: str) -> HttpResponse:
    token_id = parse_id(pk)
    if token_id is None:
        raise Http404("No such token.")
    try:
        token = token_revoke(user=request.user, token_id=token_id)
    except ServiceError as error:
        raise Http404(error.message) from None
    messages.success(request, f"The token “{token.name}” is revoked; it no longer works.")
    return redirect("api-tokens")
