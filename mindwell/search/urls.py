from django.urls import path

from mindwell.search import views

# No namespace: the page is simply "search", as the header's form and feeds name it.
urlpatterns = [
    path("", views.search_page, name="search"),
    path("similar/", views.similar, name="search-similar"),
]
