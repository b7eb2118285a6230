"""
The newsroom's roles over the models that moved out of articles, under
their new app labels: what 0003 and 0006 of articles granted them there.
A database migrated through the move already has these grants (the content
types moved with their permissions); this keeps a freshly filled one (and
the tests' role fixtures) equal to it.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

JOURNALIST_CODENAMES = {"quotes": ["add_quote", "change_quote", "delete_quote", "view_quote"]}
# The models that moved. Named, so that a database holding permissions of a
# model added to these apps later (one migrated back and forth) grants only these.
MOVED = {
    "quotes": ["quote"],
    "workflow": ["revision", "transition", "sharelink", "editingpresence"],
    "importing": ["photoneeded", "importeditem"],
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    for app_label, models in MOVED.items():
        editors.permissions.add(
            *Permission.objects.filter(
                content_type__app_label=app_label, content_type__model__in=models
            )
        )
    journalists, _ = Group.objects.get_or_create(name="Journalists")
    for app_label, codenames in JOURNALIST_CODENAMES.items():
        journalists.permissions.add(
            *Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0002_content_types"),
        ("quotes", "0002_content_types"),
        ("importing", "0002_content_types"),
        ("articles", "0014_moved_models_state"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
