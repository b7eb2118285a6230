"""The newsroom's two roles, as groups with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
JOURNALISTS = "Journalists"

JOURNALIST_PERMISSIONS = {
    "articles": [
        "add_article", "change_article", "view_article",
        "add_byline", "change_byline", "delete_byline", "view_byline",
        "add_articlephoto", "change_articlephoto", "delete_articlephoto", "view_articlephoto",
        "add_quote", "change_quote", "delete_quote", "view_quote",
        "view_correction", "view_section", "view_topic",
    ],
    "media": ["add_photograph", "change_photograph", "view_photograph"],
    "people": [
        "add_person", "view_person", "add_personalias", "view_personalias",
        "add_affiliation", "view_affiliation", "add_organization", "view_organization",
    ],
}  # fmt: skip


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=["articles", "media", "people"])
    )
    journalists, _ = Group.objects.get_or_create(name=JOURNALISTS)
    for app_label, codenames in JOURNALIST_PERMISSIONS.items():
        journalists.permissions.add(
            *Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
        )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, JOURNALISTS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_initial"),
        ("media", "0002_initial"),
        ("people", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
