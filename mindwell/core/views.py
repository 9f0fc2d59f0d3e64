from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

# Fields whose text we show back after a CSRF failure, so nothing typed is lost.
KEPT_FIELDS = ("title", "body", "tags", "anon_name")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    kept = [(name, request.POST.get(name, "")) for name in KEPT_FIELDS if request.POST.get(name)]
    return render(request, "errors/csrf.html", {"kept": kept}, status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "errors/500.html", status=500)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/403.html", status=403)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # The request may be what is bad (too many fields, say): reading its query again while
    # rendering the page (the canonical link does) would raise once more and turn it into a 500.
    request.GET = QueryDict()
    return render(request, "errors/400.html", status=400)
