import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from django.views.static import serve as static_serve

from operations.views import healthz, readyz
from reader.pagecache import PAGE_NUMBER, cache_public_page
from reader.sitemaps import NewsSitemap, sitemaps
from reader.views.crawlers import robots_txt
from workflow import accounts
from workflow.views.previews import view_on_site

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
    # Before the admin's own, whose catch-all would answer these addresses.
    path(
        "admin/password_reset/",
        accounts.PasswordResetView.as_view(),
        name="admin_password_reset",
    ),
    path(
        "admin/password_reset/done/",
        accounts.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "admin/reset/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "admin/reset/done/",
        accounts.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    # The second factor's pages; the workspace sends staff here until they give one.
    path("admin/second-factor/", include("workflow.second_factor.urls")),
    path("admin/second-factor/passkeys/", include("workflow.second_factor.passkeys")),
    # Workspace pages whose models moved to their own apps: old bookmarks still work.
    re_path(
        r"^admin/articles/quote/(?P<rest>.*)$",
        RedirectView.as_view(url="/admin/quotes/quote/%(rest)s", query_string=True, permanent=True),
    ),
    re_path(
        r"^admin/articles/photoneeded/(?P<rest>.*)$",
        RedirectView.as_view(
            url="/admin/importing/photoneeded/%(rest)s", query_string=True, permanent=True
        ),
    ),
    path("admin/", admin.site.urls),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("healthz", healthz, name="healthz"),
    # The content API for partners: JSON, outside the readers' two languages.
    path("api/v1/", include("syndication.urls")),
    path("readyz", readyz, name="readyz"),
    path(
        "sitemap.xml",
        cache_public_page(sitemap_views.sitemap, query={"p": PAGE_NUMBER}),
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path(
        "news-sitemap.xml",
        cache_public_page(sitemap_views.sitemap, query={"p": PAGE_NUMBER}),
        {"sitemaps": {"news": NewsSitemap}, "template_name": "reader/news_sitemap.xml"},
        name="news_sitemap",
    ),
]

# The readers' site, in English at the root and in Khmer under /km/.
urlpatterns += i18n_patterns(
    path("", include("reader.urls")),
    path("", include("workflow.urls")),
    prefix_default_language=False,
)

if settings.SERVE_UPLOADS:
    # django.conf.urls.static.static() does nothing with DEBUG off, so the
    # route is written out: uploaded photos are re-encoded images with
    # random names, served with nosniff like every other response.
    urlpatterns += [
        re_path(
            r"^" + re.escape(settings.MEDIA_URL.lstrip("/")) + r"(?P<path>.*)$",
            static_serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
