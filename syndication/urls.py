from django.urls import path

from . import views

app_name = "syndication"

urlpatterns = [
    path("items", views.item_list, name="items"),
    path("items/<int:pk>", views.item_detail, name="item"),
    path("openapi.json", views.openapi_description, name="openapi"),
]
