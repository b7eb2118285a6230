"""The workflow's permissions for the newsroom's two roles."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
JOURNALISTS = "Journalists"
JOURNALIST_CODENAMES = [
    "add_commentrequest",
    "change_commentrequest",
    "delete_commentrequest",
    "view_commentrequest",
]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(*Permission.objects.filter(content_type__app_label="articles"))
    journalists, _ = Group.objects.get_or_create(name=JOURNALISTS)
    journalists.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="articles", codename__in=JOURNALIST_CODENAMES
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
