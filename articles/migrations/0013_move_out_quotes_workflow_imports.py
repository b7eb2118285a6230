"""Quotes, the workflow's records and the import records leave the story app (state only)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0012_body_nesting'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay where they are (each model keeps its db_table):
            # only Django's idea of which app holds the model changes.
            state_operations=[
                migrations.RemoveConstraint(
                    model_name='editingpresence',
                    name='presence_unique_user',
                ),
                migrations.RemoveConstraint(
                    model_name='importeditem',
                    name='imported_item_unique',
                ),
                migrations.RemoveConstraint(
                    model_name='importeditem',
                    name='imported_item_kind_valid',
                ),
                migrations.RemoveConstraint(
                    model_name='importeditem',
                    name='imported_item_one_target',
                ),
                migrations.RemoveConstraint(
                    model_name='photoneeded',
                    name='photo_needed_unique_number',
                ),
                migrations.RemoveConstraint(
                    model_name='photoneeded',
                    name='photo_needed_one_lead',
                ),
                migrations.RemoveConstraint(
                    model_name='quote',
                    name='quote_speaker_or_anonymous',
                ),
                migrations.RemoveConstraint(
                    model_name='quote',
                    name='quote_unique_number',
                ),
                migrations.RemoveConstraint(
                    model_name='quote',
                    name='quote_confidence_percent',
                ),
            ],
        ),
    ]
