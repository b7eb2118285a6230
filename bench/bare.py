"""
The benchmark's anchor: the fastest a Django page can be on this machine.

A Django project in one module, used as its own settings: no apps, no
middleware, no database, one view returning a short HTML string. ``bench/run.py``
serves it with gunicorn, the same configuration file and the same number of
workers as the newsroom, and reports every reader page as a share of its rate.

    DJANGO_SETTINGS_MODULE=bare gunicorn -c newsroom/gunicorn.conf.py --pythonpath bench bare
"""

import os

from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

SECRET_KEY = os.environ.get("SECRET_KEY", "bench-bare-view-not-a-real-secret-key-0123456789")
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
ROOT_URLCONF = __name__
INSTALLED_APPS = []
MIDDLEWARE = []
DATABASES = {}
USE_TZ = True

PAGE = "<!doctype html><html lang=en><title>Bare</title><p>A bare Django view.</p></html>"


def page(request):
    return HttpResponse(PAGE)


def sized(request, size):
    """The same view with a body of ``size`` bytes, to tell a page's size from its work."""
    return HttpResponse(PAGE[:-7].ljust(min(size, 1_000_000) - 7, "x") + "</html>")


urlpatterns = [path("", page), path("sized/<int:size>/", sized)]

os.environ.setdefault("DJANGO_SETTINGS_MODULE", __name__)
application = get_wsgi_application()
