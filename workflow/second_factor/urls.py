"""The second factor's pages, under ``/admin/second-factor/`` (``newsroom.urls``)."""

from django.urls import path

from . import views

app_name = "second_factor"

urlpatterns = [
    path("", views.factors, name="factors"),
    path("verify/", views.verify, name="verify"),
    path("app/", views.add_app, name="add_app"),
    path("recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("remove/<slug:kind>/<int:pk>/", views.remove, name="remove"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("reset/<int:user_id>/", views.reset, name="reset"),
]
