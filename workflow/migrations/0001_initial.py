"""Revisions, workflow steps, share links and open-story records move here from articles, tables and rows as they are (state only)."""

import django.core.serializers.json
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('articles', '0013_move_out_quotes_workflow_imports'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay where they are (each model keeps its db_table):
            # only Django's idea of which app holds the model changes.
            state_operations=[
                migrations.CreateModel(
                    name='Revision',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('number', models.PositiveIntegerField(verbose_name='number')),
                        ('version', models.PositiveIntegerField(help_text="The story's version number this content was saved as.", verbose_name='story version')),
                        ('content', models.JSONField(encoder=django.core.serializers.json.DjangoJSONEncoder, verbose_name='content')),
                        ('note', models.CharField(blank=True, max_length=300, verbose_name='note')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='saved')),
                        ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='revisions', to='articles.article', verbose_name='story')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='saved by')),
                    ],
                    options={
                        'verbose_name': 'revision',
                        'verbose_name_plural': 'revisions',
                        'db_table': 'articles_revision',
                        'ordering': ['article', '-number'],
                    },
                ),
                migrations.CreateModel(
                    name='ShareLink',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('key', models.CharField(editable=False, max_length=64, unique=True, verbose_name='key')),
                        ('recipient', models.CharField(help_text='Who the link is for: “our lawyer”, “the Khmer translator”.', max_length=200, verbose_name='shared with')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created')),
                        ('expires_at', models.DateTimeField(verbose_name='expires')),
                        ('revoked_at', models.DateTimeField(blank=True, null=True, verbose_name='revoked')),
                        ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='share_links', to='articles.article', verbose_name='story')),
                        ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                        ('revoked_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='revoked by')),
                    ],
                    options={
                        'verbose_name': 'share link',
                        'verbose_name_plural': 'share links',
                        'db_table': 'articles_sharelink',
                        'ordering': ['article', '-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='Transition',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('from_status', models.CharField(choices=[('draft', 'Draft'), ('in_review', 'In review'), ('approved', 'Approved'), ('published', 'Published'), ('unpublished', 'Unpublished')], max_length=20, verbose_name='from')),
                        ('to_status', models.CharField(choices=[('draft', 'Draft'), ('in_review', 'In review'), ('approved', 'Approved'), ('published', 'Published'), ('unpublished', 'Unpublished')], max_length=20, verbose_name='to')),
                        ('note', models.TextField(blank=True, verbose_name='note')),
                        ('publish_at', models.DateTimeField(blank=True, null=True, verbose_name='publish time')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='when')),
                        ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='transitions', to='articles.article', verbose_name='story')),
                        ('revision', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='workflow.revision', verbose_name='revision')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
                    ],
                    options={
                        'verbose_name': 'workflow step',
                        'verbose_name_plural': 'workflow steps',
                        'db_table': 'articles_transition',
                        'ordering': ['article', 'created_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='EditingPresence',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('last_seen', models.DateTimeField(default=django.utils.timezone.now, verbose_name='last seen')),
                        ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='presences', to='articles.article', verbose_name='story')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='user')),
                    ],
                    options={
                        'verbose_name': 'open story',
                        'verbose_name_plural': 'open stories',
                        'db_table': 'articles_editingpresence',
                        'ordering': ['article', '-last_seen'],
                        'constraints': [models.UniqueConstraint(fields=('article', 'user'), name='presence_unique_user')],
                    },
                ),
                migrations.AddConstraint(
                    model_name='revision',
                    constraint=models.UniqueConstraint(fields=('article', 'number'), name='revision_unique_number_per_story'),
                ),
                migrations.AddConstraint(
                    model_name='sharelink',
                    constraint=models.CheckConstraint(condition=models.Q(('expires_at__gt', models.F('created_at'))), name='share_link_expires_after_creation'),
                ),
                migrations.AddConstraint(
                    model_name='transition',
                    constraint=models.CheckConstraint(condition=models.Q(('from_status__in', ['draft', 'in_review', 'approved', 'published', 'unpublished']), ('to_status__in', ['draft', 'in_review', 'approved', 'published', 'unpublished'])), name='transition_statuses_valid'),
                ),
            ],
        ),
    ]
