"""
Concurrency and data integrity: double publishing, protected deletes, the
database's own guarantees and a slug taken between a form's check and its save.
"""

import threading

from django.contrib.admin.models import LogEntry
from django.core import mail
from django.db import IntegrityError, connection, transaction
from django.test import Client, TestCase, TransactionTestCase
from django.urls import reverse

from articles.models import Article
from media.models import Photograph
from people.models import Person
from tests.support.factories import (
    make_article,
    make_journalist,
    make_person,
    make_photograph,
    make_quote,
    make_ready_article,
    make_user,
    restore_roles,
)
from tests.support.forms import read_form
from tests.support.staff import sign_in
from workflow import revisions, services
from workflow.models import Transition


class DoublePublishTests(TransactionTestCase):
    """Two editors press "publish" at the same moment: one publication, one notice."""

    def setUp(self):
        restore_roles()

    def test_one_of_two_concurrent_publishes_wins(self):
        author = make_journalist("reporter", email="reporter@example.org")
        editors = [make_user(f"desk{index}", role="Editors") for index in range(2)]
        article = make_ready_article("Court hears land case", bylines=[author.person])
        services.submit_for_review(article=article, user=author)
        mail.outbox.clear()
        url = reverse("admin:articles_article_move", args=[article.pk, "publish"])
        clients = []
        for editor in editors:
            client = Client()
            sign_in(client, editor)
            clients.append(client)
        barrier = threading.Barrier(2)
        responses = [None, None]

        def press(index):
            try:
                barrier.wait()
                responses[index] = clients[index].post(url, follow=True)
            finally:
                connection.close()

        threads = [threading.Thread(target=press, args=(index,)) for index in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual([response.status_code for response in responses], [200, 200])
        # The test client gathers template contexts through a global signal,
        # so with two threads the pages themselves are read.
        pages = sorted(response.content.decode() for response in responses)
        said = sorted(("already published" in page, "is now published" in page) for page in pages)
        self.assertEqual(said, [(False, True), (True, False)])
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.PUBLISHED)
        self.assertEqual(Transition.objects.filter(to_status="published").count(), 1)
        self.assertEqual(LogEntry.objects.filter(change_message="Published.").count(), 1)
        self.assertEqual([message.to for message in mail.outbox], [["reporter@example.org"]])


class DeleteProtectionTests(TestCase):
    """What a story still uses cannot be deleted, alone or in a batch; nothing is removed."""

    @classmethod
    def setUpTestData(cls):
        cls.superuser = make_user("root", is_superuser=True)
        cls.speaker = make_person("Ny Sokha")
        cls.photo = make_photograph()
        cls.author = make_journalist("reporter")
        cls.article = make_ready_article(
            "Court hears land case", lead_photo=cls.photo, bylines=[cls.author.person]
        )
        make_quote(cls.article, speaker=cls.speaker)
        revisions.record_revision(article=cls.article, user=cls.author)

    def setUp(self):
        sign_in(self.client, self.superuser)

    def test_protected_objects_are_kept(self):
        cases = [
            (Person, self.speaker, "people", "person"),
            (Photograph, self.photo, "media", "photograph"),
            (type(self.author), self.author, "auth", "user"),
        ]
        for model, obj, app, name in cases:
            with self.subTest(model=name):
                single = self.client.post(
                    reverse(f"admin:{app}_{name}_delete", args=[obj.pk]), {"post": "yes"}
                )
                self.assertEqual(single.status_code, 200)
                self.assertContains(single, "Cannot delete")
                batch = self.client.post(
                    reverse(f"admin:{app}_{name}_changelist"),
                    {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"},
                )
                self.assertEqual(batch.status_code, 200)
                self.assertTrue(model.objects.filter(pk=obj.pk).exists())
        self.assertTrue(self.photo.image.storage.exists(self.photo.image.name))


class DatabaseRuleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors")

    def test_published_needs_time_and_approver_even_from_the_shell(self):
        """The database refuses a published story without a publish time or an approver."""
        article = make_article("Court hears land case")
        for changes in [
            {"status": "published", "published_at": None},
            {"status": "published", "published_at": "2026-05-05T02:00:00Z"},
            {"status": "approved"},
        ]:
            with (
                self.subTest(changes=changes),
                self.assertRaises(IntegrityError),
                transaction.atomic(),
            ):
                Article.objects.filter(pk=article.pk).update(**changes)
        article.refresh_from_db()
        self.assertEqual(article.status, "draft")


class ConcurrentSlugTests(TransactionTestCase):
    """Two people create stories with the same slug at once: one is saved, one is told."""

    def setUp(self):
        restore_roles()

    def test_second_create_gets_a_form_error(self):
        editors = [make_user(f"desk{index}", role="Editors") for index in range(2)]
        add_url = reverse("admin:articles_article_add")
        posts = []
        for index, editor in enumerate(editors):
            client = Client()
            sign_in(client, editor)
            data = read_form(client.get(add_url), "article_form")
            data.update(
                {
                    "headline": [f"Court hears land case, version {index}"],
                    "slug": ["court-hears-land-case"],
                    "body": [f"Typed with care by editor {index}."],
                    "_save": ["Save"],
                }
            )
            posts.append((client, data))
        barrier = threading.Barrier(2)
        responses = [None, None]

        def save(index):
            try:
                client, data = posts[index]
                barrier.wait()
                responses[index] = client.post(add_url, data)
            finally:
                connection.close()

        threads = [threading.Thread(target=save, args=(index,)) for index in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(sorted(response.status_code for response in responses), [200, 302])
        refused = next(response for response in responses if response.status_code == 200)
        # Contexts are gathered through a global signal: with two threads, read the page.
        self.assertContains(refused, "already uses this slug")
        self.assertContains(refused, "Typed with care by editor")
        self.assertEqual(Article.objects.filter(slug="court-hears-land-case").count(), 1)
