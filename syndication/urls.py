from django.urls import path, re_path

from . import views

app_name = "syndication"

urlpatterns = [
    path("items", views.item_list, name="items"),
    path("items/<int:pk>", views.item_detail, name="item"),
    path("openapi.json", views.openapi_description, name="openapi"),
    # Any other address under the API (items/-1, items/abc): a JSON 404, not the readers' page.
    re_path(r"^", views.not_found),
]
