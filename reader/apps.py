from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReaderConfig(AppConfig):
    name = "reader"
    verbose_name = _("Readers' site")

    def ready(self):
        from django.urls import register_converter

        from . import signals
        from .converters import FourDigitYearConverter, TwoDigitMonthConverter

        register_converter(FourDigitYearConverter, "yyyy")
        register_converter(TwoDigitMonthConverter, "mm")
        signals.connect()
