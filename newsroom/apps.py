from django.contrib.admin.apps import AdminConfig


class WorkspaceAdminConfig(AdminConfig):
    """Django's admin, with the newsroom's site (``newsroom.admin_site``) as ``admin.site``."""

    default_site = "newsroom.admin_site.WorkspaceSite"

    def ready(self):
        super().ready()
        from . import checks  # noqa: F401 - registers the deploy checks
