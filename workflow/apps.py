from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    verbose_name = _("Editorial workflow")
    name = "workflow"
