"""
The project's URLs plus uploads served as in development: ``static()`` adds
them only with DEBUG on, and tests run with it off.
"""

from django.conf import settings
from django.urls import path
from django.views.static import serve

from newsroom.urls import urlpatterns as project_urlpatterns


def serve_upload(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [path("uploads/<path:path>", serve_upload), *project_urlpatterns]
