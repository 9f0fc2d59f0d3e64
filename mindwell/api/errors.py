"""Every API error is JSON of one shape: a stable machine `code`, a `message` for people,
the fields at fault for validation errors, and when to retry for rate limits.

Services raise mindwell.core.errors; `register` maps them (and ninja's and Django's own
errors) to statuses here, so no router decides an error's shape by itself."""

from __future__ import annotations

import logging
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from mindwell.core.errors import PermissionDenied, RateLimited, ServiceError
from mindwell.moderation.limits import WINDOW_SECONDS
from mindwell.qa.services.common import DuplicateSubmission

logger = logging.getLogger(__name__)


class FieldError(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    code: str
    message: str
    fields: list[FieldError] = []
    retry_after: int | None = None


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        fields: list[dict[str, str]] | None = None,
        retry_after: int | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.fields = fields or []
        self.retry_after = retry_after


# The statuses every operation may answer with besides its success.
COMMON = (400, 401, 403, 404, 405, 422, 429, 500)
WRITE = (*COMMON, 409)


def responses(success: dict[int, Any], *, write: bool = False) -> dict[int, Any]:
    return {**success, **dict.fromkeys(WRITE if write else COMMON, ErrorOut)}


def error_response(
    status: int,
    code: str,
    message: str,
    *,
    fields: list[dict[str, str]] | None = None,
    retry_after: int | None = None,
) -> JsonResponse:
    # str(): services' messages may be lazy translations.
    fields = [{"field": str(f["field"]), "message": str(f["message"])} for f in fields or []]
    body = {"code": code, "message": str(message), "fields": fields, "retry_after": retry_after}
    response = JsonResponse(body, status=status)
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response


def not_found(message: str = "There is nothing here.") -> ApiError:
    return ApiError(404, "not_found", message)


def from_service_error(error: ServiceError, *, retry_after: int = WINDOW_SECONDS) -> ApiError:
    """A service's refusal as the API says it. `retry_after`: the window of the limit the
    service applies (the site's write limits are hourly)."""
    if isinstance(error, RateLimited):
        return ApiError(429, "rate_limited", error.message, retry_after=retry_after)
    if isinstance(error, PermissionDenied):
        return ApiError(403, "forbidden", error.message)
    if isinstance(error, DuplicateSubmission):
        return ApiError(409, "duplicate", error.message)
    if error.field:
        fields = [{"field": error.field, "message": error.message}]
        return ApiError(422, "validation_error", error.message, fields=fields)
    return ApiError(409, "refused", error.message)


def _validation_fields(errors: list[dict[str, Any]]) -> list[dict[str, str]]:
    fields = []
    for error in errors:
        # ("body", "payload", "title") -> "title"; ("query", "limit") -> "limit"
        location = [str(part) for part in error.get("loc", ()) if part not in ("body", "payload")]
        name = ".".join(location[1:] if location[:1] in (["query"], ["path"]) else location)
        fields.append({"field": name or "request", "message": str(error.get("msg", "invalid"))})
    return fields


def register(api: NinjaAPI) -> None:
    """Install the handlers (each takes `exc: Any`: ninja types a handler's exception as the
    class or an instance, though it only ever passes instances)."""

    def api_error(request: HttpRequest, exc: Any) -> HttpResponse:
        return error_response(
            exc.status, exc.code, exc.message, fields=exc.fields, retry_after=exc.retry_after
        )

    def service_error(request: HttpRequest, exc: Any) -> HttpResponse:
        return api_error(request, from_service_error(exc))

    def validation(request: HttpRequest, exc: Any) -> HttpResponse:
        fields = _validation_fields(list(exc.errors))
        summary = "; ".join(f"{f['field']}: {f['message']}" for f in fields[:5])
        return error_response(422, "validation_error", f"Invalid input ({summary}).", fields=fields)

    def unauthenticated(request: HttpRequest, exc: Any) -> HttpResponse:
        return error_response(
            401,
            "not_authenticated",
            "Log in, or send a personal access token as “Authorization: Bearer <token>”.",
        )

    def http_error(request: HttpRequest, exc: Any) -> HttpResponse:
        codes = {400: "bad_request", 404: "not_found", 405: "method_not_allowed"}
        return error_response(exc.status_code, codes.get(exc.status_code, "error"), str(exc))

    def missing(request: HttpRequest, exc: Any) -> HttpResponse:
        return error_response(404, "not_found", "There is nothing here.")

    def crash(request: HttpRequest, exc: Any) -> HttpResponse:
        logger.exception("API error on %s %s", request.method, request.path, exc_info=exc)
        return error_response(
            500, "server_error", "Something went wrong on our side; please try again later."
        )

    api.add_exception_handler(ApiError, api_error)
    api.add_exception_handler(ServiceError, service_error)
    api.add_exception_handler(ValidationError, validation)
    api.add_exception_handler(AuthenticationError, unauthenticated)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(Http404, missing)
    api.add_exception_handler(Exception, crash)
