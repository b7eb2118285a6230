"""
A newsroom's database made before the apps were re-cut migrates forward with
nothing lost.

The database is built with the migrations as they stood before the re-cut
(quotes, the workflow's records and the import records still in articles)
and filled with the demo newsroom; then it is migrated to today's state.
Every table's rows, every photo file and every permission granted must be
exactly what they were, the moved models' content types now under their new
apps. Runs on SQLite and, with ``make test-postgres``, on PostgreSQL.
"""

import hashlib
import io

from django.apps import apps
from django.contrib.auth.models import User
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import TransactionTestCase
from django.utils.html import escape

from articles.models import Article
from media.models import Photograph
from people.models import Person
from quotes.models import Quote
from tests.support.factories import restore_roles
from workflow.models import Revision
from workflow.revisions import record_revision

# The migrations as they stood before the re-cut: the last of articles then,
# and none of the apps the re-cut made.
BEFORE_THE_RECUT = [
    ("articles", "0012_body_nesting"),
    ("quotes", None),
    ("workflow", None),
    ("importing", None),
    ("reader", None),
]
MOVED = {
    "quote": "quotes",
    "revision": "workflow",
    "transition": "workflow",
    "sharelink": "workflow",
    "editingpresence": "workflow",
    "photoneeded": "importing",
    "importeditem": "importing",
}
# Django's own bookkeeping of what ran, and the content types checked apart.
BOOKKEEPING = {"django_migrations", "django_content_type"}


def columns_of_every_table():
    """Each table's columns, by name, Django's bookkeeping and search indexes left out."""
    columns = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table in BOOKKEEPING or table.startswith(("sqlite_", "articles_article_fts")):
                continue
            description = connection.introspection.get_table_description(cursor, table)
            columns[table] = [column.name for column in description]
    return columns


def rows_of_every_table(columns):
    """
    Each table's rows, in a fixed order, as a digest: any lost or changed row
    shows. ``columns`` are the tables and columns as they were before: a
    column a later migration added is new, not a change.
    """
    digests = {}
    with connection.cursor() as cursor:
        for table, names in columns.items():
            listed = ", ".join(connection.ops.quote_name(name) for name in names)
            cursor.execute(f"SELECT {listed} FROM {connection.ops.quote_name(table)} ORDER BY 1")  # noqa: S608
            rows = cursor.fetchall()
            digests[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return digests


def fields_added_since():
    """The fields of today's models whose columns the tables as they are now lack."""
    tables = columns_of_every_table()
    return [
        (model, field)
        for model in apps.get_models()
        if model._meta.db_table in tables
        for field in model._meta.local_concrete_fields
        if field.column not in tables[model._meta.db_table]
    ]


def models_added_since():
    """Today's models whose tables the database as it is now lacks."""
    tables = set(connection.introspection.table_names())
    return [
        model
        for model in apps.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.db_table not in tables
        # Created by their app's migrations as the re-cut left them.
        and model._meta.app_label not in {"quotes", "workflow", "importing"}
    ]


def content_types():
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, app_label, model FROM django_content_type ORDER BY id")
        return {pk: (app_label, model) for pk, app_label, model in cursor.fetchall()}


def files():
    """Every stored photo file (originals and renditions) with its SHA-256."""
    found = {}
    for photograph in Photograph.objects.all():
        for name in photograph.stored_files():
            with default_storage.open(name, "rb") as stored:
                found[name] = hashlib.sha256(stored.read()).hexdigest()
    return found


def remove_columns(editor, added):
    """
    Take the added columns out again. SQLite rebuilds a table to drop a
    foreign key, copying the columns today's model names: with two added
    columns, the second would be copied from a table that no longer has it.
    Each table is rebuilt once instead, as the model was before the re-cut.
    """
    if connection.vendor != "sqlite":
        for model, field in added:
            editor.remove_field(model, field)
        return
    state = MigrationExecutor(connection).loader.project_state(
        [node for node in BEFORE_THE_RECUT if node[1]]
    )
    old_models = {model._meta.db_table: model for model in state.apps.get_models()}
    for table in {model._meta.db_table for model, _field in added}:
        editor._remake_table(old_models[table])


class ForwardMigrationTests(TransactionTestCase):
    def migrate(self, targets):
        executor = MigrationExecutor(connection)
        if targets is None:
            targets = executor.loader.graph.leaf_nodes()
        executor.migrate(targets)

    def test_a_database_from_before_the_recut_keeps_every_row_and_file(self):
        self.migrate(BEFORE_THE_RECUT)
        # Later tests start from today's schema, even when this one fails
        # halfway (tests/conftest.py then puts the roles back).
        self.addCleanup(self.migrate, None)
        restore_roles(as_of=[node for node in BEFORE_THE_RECUT if node[1]])
        # The demo is written by today's models: the columns later migrations
        # add are there while it is written, and gone again before migrating.
        added, new_models = fields_added_since(), models_added_since()
        with connection.schema_editor() as editor:
            # The new tables first: an added column may refer to one of them.
            for model in new_models:
                editor.create_model(model)
            for model, field in added:
                editor.add_field(model, field)
        call_command("demo_content", stdout=io.StringIO())
        # Every story as the workspace keeps it: with a revision.
        for article in Article.objects.all():
            record_revision(article=article, user=None, note="Before the re-cut")
        with connection.schema_editor() as editor:
            remove_columns(editor, added)
            for model in new_models:
                editor.delete_model(model)
        columns = columns_of_every_table()
        before = {
            "rows": rows_of_every_table(columns),
            "types": content_types(),
            "files": files(),
            "counts": {
                "stories": Article.objects.count(),
                "revisions": Revision.objects.count(),
                "quotes": Quote.objects.count(),
                "people": Person.objects.count(),
                "photos": Photograph.objects.count(),
            },
        }
        self.assertTrue(all(before["counts"].values()), before["counts"])
        old_types = {pk: key for pk, key in before["types"].items() if key[0] == "articles"}
        self.assertTrue({model for _app, model in old_types.values()} >= set(MOVED))

        self.migrate(None)

        self.assertEqual(rows_of_every_table(columns), before["rows"])
        # Tables of models added since the re-cut start empty.
        now = columns_of_every_table()
        new_tables = {table: now[table] for table in set(now) - set(columns)}
        self.assertEqual(
            {table: count for table, (count, _digest) in rows_of_every_table(new_tables).items()},
            dict.fromkeys(new_tables, 0),
        )
        self.assertEqual(files(), before["files"])
        after_counts = {
            "stories": Article.objects.count(),
            "revisions": Revision.objects.count(),
            "quotes": Quote.objects.count(),
            "people": Person.objects.count(),
            "photos": Photograph.objects.count(),
        }
        self.assertEqual(after_counts, before["counts"])
        types = content_types()
        for pk, (app_label, model) in before["types"].items():
            with self.subTest(content_type=f"{app_label}.{model}"):
                expected = MOVED.get(model, app_label) if app_label == "articles" else app_label
                self.assertEqual(types[pk], (expected, model))
        # The roles kept what they were granted on the moved models.
        journalist = User.objects.get(username="journalist")
        self.assertTrue(journalist.has_perm("quotes.change_quote"))
        self.assertFalse(journalist.has_perm("workflow.change_revision"))
        editor = User.objects.get(username="editor")
        self.assertTrue(editor.has_perm("workflow.change_sharelink"))
        self.assertTrue(editor.has_perm("importing.change_photoneeded"))
        # And the site reads them: a published story and its quotes.
        story = Article.objects.published().filter(quotes__isnull=False).first()
        response = self.client.get(story.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, escape(story.quotes.first().text[:40]))
