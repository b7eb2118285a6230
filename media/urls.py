from django.urls import path

from . import views

app_name = "media"

urlpatterns = [
    path("photos/", views.photo_list, name="photo_list"),
    path("photos/<int:pk>/", views.photo_detail, name="photo_detail"),
]
