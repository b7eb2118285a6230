"""Quote moves here from articles, its table and rows as they are (state only)."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('articles', '0013_move_out_quotes_workflow_imports'),
        ('people', '0003_protected_sources'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay where they are (each model keeps its db_table):
            # only Django's idea of which app holds the model changes.
            state_operations=[
                migrations.CreateModel(
                    name='Quote',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('text', models.TextField(help_text='Exactly as published, without the quotation marks.', verbose_name='quoted words')),
                        ('anonymous_description', models.CharField(blank=True, help_text='For a source who is not named: how the story describes them, “a government official who asked not to be named”. Leave the speaker empty.', max_length=200, verbose_name='anonymous source')),
                        ('speaker_role', models.CharField(blank=True, help_text='The role as the story gives it when the words were said: “president of the Cambodian Institute for Democracy”.', max_length=300, verbose_name="speaker's role")),
                        ('position', models.PositiveSmallIntegerField(blank=True, help_text='Quotes are numbered in the order they appear in the story; left empty, the next free number.', verbose_name='number')),
                        ('paragraph', models.PositiveSmallIntegerField(blank=True, help_text='The number of the paragraph the quote appears in.', null=True, verbose_name='paragraph')),
                        ('date_said', models.DateField(blank=True, null=True, verbose_name='date said')),
                        ('is_pull_quote', models.BooleanField(default=False, help_text='Highlight it; place it with [quote N] on a line of its own in the body.', verbose_name='pull quote')),
                        ('is_confirmed', models.BooleanField(default=False, help_text='Tick once a person has checked who said these words.', verbose_name='attribution confirmed')),
                        ('confidence', models.PositiveSmallIntegerField(blank=True, help_text='How sure the automatic attribution is, from 0 to 100. Empty for quotes entered by hand.', null=True, validators=[django.core.validators.MaxValueValidator(100)], verbose_name='attribution confidence')),
                        ('attribution_note', models.CharField(blank=True, help_text='How the speaker was found, and anything to check before confirming: “Two people called Sokha are named; Meas Sokha was chosen.”', max_length=500, verbose_name='attribution note')),
                        ('provenance_note', models.TextField(blank=True, help_text='Private: where these words come from, for fact-checking and legal defence. Interview notes, a recording and the time in it (“call recording 2024-03-02, 14:05”). Never shown to readers.', verbose_name='provenance (staff only)')),
                        ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='quotes', to='articles.article', verbose_name='story')),
                        ('speaker', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='quotes', to='people.person', verbose_name='speaker')),
                    ],
                    options={
                        'verbose_name': 'quote',
                        'verbose_name_plural': 'quotes',
                        'db_table': 'articles_quote',
                        'ordering': ['article', 'position'],
                        'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('speaker__isnull', False), ('anonymous_description', '')), models.Q(('speaker__isnull', True), models.Q(('anonymous_description', ''), _negated=True)), _connector='OR'), name='quote_speaker_or_anonymous', violation_error_message='Give the speaker, or describe the anonymous source, but not both.'), models.UniqueConstraint(fields=('article', 'position'), name='quote_unique_number', violation_error_message='Two quotes in this story have the same number.'), models.CheckConstraint(condition=models.Q(('confidence__isnull', True), ('confidence__lte', 100), _connector='OR'), name='quote_confidence_percent')],
                    },
                ),
            ],
        ),
    ]
