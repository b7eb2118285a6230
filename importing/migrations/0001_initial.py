"""Import records and photos needed move here from articles, tables and rows as they are (state only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('articles', '0013_move_out_quotes_workflow_imports'),
        ('media', '0004_photo_withdrawal'),
        ('people', '0003_protected_sources'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay where they are (each model keeps its db_table):
            # only Django's idea of which app holds the model changes.
            state_operations=[
                migrations.CreateModel(
                    name='ImportedItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('source', models.CharField(help_text="The system it came from: a site's address.", max_length=300, verbose_name='source')),
                        ('kind', models.CharField(choices=[('post', 'Story'), ('attachment', 'Photograph'), ('author', 'Author')], max_length=20, verbose_name='kind')),
                        ('external_id', models.CharField(max_length=200, verbose_name='identifier in the source')),
                        ('imported_at', models.DateTimeField(auto_now=True, verbose_name='last imported')),
                        ('article', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='import_records', to='articles.article', verbose_name='story')),
                        ('person', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='import_records', to='people.person', verbose_name='person')),
                        ('photograph', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='import_records', to='media.photograph', verbose_name='photograph')),
                    ],
                    options={
                        'verbose_name': 'imported item',
                        'verbose_name_plural': 'imported items',
                        'db_table': 'articles_importeditem',
                        'ordering': ['source', 'kind', 'external_id'],
                        'constraints': [models.UniqueConstraint(fields=('source', 'kind', 'external_id'), name='imported_item_unique'), models.CheckConstraint(condition=models.Q(('kind__in', ['post', 'attachment', 'author'])), name='imported_item_kind_valid'), models.CheckConstraint(condition=models.Q(models.Q(('article__isnull', False), ('kind', 'post'), ('photograph__isnull', True), ('person__isnull', True)), models.Q(('article__isnull', True), ('kind', 'attachment'), ('photograph__isnull', False), ('person__isnull', True)), models.Q(('article__isnull', True), ('kind', 'author'), ('photograph__isnull', True), ('person__isnull', False)), _connector='OR'), name='imported_item_one_target')],
                    },
                ),
                migrations.CreateModel(
                    name='PhotoNeeded',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.PositiveSmallIntegerField(blank=True, help_text="The number in the body's [photo N] marker where the photo goes; empty for the lead photo.", null=True, verbose_name='number')),
                        ('caption', models.TextField(blank=True, verbose_name='caption')),
                        ('alt_text', models.CharField(blank=True, max_length=300, verbose_name='alt text')),
                        ('credit_agency', models.CharField(blank=True, max_length=100, verbose_name='agency')),
                        ('date_taken', models.DateField(blank=True, null=True, verbose_name='date taken')),
                        ('place', models.CharField(blank=True, max_length=200, verbose_name='place')),
                        ('source_file', models.CharField(blank=True, help_text="The image's file name or address in the system the story came from.", max_length=500, verbose_name='file in the source')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='photos_needed', to='articles.article', verbose_name='story')),
                        ('photographer', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='photos_needed', to='people.person', verbose_name='photographer')),
                    ],
                    options={
                        'verbose_name': 'photo needed',
                        'verbose_name_plural': 'photos needed',
                        'db_table': 'articles_photoneeded',
                        'ordering': ['article', 'position'],
                        'constraints': [models.UniqueConstraint(fields=('article', 'position'), name='photo_needed_unique_number'), models.UniqueConstraint(condition=models.Q(('position__isnull', True)), fields=('article',), name='photo_needed_one_lead')],
                    },
                ),
            ],
        ),
    ]
