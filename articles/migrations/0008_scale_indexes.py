"""
Indexes for a large archive.

* B-tree indexes for what readers and editors ask of 100,000 stories: the
  archive by section or language, newest first (and its count), the review
  queue, and the sections that have published stories (covering).
* On PostgreSQL, ``pg_trgm`` and trigram GIN indexes over the story text, so
  the substring matching used for Khmer (written without spaces, which the
  full-text parser cannot split) uses an index instead of reading every story.
  Each indexed expression is the one Django writes for ``icontains`` on
  PostgreSQL, ``UPPER("column"::text)``; a different one would not be used.
* On SQLite, an FTS5 table with the trigram tokenizer over the same text,
  kept up to date by triggers, which ``articles.search`` queries for terms of
  three characters or more.

Each part is a no-op on the other database.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

TRIGRAM_FIELDS = ["headline", "standfirst", "body"]
FTS_TABLE = "articles_article_fts"


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for field in TRIGRAM_FIELDS:
            schema_editor.execute(
                f"CREATE INDEX article_{field}_trgm ON articles_article "
                f'USING gin (UPPER("{field}"::text) gin_trgm_ops)'
            )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for field in TRIGRAM_FIELDS:
            schema_editor.execute(f"DROP INDEX IF EXISTS article_{field}_trgm")


def fts5_trigram_available(connection):
    with connection.cursor() as cursor:
        try:
            cursor.execute("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(a, tokenize='trigram')")
        except Exception:  # noqa: BLE001 (an SQLite built without FTS5 or trigram)
            return False
        cursor.execute("DROP TABLE temp.fts5_probe")
    return True


def create_fts(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "sqlite" or not fts5_trigram_available(connection):
        return
    columns = ", ".join(TRIGRAM_FIELDS)
    new = ", ".join(f"new.{field}" for field in TRIGRAM_FIELDS)
    old = ", ".join(f"old.{field}" for field in TRIGRAM_FIELDS)
    for statement in [
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({columns}, "
        f"content='articles_article', content_rowid='id', tokenize='trigram')",
        f"CREATE TRIGGER {FTS_TABLE}_insert AFTER INSERT ON articles_article BEGIN "
        f"INSERT INTO {FTS_TABLE}(rowid, {columns}) VALUES (new.id, {new}); END",
        f"CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON articles_article BEGIN "
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {columns}) "
        f"VALUES ('delete', old.id, {old}); END",
        f"CREATE TRIGGER {FTS_TABLE}_update AFTER UPDATE OF {columns} ON articles_article BEGIN "
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {columns}) "
        f"VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {FTS_TABLE}(rowid, {columns}) VALUES (new.id, {new}); END",
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
    ]:
        schema_editor.execute(statement)


def drop_fts(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in [
        f"DROP TRIGGER IF EXISTS {FTS_TABLE}_insert",
        f"DROP TRIGGER IF EXISTS {FTS_TABLE}_delete",
        f"DROP TRIGGER IF EXISTS {FTS_TABLE}_update",
        f"DROP TABLE IF EXISTS {FTS_TABLE}",
    ]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_merge_20261128_2107"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["section", "status", "published_at"], name="article_section_published"
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["language", "status", "published_at"], name="article_language_published"
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["status", "submitted_at"], name="article_review_queue"),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["status", "published_at", "section"], name="article_published_section"
            ),
        ),
        # CREATE EXTENSION is skipped by Django itself on other databases.
        TrigramExtension(),
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes),
        migrations.RunPython(create_fts, drop_fts),
    ]
