"""
WordPress imports from the workspace: an export uploaded in the admin is
checked at once, imported by a background task, and its page shows the same
report the command prints; old addresses are kept under Former permalinks.
"""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from importing.models import FormerPermalink, WordPressImport
from importing.wordpress.jobs import run_import
from tests.support import FIXTURES
from tests.support.factories import make_article, make_person, make_user
from tests.support.staff import sign_in

WORDPRESS = FIXTURES / "wordpress"
ADD = reverse("admin:importing_wordpressimport_add")


def upload(name):
    return SimpleUploadedFile(name, (WORDPRESS / name).read_bytes(), "text/xml")


class WordPressImportPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("import-editor", role="Editors")
        cls.journalist = make_user("import-reporter", role="Journalists")
        make_person("Import Reporter", user=cls.journalist)

    def post_export(self, user, name="export.xml", **extra):
        sign_in(self.client, user)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(ADD, {"upload": upload(name), **extra})
        self.assertEqual(response.status_code, 302, "The upload was refused.")
        return self.client.get(response.url)

    def test_an_editor_uploads_an_export_and_reads_the_report(self):
        """The page answers at once, the import runs, and its page says what it did."""
        response = self.post_export(self.editor)
        job = WordPressImport.objects.get()
        self.assertEqual(
            response.request["PATH_INFO"],
            reverse("admin:importing_wordpressimport_change", args=[job.pk]),
        )
        self.assertContains(response, "The export export.xml is being imported.")
        self.assertEqual(job.status, WordPressImport.Status.DONE)
        self.assertContains(response, "Stories: 2 new, 0 updated.")
        self.assertContains(response, "Not imported, by kind:")
        self.assertContains(response, "<li>pages: 1</li>", html=False)
        self.assertEqual(Article.objects.count(), 2)
        # The export (private posts, authors' addresses) is not kept once imported.
        self.assertEqual(bytes(job.export), b"")

    def test_uploading_the_same_export_again_updates(self):
        """A second upload updates the stories the first made, and says so."""
        self.post_export(self.editor)
        response = self.post_export(self.editor)
        self.assertContains(response, "Stories: 0 new, 2 updated.")
        self.assertEqual(Article.objects.count(), 2)
        self.assertEqual(WordPressImport.objects.count(), 2)

    def test_private_and_protected_posts_stay_drafts(self):
        """Posts readers could not read on WordPress are drafts here, listed in the report."""
        response = self.post_export(self.editor, "protected.xml")
        self.assertContains(response, "Imported as drafts, not published")
        for article in Article.objects.exclude(status=Article.Status.PUBLISHED):
            self.assertEqual(self.client.get(article.get_absolute_url()).status_code, 404)
        self.assertNotContains(response, "Otter-Lamp-7319")

    def test_a_file_that_is_not_an_export_is_refused_at_once(self):
        """Not XML, XML that is no export, an export with no posts: a clear error, nothing kept."""
        sign_in(self.client, self.editor)
        cases = {
            "notes.xml": (b"just some notes", "is not well-formed XML"),
            "feed.xml": (
                b"<rss><channel><title>x</title></channel></rss>",
                "not a WordPress export",
            ),
            "empty.xml": (
                b'<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
                b"<link>https://old.example</link><wp:wxr_version>1.2</wp:wxr_version>"
                b"</channel></rss>",
                "holds no posts",
            ),
            "entities.xml": (
                b'<!DOCTYPE r [<!ENTITY a "aaaa">]><rss>&a;</rss>',
                "declares a DTD or entities",
            ),
        }
        for name, (data, message) in cases.items():
            with self.subTest(name):
                response = self.client.post(ADD, {"upload": SimpleUploadedFile(name, data)})
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, message)
        self.assertFalse(WordPressImport.objects.exists())
        response = self.client.post(ADD, {})
        self.assertContains(response, "This field is required.")

    @override_settings(WORDPRESS_IMPORT_MAX_MB=0)
    def test_an_export_too_big_is_refused_with_what_to_do(self):
        sign_in(self.client, self.editor)
        response = self.client.post(ADD, {"upload": upload("export.xml")})
        self.assertContains(response, "Export one year at a time")
        self.assertFalse(WordPressImport.objects.exists())

    def test_a_journalist_imports_drafts_but_not_published_posts(self):
        """Published posts need an editor: refused before anything runs; drafts go in."""
        sign_in(self.client, self.journalist)
        response = self.client.post(ADD, {"upload": upload("export.xml")})
        self.assertContains(response, "only an editor may import it")
        self.assertFalse(WordPressImport.objects.exists())
        response = self.post_export(self.journalist, "source.xml")
        self.assertContains(response, "new, 0 updated.")
        self.assertFalse(Article.objects.exclude(status=Article.Status.DRAFT).exists())

    def test_each_sees_their_own_imports_editors_all(self):
        self.post_export(self.journalist, "source.xml")
        own = WordPressImport.objects.get()
        self.post_export(self.editor)
        listing = reverse("admin:importing_wordpressimport_changelist")
        sign_in(self.client, self.journalist)
        response = self.client.get(listing)
        self.assertEqual(list(response.context["cl"].result_list), [own])
        editors = WordPressImport.objects.exclude(pk=own.pk).get()
        page = reverse("admin:importing_wordpressimport_change", args=[editors.pk])
        self.assertIn(self.client.get(page).status_code, {302, 404})
        sign_in(self.client, self.editor)
        self.assertEqual(len(self.client.get(listing).context["cl"].result_list), 2)

    def test_who_may_not_import(self):
        """Staff who may not create stories, and readers, never reach the page."""
        photo_desk = make_user("photo-desk-only", is_staff=True)
        sign_in(self.client, photo_desk)
        self.assertEqual(self.client.get(ADD).status_code, 403)
        self.client.logout()
        self.assertEqual(self.client.get(ADD).status_code, 302)

    def test_a_report_kept_by_an_older_release_still_opens(self):
        """Fields the report has gained or lost since it was kept never break its page."""
        job = WordPressImport.objects.create(
            file_name="last-year.xml",
            size=10,
            uploaded_by=self.editor,
            status=WordPressImport.Status.DONE,
            report={"stories_created": 3, "retired_field": 1, "left_out": {"comments": 2}},
        )
        sign_in(self.client, self.editor)
        page = self.client.get(reverse("admin:importing_wordpressimport_change", args=[job.pk]))
        self.assertContains(page, "Stories: 3 new, 0 updated.")
        self.assertContains(page, "comments: 2")

    def test_an_import_that_fails_says_why_and_forgets_the_export(self):
        """An export that breaks while importing: the page says so; the file is gone."""
        job = WordPressImport.objects.create(
            file_name="broken.xml", size=9, export=b"<rss><ch", uploaded_by=self.editor
        )
        run_import.call(import_id=job.pk)
        job.refresh_from_db()
        self.assertEqual(job.status, WordPressImport.Status.FAILED)
        self.assertEqual(bytes(job.export), b"")
        sign_in(self.client, self.editor)
        page = self.client.get(reverse("admin:importing_wordpressimport_change", args=[job.pk]))
        self.assertContains(page, "is not well-formed XML")
        # Run again (a retried task): a finished job stays as it was.
        self.assertIsNone(run_import.call(import_id=job.pk))


class FormerPermalinkAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("permalink-editor", role="Editors")
        cls.journalist = make_user("permalink-reporter", role="Journalists")

    def test_an_editor_keeps_an_old_address_for_a_story(self):
        """Given whole or as a path, the old address leads to the published story."""

        article = make_article(
            "Flood waters reach the capital",
            status="published",
            published_at=timezone.now() - datetime.timedelta(hours=1),
        )
        sign_in(self.client, self.editor)
        add = reverse("admin:importing_formerpermalink_add")
        response = self.client.post(
            add, {"path": "https://old.example/2024/05/flood-waters/", "article": article.pk}
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(FormerPermalink.objects.get().path, "/2024/05/flood-waters")
        self.client.logout()
        self.assertRedirects(
            self.client.get("/2024/05/flood-waters/"),
            article.get_absolute_url(),
            status_code=301,
            fetch_redirect_response=False,
        )
        sign_in(self.client, self.editor)
        response = self.client.post(add, {"path": "/2024/05/flood-waters", "article": article.pk})
        self.assertContains(response, "already leads to a story")
        response = self.client.post(add, {"path": "https://", "article": article.pk})
        self.assertContains(response, "Give an address of a page on the old site")

    def test_journalists_do_not_see_them(self):
        sign_in(self.client, self.journalist)
        listing = reverse("admin:importing_formerpermalink_changelist")
        self.assertEqual(self.client.get(listing).status_code, 403)
