from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("People and organizations")

    def ready(self):
        from django.urls import register_converter

        from .slugs import SlugConverter

        # Public addresses carry slugs that may be Khmer: <uslug:slug>.
        register_converter(SlugConverter, "uslug")
