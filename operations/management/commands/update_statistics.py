"""
``manage.py update_statistics``: refresh the query planner's statistics.

Run it after a large import. PostgreSQL's autovacuum keeps statistics up to
date by itself, and this only runs ``ANALYZE`` sooner. SQLite keeps none
until ``ANALYZE`` runs. Without them it counts the filtered archive through
the wrong index (3.1 s instead of milliseconds at 100,000 stories).

SQLite's ``ANALYZE`` has a flaw of its own. It counts the empty values of a
unique column as one value. When few stories have a translation, the unique
index on ``translation_of`` then looks as if each lookup matched 100,000
rows, and the planner reads the whole table once for every story in a list
(the admin's story list took 7.7 s). A lookup in a single-column unique index
matches one row at most, so those statistics are set to say exactly that.
"""

from django.core.management.base import BaseCommand
from django.db import connection


def update_statistics():
    with connection.cursor() as cursor:

        def rows(sql):
            cursor.execute(sql)
            return cursor.fetchall()

        cursor.execute("ANALYZE")
        if connection.vendor != "sqlite":
            return
        tables = rows(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        for (table,) in tables:
            # Names from sqlite_master, quoted: PRAGMA takes no parameters.
            for _, index, is_unique, *_ in rows(f'PRAGMA index_list("{table}")'):
                if is_unique and len(rows(f'PRAGMA index_info("{index}")')) == 1:
                    cursor.execute(
                        "UPDATE sqlite_stat1 SET stat = substr(stat, 1, instr(stat, ' ')) || '1' "
                        "WHERE idx = %s AND instr(stat, ' ') > 0",
                        [index],
                    )
        # The planner reads the statistics again.
        cursor.execute("ANALYZE sqlite_schema")


class Command(BaseCommand):
    help = "Refresh the query planner's statistics (run after a large import)."

    def handle(self, *args, **options):
        update_statistics()
        self.stdout.write("Planner statistics updated.")
