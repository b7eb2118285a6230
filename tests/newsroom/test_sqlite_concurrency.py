"""
Several editors saving at once. On SQLite, WAL, immediate transactions and a
busy timeout (newsroom/settings.py) make writers wait their turn instead of
failing with "database is locked"; PostgreSQL needs nothing of the kind.
"""

import threading

from django.db import OperationalError, connection, transaction
from django.test import TransactionTestCase

from people.models import Person

THREADS = 8
SAVES = 25


class ConcurrentWritesTests(TransactionTestCase):
    def test_eight_writers_lose_nothing(self):
        """8 threads × 25 saves, each in its own transaction → 200 rows, no lock errors."""
        if connection.vendor == "sqlite":
            options = connection.settings_dict["OPTIONS"]
            self.assertEqual(options["transaction_mode"], "IMMEDIATE")
            self.assertGreaterEqual(options["timeout"], 20)
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA journal_mode")
                self.assertEqual(cursor.fetchone()[0], "wal")
        errors = []
        start = threading.Barrier(THREADS)

        def writer(number):
            try:
                start.wait()
                for save in range(SAVES):
                    with transaction.atomic():
                        person = Person.objects.create(name=f"Writer {number} save {save}")
                        # A read and a second write in the same transaction, as
                        # an admin save does.
                        person.short_name = Person.objects.get(pk=person.pk).name.split()[-1]
                        person.save()
            except OperationalError as error:
                errors.append(error)
            finally:
                connection.close()

        threads = [threading.Thread(target=writer, args=(number,)) for number in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        self.assertEqual(errors, [])
        self.assertEqual(Person.objects.filter(name__startswith="Writer ").count(), THREADS * SAVES)
