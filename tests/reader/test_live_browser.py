"""
A reader on a live story, in headless Chromium: an update posted after the
page loaded appears without a reload, announced politely, with focus and
the reading position left alone; a taken-down one leaves; with JavaScript
off the page shows every update.
"""

from django.test import override_settings

from tests.support.browser import BrowserTestCase
from tests.support.factories import make_user
from tests.support.live import make_live_story, post_update, take_down


@override_settings(LIVE_POLL_SECONDS=1)
class LiveReaderTests(BrowserTestCase):
    def setUp(self):
        super().setUp()
        # Named explicitly: a live-server test may run after another has
        # flushed the newsroom's groups, which the factories' defaults use.
        self.author = make_user("live-author", first_name="Sok", last_name="Chan")
        self.story = make_live_story(
            "Flood waters reach Kratie town",
            updates=4,
            key_points="The river is 2 metres above its usual level",
            author=self.author,
            approved_by=make_user("live-editor"),
        )

    def test_a_new_update_appears_without_a_reload(self):
        page = self.page
        page.goto(self.url(self.story.get_absolute_url()))
        page.wait_for_selector("text=Update number 4")
        page.evaluate("window.notReloaded = true")
        page.focus(".live-update__time")
        focused = page.evaluate("document.activeElement.getAttribute('href')")
        update = post_update(
            self.story, author=self.author, title="Water reaches the market", body="Shops close."
        )
        page.wait_for_selector(f"#update-{update.pk} >> text=Water reaches the market")
        self.assertTrue(page.evaluate("window.notReloaded === true"))
        first = page.evaluate("document.querySelector('.live__updates > li').id")
        self.assertEqual(first, f"update-{update.pk}")
        self.assertEqual(
            page.text_content("[data-live-announce]").strip(), "A new update was posted."
        )
        self.assertEqual(page.evaluate("document.activeElement.getAttribute('href')"), focused)
        take_down(update)
        page.wait_for_selector(f"#update-{update.pk}", state="detached")
        self.assertTrue(page.evaluate("window.notReloaded === true"))
        self.assertEqual(self.console_errors, [])
        self.screenshot("live-story")

    def test_without_javascript_the_page_shows_every_update(self):
        context = self.browser.new_context(java_script_enabled=False)
        self.addCleanup(context.close)
        page = context.new_page()
        page.goto(self.url(self.story.get_absolute_url()))
        self.assertEqual(page.locator(".live__updates > li").count(), 4)
        for number in range(1, 5):
            self.assertIn(f"Update number {number}", page.content())
        self.assertIn("The river is 2 metres above its usual level", page.content())
