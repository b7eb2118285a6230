from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("people/<uslug:slug>/", views.person_detail, name="person_detail"),
    path("organizations/<uslug:slug>/", views.organization_detail, name="organization_detail"),
]
