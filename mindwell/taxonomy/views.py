from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from mindwell.qa.views.lists import question_list_context
from mindwell.qa.views.questions import paginate
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
    return render(
        request,
        "taxonomy/category_detail.html",
        {
            "category": category,
            "subcategories": category.children.all(),
            **question_list_context(request, category=category),
        },
    )


def tag_list(request: HttpRequest) -> HttpResponse:
    tags = Tag.objects.filter(question_count__gt=0).order_by("-question_count", "name")
    return render(request, "taxonomy/tag_list.html", {"page": paginate(request, tags, 100)})


def tag_detail(request: HttpRequest, name: str) -> HttpResponse:
    tag = get_object_or_404(Tag, name=name.lower())
    context = {"tag": tag, **question_list_context(request, tag=tag)}
    return render(request, "taxonomy/tag_detail.html", context)
