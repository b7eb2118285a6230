"""
Editors change and withdraw the photos that stories in their hands show
(``media.change_live_photograph``); share links of stories that have since
been live die, as new ones do when their story goes live.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.utils import timezone

EDITORS = "Editors"


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="media", codename="change_live_photograph"
        )
    )


def end_links_of_stories_made_public(apps, schema_editor):
    ShareLink = apps.get_model("articles", "ShareLink")
    Transition = apps.get_model("articles", "Transition")
    now = timezone.now()
    for link in ShareLink.objects.filter(revoked_at__isnull=True):
        went_live = (
            Transition.objects.filter(
                article=link.article_id,
                to_status="published",
                publish_at__gte=link.created_at,
                publish_at__lte=now,
            )
            .order_by("publish_at")
            .values_list("publish_at", flat=True)
            .first()
        )
        if went_live is not None:
            link.revoked_at = went_live
            link.save(update_fields=["revoked_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_search_documents"),
        ("media", "0004_photo_withdrawal"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(grant, migrations.RunPython.noop),
        migrations.RunPython(end_links_of_stories_made_public, migrations.RunPython.noop),
    ]
