from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from mindwell.qa.selectors import SORTS, question_list
from mindwell.qa.views.questions import SORT_LABELS, paginate
from mindwell.safety.warnings import hidden_warnings_for
from mindwell.taxonomy.models import Category, Tag


def category_list(request: HttpRequest) -> HttpResponse:
    categories = list(Category.objects.order_by("position", "name"))
    children: dict[int | None, list[Category]] = {}
    for category in categories:
        children.setdefault(category.parent_id, []).append(category)
    tree = [(top, children.get(top.pk, [])) for top in children.get(None, [])]
    return render(request, "taxonomy/category_list.html", {"tree": tree})


def category_detail(request: HttpRequest, slug: str) -> HttpResponse:
    category = get_object_or_404(Category.objects.select_related("parent"), slug=slug)
    sort = request.GET.get("sort", "recent")
    sort = sort if sort in SORTS else "recent"
    questions = question_list(
        viewer=request.user,
        sort=sort,
        category=category,
        hide_warnings=hidden_warnings_for(request.user),
    )
    page = paginate(request, questions)
    return render(
        request,
        "taxonomy/category_detail.html",
        {
            "category": category,
            "subcategories": category.children.all(),
            "page": page,
            "sort": sort,
            "sorts": SORT_LABELS,
        },
    )


def tag_list(request: HttpRequest) -> HttpResponse:
    tags = Tag.objects.filter(question_count__gt=0).order_by("-question_count", "name")
    return render(request, "taxonomy/tag_list.html", {"page": paginate(request, tags, 100)})


def tag_detail(request: HttpRequest, name: str) -> HttpResponse:
    tag = get_object_or_404(Tag, name=name.lower())
    sort = request.GET.get("sort", "recent")
    sort = sort if sort in SORTS else "recent"
    questions = question_list(
        viewer=request.user, sort=sort, tag=tag, hide_warnings=hidden_warnings_for(request.user)
    )
    page = paginate(request, questions)
    return render(
        request,
        "taxonomy/tag_detail.html",
        {"tag": tag, "page": page, "sort": sort, "sorts": SORT_LABELS},
    )
