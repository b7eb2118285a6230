"""
The same export, or the same story file, imported twice at the same moment
(two editors uploading it, two workers running its jobs): the later import
waits for the earlier and updates what it made. Nothing is made twice and
neither import fails. Real threads, each with its own database connection,
on SQLite and on PostgreSQL.
"""

import threading

from django.db import connection
from django.test import TransactionTestCase

from articles.models import Article, Section, Topic
from importing.models import ImportedItem
from importing.services import import_story
from importing.wordpress.importer import import_wordpress
from people.models import Person
from tests.support import FIXTURES
from tests.support.factories import make_user

EXPORT = FIXTURES / "wordpress" / "export.xml"
STORY = FIXTURES / "stories" / "01-land-eviction.txt"


def at_once(work, times=2):
    """Run ``work()`` in ``times`` threads started together; its results and errors."""
    results, errors = [], []
    start = threading.Barrier(times)

    def run():
        try:
            start.wait()
            results.append(work())
        except Exception as error:  # Any failure is the test's finding.
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results, errors


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Article, Section, Topic, Person, ImportedItem)
    }


class ConcurrentImportTests(TransactionTestCase):
    def setUp(self):
        self.editor = make_user("concurrent-editor", role="Editors")

    def test_one_export_imported_twice_at_once_is_imported_once(self):
        """Both imports succeed; the later updates the earlier's stories."""
        reports, errors = at_once(lambda: import_wordpress(path=EXPORT, user=self.editor))
        self.assertEqual(errors, [])
        self.assertEqual(
            sorted((report.stories_created, report.stories_updated) for report in reports),
            [(0, 2), (2, 0)],
        )
        once = counts()
        import_wordpress(path=EXPORT, user=self.editor)
        self.assertEqual(counts(), once)
        self.assertEqual(Article.objects.count(), 2)

    def test_one_story_file_imported_twice_at_once_is_one_story(self):
        """The later import finds the earlier's story and skips it, as it would after."""
        data = STORY.read_bytes()
        results, errors = at_once(
            lambda: import_story(data=data, name=STORY.name, user=self.editor)
        )
        self.assertEqual(errors, [])
        self.assertEqual([result.error for result in results], ["", ""])
        self.assertEqual(sorted(result.skipped for result in results), [False, True])
        self.assertEqual(Article.objects.count(), 1)
        self.assertEqual({result.article.pk for result in results}, {Article.objects.get().pk})
