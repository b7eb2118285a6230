"""
Editors see each webhook delivery in the workspace (status, response code,
attempts): a takedown that did not reach a partner is theirs to chase.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("syndication")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="syndication", codename="view_delivery")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("syndication", "0001_initial"),
        ("workflow", "0005_editors_see_background_tasks"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
