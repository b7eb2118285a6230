"""
The Khmer desk: a group with no permissions of its own. Its members (editors
or journalists by their other group) are e-mailed when an English story is
first approved, so that a Khmer version can be started.
"""

from django.db import migrations

KHMER_DESK = "Khmer desk"


def create_khmer_desk(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=KHMER_DESK)


def remove_khmer_desk(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=KHMER_DESK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_scale_indexes"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_khmer_desk, remove_khmer_desk)]
