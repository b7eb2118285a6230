from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from articles.admin import view_on_site
from articles.sitemaps import NewsSitemap, sitemaps
from articles.views import healthz

admin.site.site_header = _("Newsroom")
admin.site.site_title = _("Newsroom workspace")
admin.site.index_title = _("Workspace")

urlpatterns = [
    # Before the admin's own: Django's "view on site" redirect would give any
    # staff member the address (and so the slug) of any story.
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(view_on_site),
    ),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path(
        "sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path(
        "news-sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": {"news": NewsSitemap}, "template_name": "sitemaps/news_sitemap.xml"},
        name="news_sitemap",
    ),
]

# The readers' site, in English at the root and in Khmer under /km/.
urlpatterns += i18n_patterns(
    path("", include("articles.urls")),
    path("", include("people.urls")),
    path("", include("media.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
