"""
The editorial workflow in a real browser (headless Chromium): a journalist
writes and submits a story, the editor returns it with a note, the journalist
fixes it and submits again, the editor schedules it, and a reader sees it
only once its time has come.
"""

import datetime
from unittest import mock

import time_machine
from django.utils import timezone

from articles.models import Article
from people.models import Person
from tests.support.browser import BrowserTestCase
from tests.support.factories import (
    make_article,
    make_journalist,
    make_photograph,
    make_section,
    make_user,
    restore_roles,
)
from workflow import presence
from workflow.models import Transition

PASSWORD = "a-browser-test-password"


class WorkflowBrowserTests(BrowserTestCase):
    def setUp(self):
        super().setUp()
        restore_roles()
        self.console_messages = []
        self.page.on("console", lambda message: self.console_messages.append(message))
        self.journalist = make_journalist("reporter", name="Sok Chan", password=PASSWORD)
        self.editor = make_user("desk", role="Editors", password=PASSWORD)
        self.section = make_section("Human rights")
        self.photo = make_photograph(
            caption="Relatives wait outside the Kandal provincial court, July 7, 2021.",
            alt_text="About twenty people sit in the shade of a tree by a gate.",
        )

    @property
    def script_errors(self):
        return [
            message
            for message in self.console_messages
            if message.type == "error" and not message.location["url"].endswith("/favicon.ico")
        ]

    def sign_in_as(self, username):
        """A fresh browser session for ``username``."""
        self.context.clear_cookies()
        self.login(username, PASSWORD)

    def choose(self, field_id, text):
        """Pick ``text`` in one of the admin's autocomplete (select2) fields."""
        self.page.click(f"#{field_id} + .select2 .select2-selection")
        self.page.fill(".select2-container--open .select2-search__field", text)
        self.page.click(f".select2-results__option:has-text('{text}')")

    def test_story_from_draft_to_scheduled_to_readers(self):
        page = self.page
        # The journalist writes a story and submits it, without a lead photo.
        self.sign_in_as("reporter")
        page.goto(self.url("/admin/articles/article/add/"))
        page.fill("#id_headline", "Families wait for Kandal court ruling")
        page.fill("#id_standfirst", "Seven land activists have been held for a week.")
        page.fill(
            "#id_body",
            "Relatives of seven land activists waited outside the court on Thursday.\n\n"
            "The families say a company took their farmland in 2019.",
        )
        self.choose("id_section", "Human rights")
        page.click("#save-and-submit")
        page.wait_for_selector(".messagelist .success")
        self.assertIn("submitted for review", page.inner_text(".messagelist"))
        article = Article.objects.get()
        self.assertEqual(article.status, Article.Status.IN_REVIEW)
        self.assertEqual(
            [byline.person for byline in article.bylines.all()], [self.journalist.person]
        )

        # The editor finds it in the review queue and returns it with a note.
        self.sign_in_as("desk")
        self.assertIn("Review queue: 1 story waiting", page.inner_text("#review-queue-summary"))
        page.click("#review-queue-summary a")
        page.click("text=Families wait for Kandal court ruling")
        self.assertIn("Choose a lead photo.", page.inner_text(".checklist-missing"))
        self.screenshot("workflow-editor-checklist")
        page.fill("#id_move_return_note", "Add the lead photo from the court, with its credit.")
        page.click("#move-return")
        page.wait_for_selector(".messagelist .success")
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.DRAFT)

        # The journalist reads the note, adds the photo and submits again.
        self.sign_in_as("reporter")
        page.goto(self.url(f"/admin/articles/article/{article.pk}/change/"))
        self.assertIn(
            "Add the lead photo from the court, with its credit.", page.inner_text("#timeline")
        )
        self.choose("id_lead_photo", "Relatives wait outside")
        page.click("#save-and-submit")
        page.wait_for_selector(".messagelist .success")
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.IN_REVIEW)

        # The editor schedules it for two hours from now, Phnom Penh time.
        self.sign_in_as("desk")
        page.goto(self.url(f"/admin/articles/article/{article.pk}/change/"))
        self.assertIn("checklist is complete", page.inner_text(".workflow-checklist"))
        publish_at = timezone.localtime().replace(second=0, microsecond=0) + datetime.timedelta(
            hours=2
        )
        page.fill("#id_move_publish_at", publish_at.strftime("%Y-%m-%dT%H:%M"))
        page.click("#move-schedule")
        page.wait_for_selector(".messagelist .success")
        self.assertIn("scheduled for", page.inner_text(".messagelist"))
        self.screenshot("workflow-editor-scheduled")
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.PUBLISHED)
        self.assertEqual(article.published_at, publish_at)
        self.assertEqual(
            list(Transition.objects.values_list("to_status", flat=True)),
            ["in_review", "draft", "in_review", "published"],
        )

        # The workspace pages ran without a script error (a missing favicon is no error of ours).
        self.assertEqual(self.script_errors, [])

        # A reader sees nothing before the time, and the story from then on.
        self.context.clear_cookies()
        story_url = self.url(article.get_absolute_url())
        with time_machine.travel(publish_at - datetime.timedelta(seconds=1)):
            self.assertEqual(page.goto(story_url).status, 404)
        with time_machine.travel(publish_at + datetime.timedelta(seconds=1)):
            response = page.goto(story_url)
            self.assertEqual(response.status, 200)
            self.assertIn("Families wait for Kandal court ruling", page.inner_text("h1"))
            self.screenshot("workflow-reader-story")


class PresenceBrowserTests(BrowserTestCase):
    """Who else has the story open is shown while the page stays open, not only on loading it."""

    def setUp(self):
        super().setUp()
        restore_roles()
        make_journalist("reporter", name="Sok Chan", password=PASSWORD)
        make_user("desk", role="Editors", password=PASSWORD)
        self.article = make_article("Families wait for Kandal court ruling")
        self.article.bylines.create(person=Person.objects.get(name="Sok Chan"), position=1)
        self.change = self.url(f"/admin/articles/article/{self.article.pk}/change/")
        patcher = mock.patch.object(presence, "HEARTBEAT_SECONDS", 1)
        patcher.start()
        self.addCleanup(patcher.stop)

    def test_the_first_to_open_a_story_sees_the_second_arrive(self):
        self.login("desk", PASSWORD)
        self.page.goto(self.change)
        notice = self.page.locator("#workflow-presence")
        self.assertFalse(notice.is_visible())
        # The journalist opens the same story in a browser of their own.
        other = self.browser.new_context(viewport={"width": 1280, "height": 900})
        self.addCleanup(other.close)
        reporter = other.new_page()
        reporter.goto(self.url("/admin/login/"))
        reporter.fill("#id_username", "reporter")
        reporter.fill("#id_password", PASSWORD)
        reporter.click("input[type=submit]")
        reporter.wait_for_url(self.url("/admin/"))
        reporter.goto(self.change)
        # The editor's open page learns of it at its next heartbeat, unreloaded.
        notice.wait_for(state="visible", timeout=10_000)
        self.assertIn("Sok Chan", notice.inner_text())
        self.assertEqual([error for error in self.console_errors if "404" not in error], [])
