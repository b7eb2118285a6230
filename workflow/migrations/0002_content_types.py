"""
The moved models' content types follow them from articles to workflow: the
permissions granted on them (the Editors' and Journalists' groups) and the
workspace history recorded against them keep pointing at the same rows.
"""

from django.db import migrations

MODELS = ["revision", "transition", "sharelink", "editingpresence"]


def move(apps, schema_editor, *, from_app="articles", to_app="workflow"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        old = ContentType.objects.filter(app_label=from_app, model=model).first()
        if old is None:
            continue
        # One made for the new place before this ran (by post_migrate) holds no
        # grants yet: the old one, with its permissions and history, replaces it.
        ContentType.objects.filter(app_label=to_app, model=model).delete()
        old.app_label = to_app
        old.save(update_fields=["app_label"])


def move_back(apps, schema_editor):
    move(apps, schema_editor, from_app="workflow", to_app="articles")


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(move, move_back)]
