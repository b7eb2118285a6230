from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportingConfig(AppConfig):
    verbose_name = _("Imports")
    name = "importing"
