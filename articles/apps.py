from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Stories")

    def ready(self):
        from django.urls import register_converter

        from . import signals
        from .converters import FourDigitYearConverter, TwoDigitMonthConverter

        register_converter(FourDigitYearConverter, "yyyy")
        register_converter(TwoDigitMonthConverter, "mm")
        signals.connect()
