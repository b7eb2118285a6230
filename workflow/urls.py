"""Pages of the workflow outside the workspace: share links (``newsroom.urls``)."""

from django.urls import path

from .views import previews

app_name = "workflow"

urlpatterns = [
    path("preview/<str:token>/", previews.shared_preview, name="shared_preview"),
]
