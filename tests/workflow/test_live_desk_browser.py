"""
The live desk in a real browser (headless Chromium): an assigned journalist
posts an update with a quote, and an editor takes it down with a reason.
"""

from articles.models import LiveUpdate
from tests.support.browser import BrowserTestCase
from tests.support.factories import (
    make_journalist,
    make_published_article,
    make_user,
    restore_roles,
)
from workflow import live

PASSWORD = "a-browser-test-password"


class LiveDeskBrowserTests(BrowserTestCase):
    def setUp(self):
        super().setUp()
        restore_roles()
        # The admin has no favicon; the browser's 404 for it is no error of the pages.
        self.page.route("**/favicon.ico", lambda route: route.fulfill(status=204))
        self.journalist = make_journalist("reporter", name="Sok Chan", password=PASSWORD)
        self.editor = make_user("desk", role="Editors", password=PASSWORD)
        self.article = make_published_article("Election count", bylines=[self.journalist.person])
        self.coverage = live.start_coverage(
            article=self.article,
            editor=self.editor,
            reporters=[self.journalist],
            key_points="Polls closed at 3 p.m.",
        )

    def test_journalist_posts_and_editor_takes_it_down(self):
        page = self.page
        self.login("reporter", PASSWORD)
        page.goto(self.url("/admin/articles/livecoverage/"))
        page.get_by_role("link", name="Open").click()
        page.wait_for_selector("#post-update")
        self.assertIn("Polls closed at 3 p.m.", page.inner_text(".key-points"))
        page.fill("#id_update-title", "Counting starts")
        page.fill("#id_update-body", "Counting began at a school in *Takhmao*.")
        page.fill("#id_quotes-0-text", "Every ballot will be counted")
        page.fill("#id_quotes-0-anonymous_description", "a poll worker")
        page.click("#post-update input[type=submit]")
        page.wait_for_selector(".messagelist")
        self.assertIn("readers see it now", page.inner_text(".messagelist"))
        update = LiveUpdate.objects.get(article=self.article)
        card = page.locator(f"#update-{update.pk}")
        self.assertIn("Counting began at a school in Takhmao.", card.inner_text())
        self.assertEqual(card.locator("em").inner_text(), "Takhmao")
        self.assertIn("“Every ballot will be counted” — a poll worker", card.inner_text())
        # A journalist is offered no takedown.
        self.assertEqual(card.locator("a.take-down").count(), 0)
        self.screenshot("live-desk-journalist")

        self.context.clear_cookies()
        self.login("desk", PASSWORD)
        page.goto(self.url(f"/admin/articles/livecoverage/{self.coverage.pk}/desk/"))
        page.locator(f"#update-{update.pk} a.take-down").click()
        page.fill("#id_reason", "The school asked not to be named.")
        page.click("#update-action input[type=submit]")
        page.wait_for_selector(".messagelist")
        card = page.locator(f"#update-{update.pk}")
        self.assertIn("Taken down", card.inner_text())
        self.assertIn("The school asked not to be named.", card.inner_text())
        self.screenshot("live-desk-taken-down")
        update.refresh_from_db()
        self.assertEqual(update.taken_down_by, self.editor)
        self.assertEqual(self.console_errors, [])
