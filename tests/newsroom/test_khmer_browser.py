"""
The Khmer site in headless Chromium: a Khmer story and the Khmer home page at
phone and desktop widths, drawn with the Khmer typefaces the site serves
itself. Screenshots go to test-artifacts/.
"""

import datetime

from django.utils import timezone, translation

from tests.support.browser import BrowserTestCase, load_lazy_images
from tests.support.factories import (
    image_upload,
    make_person,
    make_photograph,
    make_published_article,
    make_quote,
    make_section,
    make_user,
)

WIDTHS = {"phone": 390, "desktop": 1280}

KHMER_BODY = (
    "ក្រុមគ្រួសារជាងហាសិបនៅភូមិត្រពាំងឈូក ខេត្តកំពង់ស្ពឺ បាននិយាយថា ពួកគេបានរង់ចាំដីធ្លីរបស់ខ្លួន"
    "អស់រយៈពេលដប់ឆ្នាំមកហើយ។\n\n"
    "[quote 1]\n\n"
    "អ្នកស្រុកបានប្រាប់ថា ក្រុមហ៊ុនមិនដែលសួរយោបល់ពួកគេមុនពេលឈូសឆាយដីស្រែចម្ការនោះទេ។\n\n"
    "ក្រសួងរៀបចំដែនដីមិនបានឆ្លើយតបនឹងសំណួររបស់អ្នកសារព័ត៌មានទេ។"
)


class KhmerPagesInTheBrowserTests(BrowserTestCase):
    def setUp(self):
        super().setUp()
        editor = make_user("khmer-browser-editor")
        section = make_section("Land", name_km="ដីធ្លី")
        writer = make_person("Vann Piseth", name_km="វ៉ាន់ ពិសិដ្ឋ")
        speaker = make_person("Pa Chanroeun", name_km="ប៉ា ចាន់រឿន")
        english = make_published_article(
            "Families still wait for their land",
            section=section,
            bylines=[writer],
            approved_by=editor,
            published_at=timezone.now() - datetime.timedelta(hours=3),
        )
        self.story = make_published_article(
            "ក្រុមគ្រួសារនៅតែរង់ចាំដីធ្លីរបស់ពួកគេ",
            standfirst="ប្រជាពលរដ្ឋនៅខេត្តកំពង់ស្ពឺនិយាយថា ក្រុមហ៊ុនមិនដែលសួរពួកគេទេ។",
            body=KHMER_BODY,
            language="km",
            translation_of=english,
            section=section,
            bylines=[writer],
            approved_by=editor,
            is_featured=True,
            lead_photo=make_photograph(
                caption="វាលស្រែនៅភូមិត្រពាំងឈូក ខេត្តកំពង់ស្ពឺ ថ្ងៃទី២ ខែឧសភា ឆ្នាំ២០២៤។",
                image=image_upload(size=(1200, 800), color=(90, 140, 70)),
            ),
        )
        make_quote(
            self.story,
            speaker=speaker,
            text="យើងនឹងមិនបោះបង់ដីរបស់យើងទេ",
            speaker_role="ប្រធានវិទ្យាស្ថានខ្មែរដើម្បីប្រជាធិបតេយ្យ",
            is_pull_quote=True,
        )
        for number in range(3):
            make_published_article(
                f"រឿងរ៉ាវទី{number + 1} អំពីសិទ្ធិដីធ្លី និងការរស់នៅរបស់ប្រជាពលរដ្ឋ",
                language="km",
                section=section,
                bylines=[writer],
                approved_by=editor,
            )
        with translation.override("km"):
            self.story_path = self.story.get_absolute_url()

    def fonts_loaded(self, page):
        """The served Khmer faces that loaded, after the page's fonts are ready."""
        page.evaluate("document.fonts.ready.then(() => true)")
        return page.evaluate(
            """() => Array.from(document.fonts)
                .filter((face) => face.status === "loaded")
                .map((face) => `${face.family.replace(/"/g, "")} ${face.weight}`)"""
        )

    def check_khmer_typeface(self, page):
        loaded = self.fonts_loaded(page)
        self.assertIn("Noto Sans Khmer 400", loaded)
        self.assertTrue(page.evaluate("""document.fonts.check('16px "Noto Sans Khmer"', 'ក')"""))
        # Headlines are bold Noto Serif Khmer.
        self.assertIn("Noto Serif Khmer 700", loaded)
        self.assertTrue(
            page.evaluate("""document.fonts.check('bold 16px "Noto Serif Khmer"', 'ក')""")
        )
        # Served by the site itself: the files came from /static/fonts/.
        fonts = page.evaluate(
            """performance.getEntriesByType("resource")
                .map((entry) => entry.name).filter((name) => name.endsWith(".woff2"))"""
        )
        self.assertTrue(fonts)
        for url in fonts:
            self.assertTrue(url.startswith(f"{self.live_server_url}/static/fonts/"), url)

    def visit(self, path, width, name):
        context = self.browser.new_context(viewport={"width": width, "height": 900})
        self.addCleanup(context.close)
        page = context.new_page()
        page.set_default_timeout(15_000)
        errors = []
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.goto(self.url(path))
        load_lazy_images(page)
        self.check_khmer_typeface(page)
        self.assertLessEqual(page.evaluate("document.documentElement.scrollWidth"), width)
        self.screenshot_of(page, name)
        self.assertEqual(errors, [])
        return page

    def screenshot_of(self, page, name):
        self.page = page
        return self.screenshot(name)

    def test_khmer_story_page_at_phone_and_desktop_width(self):
        for label, width in WIDTHS.items():
            with self.subTest(label):
                page = self.visit(self.story_path, width, f"khmer-story-{label}")
                self.assertEqual(page.locator("html").get_attribute("lang"), "km")
                self.assertEqual(page.locator("h1").inner_text(), self.story.headline)
                headline_font = page.eval_on_selector(
                    "h1", "(element) => getComputedStyle(element).fontFamily"
                )
                self.assertTrue(headline_font.startswith('"Noto Serif Khmer"'), headline_font)
                self.assertIn("Read in English", page.locator(".story__translation").inner_text())
                # The story's paragraphs are regular Noto Serif Khmer.
                self.assertIn("Noto Serif Khmer 400", self.fonts_loaded(page))

    def test_khmer_home_page_at_phone_and_desktop_width(self):
        for label, width in WIDTHS.items():
            with self.subTest(label):
                page = self.visit("/km/", width, f"khmer-home-{label}")
                self.assertEqual(page.locator("h2#top-heading").inner_text(), "រឿងរ៉ាវសំខាន់ៗ")
                self.assertIn(self.story.headline, page.locator(".front__top").inner_text())


class TranslatorWorkspaceBrowserTests(BrowserTestCase):
    """A translator works with the source story's words beside the translation."""

    def setUp(self):
        super().setUp()
        make_user("chief", is_superuser=True, password="a-browser-test-password")
        editor = make_user("translation-editor")
        source = make_published_article(
            "Families still wait for their land",
            standfirst="Villagers in Kampong Speu say the company never asked them.",
            body="More than fifty families say they have waited ten years.\n\n"
            "The ministry did not answer questions.",
            approved_by=editor,
        )
        self.translation = make_published_article(
            "ក្រុមគ្រួសារនៅតែរង់ចាំដីធ្លីរបស់ពួកគេ",
            body=KHMER_BODY,
            language="km",
            translation_of=source,
            approved_by=editor,
        )
        self.login("chief", "a-browser-test-password")

    def test_source_panel_stands_beside_the_translation_on_a_wide_screen(self):
        self.page.set_viewport_size({"width": 1400, "height": 1000})
        self.page.goto(self.url(f"/admin/articles/article/{self.translation.pk}/change/"))
        text = self.page.locator("#article_form fieldset").first.bounding_box()
        panel = self.page.locator("fieldset.translation-source-panel").bounding_box()
        self.assertGreaterEqual(panel["x"], text["x"] + text["width"])
        self.assertLess(abs(panel["y"] - text["y"]), 5)
        self.assertIn(
            "More than fifty families", self.page.locator("#translation-source").inner_text()
        )
        self.screenshot("admin-translation-beside-source")
