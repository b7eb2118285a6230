"""
A reader's walk through the site in headless Chromium: home → section →
story → person → search → photo. Screenshots go to test-artifacts/.
"""

import re

from tests.support.browser import ARTIFACTS, BrowserTestCase, load_lazy_images
from tests.support.factories import (
    image_upload,
    make_organization,
    make_person,
    make_photograph,
    make_published_article,
    make_quote,
    make_section,
    make_topic,
    make_user,
)
from tests.support.reader import make_full_story


class ReaderWalkTests(BrowserTestCase):
    def setUp(self):
        super().setUp()
        # Stories name their editor: a live-server test may run after another
        # has flushed the newsroom's groups, so no factory default is used.
        editor = make_user("walk-editor")
        self.land = make_section("Land")
        make_section("Politics")
        topic = make_topic("Land rights")
        organization = make_organization("Land Alliance")
        self.photographer = make_person("Long Narith")
        self.story = make_full_story(
            "Families still wait for their land",
            quotes=3,
            section=self.land,
            organization=organization,
            approved_by=editor,
            lead_photo=make_photograph(
                caption="Rice fields in Trapeang Chhuk village, Kampong Speu, May 2, 2024.",
                photographer=self.photographer,
                image=image_upload(size=(1200, 800), color=(90, 140, 70)),
            ),
        )
        self.story.topics.add(topic)
        self.speaker = self.story.quotes.first().speaker
        for number in range(4):
            other = make_published_article(
                f"Land story number {number}",
                section=self.land,
                approved_by=editor,
                bylines=[make_person()],
                lead_photo=make_photograph(image=image_upload(size=(900, 600))),
                is_featured=number == 0,
            )
            make_quote(other, speaker=self.speaker)

    def screenshot(self, name):
        load_lazy_images(self.page)
        return super().screenshot(name)

    def test_home_section_story_person_search_photo(self):
        page = self.page
        page.goto(self.url("/"))
        self.assertEqual(page.locator("h2#top-heading").inner_text().upper(), "TOP STORIES")
        self.screenshot("reader-1-home")

        page.locator("nav.sections").get_by_role("link", name="Land").click()
        page.wait_for_url(re.compile(r"/sections/land/$"))
        self.assertEqual(page.locator("h1").inner_text(), "Land")
        self.screenshot("reader-2-section")

        page.get_by_role("link", name="Families still wait for their land").click()
        page.wait_for_url(re.compile(r"/articles/\d{4}/\d{2}/families-still-wait-for-their-land/$"))
        self.assertEqual(page.locator("h1").inner_text(), "Families still wait for their land")
        self.assertEqual(page.locator(".story__body figure.story__photo").count(), 1)
        self.assertEqual(page.locator(".story__body figure.pull-quote").count(), 1)
        self.screenshot("reader-3-story")

        page.locator(".people-in-story").get_by_role("link", name=self.speaker.name).click()
        page.wait_for_url(re.compile(rf"/people/{re.escape(self.speaker.slug)}/$"))
        self.assertEqual(page.locator("h1").inner_text(), self.speaker.name)
        self.assertIn("quoted in 5 stories", page.locator("main").inner_text().lower())
        self.screenshot("reader-4-person")

        page.fill("#site-search", "Kampong Speu")
        page.press("#site-search", "Enter")
        page.wait_for_url(re.compile(r"/search/\?q=Kampong\+Speu$"))
        self.assertEqual(page.input_value("#search-q"), "Kampong Speu")
        self.screenshot("reader-5-search")

        lead = self.story.lead_photo
        page.locator(f'.search-results__side a[href="/photos/{lead.pk}/"]').click()
        page.wait_for_url(re.compile(r"/photos/\d+/$"))
        self.assertIn("Trapeang Chhuk", page.locator("figcaption").inner_text())
        self.screenshot("reader-6-photo")
        self.assertEqual(self.console_errors, [])

    def test_the_site_works_without_javascript_on_a_phone(self):
        """Navigation, the archive filters and search need no script; the layout fits 390px."""
        context = self.browser.new_context(
            java_script_enabled=False, viewport={"width": 390, "height": 844}
        )
        self.addCleanup(context.close)
        page = context.new_page()
        ARTIFACTS.mkdir(exist_ok=True)
        page.goto(self.url(self.story.get_absolute_url()))
        self.assertLessEqual(page.evaluate("document.documentElement.scrollWidth"), 390)
        page.screenshot(path=ARTIFACTS / "reader-story-phone-no-js.png", full_page=True)
        page.goto(self.url("/articles/"))
        page.select_option("#id_section", "land")
        page.get_by_role("button", name="Show stories").click()
        page.wait_for_url(re.compile(r"/articles/\?.*section=land"))
        self.assertIn("5 stories", page.locator(".results__count").inner_text())
        page.screenshot(path=ARTIFACTS / "reader-archive-phone-no-js.png", full_page=True)
        page.fill("#site-search", "land")
        page.press("#site-search", "Enter")
        page.wait_for_url(re.compile(r"/search/\?q=land$"))
        self.assertGreater(page.locator(".search-results__stories .card").count(), 0)
