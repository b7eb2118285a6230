"""Quotes, the workflow's records and the import records leave the story app (state only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0013_move_out_quotes_workflow_imports'),
        ('quotes', '0001_initial'),
        ('workflow', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay where they are (each model keeps its db_table):
            # only Django's idea of which app holds the model changes.
            state_operations=[
                migrations.AlterField(
                    model_name='correction',
                    name='quote',
                    field=models.ForeignKey(blank=True, help_text='For a quote given to the wrong person: the quote, by its number.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='corrections', to='quotes.quote', verbose_name='misattributed quote'),
                ),
                migrations.RemoveConstraint(
                    model_name='revision',
                    name='revision_unique_number_per_story',
                ),
                migrations.AlterField(
                    model_name='article',
                    name='approved_revision',
                    field=models.ForeignKey(blank=True, editable=False, help_text='The text an editor approved: what goes, or went, live.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='workflow.revision', verbose_name='approved revision'),
                ),
                migrations.RemoveConstraint(
                    model_name='sharelink',
                    name='share_link_expires_after_creation',
                ),
                migrations.RemoveConstraint(
                    model_name='transition',
                    name='transition_statuses_valid',
                ),
                migrations.RemoveField(
                    model_name='importeditem',
                    name='article',
                ),
                migrations.RemoveField(
                    model_name='importeditem',
                    name='person',
                ),
                migrations.RemoveField(
                    model_name='importeditem',
                    name='photograph',
                ),
                migrations.RemoveField(
                    model_name='photoneeded',
                    name='article',
                ),
                migrations.RemoveField(
                    model_name='photoneeded',
                    name='photographer',
                ),
                migrations.RemoveField(
                    model_name='quote',
                    name='article',
                ),
                migrations.RemoveField(
                    model_name='quote',
                    name='speaker',
                ),
                migrations.RemoveField(
                    model_name='revision',
                    name='article',
                ),
                migrations.RemoveField(
                    model_name='revision',
                    name='created_by',
                ),
                migrations.RemoveField(
                    model_name='sharelink',
                    name='article',
                ),
                migrations.RemoveField(
                    model_name='sharelink',
                    name='created_by',
                ),
                migrations.RemoveField(
                    model_name='sharelink',
                    name='revoked_by',
                ),
                migrations.RemoveField(
                    model_name='transition',
                    name='article',
                ),
                migrations.RemoveField(
                    model_name='transition',
                    name='revision',
                ),
                migrations.RemoveField(
                    model_name='transition',
                    name='user',
                ),
                migrations.DeleteModel(
                    name='EditingPresence',
                ),
                migrations.DeleteModel(
                    name='ImportedItem',
                ),
                migrations.DeleteModel(
                    name='PhotoNeeded',
                ),
                migrations.DeleteModel(
                    name='Quote',
                ),
                migrations.DeleteModel(
                    name='ShareLink',
                ),
                migrations.DeleteModel(
                    name='Revision',
                ),
                migrations.DeleteModel(
                    name='Transition',
                ),
            ],
        ),
    ]
