"""
Every reader page on a phone, in headless Chromium: at 320, 360 and 390 CSS
pixels wide, in English and in Khmer, no page scrolls sideways; the language
switch is a target a thumb can hit (44 × 44 CSS pixels at least).
Screenshots of the Khmer home go to test-artifacts/.
"""

import datetime

from django.urls import reverse
from django.utils import timezone, translation

from tests.support.browser import BrowserTestCase, load_lazy_images
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

WIDTHS = (320, 360, 390)
# The smallest target WCAG 2.5.5 and the platforms' guidelines ask for.
TAP_TARGET = 44

# Long words are what push a narrow page wide: a Khmer headline has no spaces,
# an address none either.
KHMER_HEADLINE = "យុវជនជំនាន់ថ្មីនៅខេត្តកំពង់ចាមត្រៀមខ្លួនទៅបោះឆ្នោតជាលើកដំបូងក្នុងជីវិតរបស់ពួកគេ"
KHMER_BODY = (
    "ក្រុមគ្រួសារជាងហាសិបនៅភូមិត្រពាំងឈូកខេត្តកំពង់ស្ពឺបាននិយាយថាពួកគេបានរង់ចាំដីធ្លីរបស់ខ្លួន"
    "អស់រយៈពេលដប់ឆ្នាំមកហើយ។\n\n"
    "[quote 1]\n\n"
    "ព័ត៌មានបន្ថែម៖ https://www.example.org/reports/2024/land-rights-in-kampong-speu-province"
    "-full-report-with-annexes.pdf"
)
ENGLISH_BODY = (
    "Voters in Kampong Cham say the campaign reached them late.\n\n"
    "[photo 1]\n\n"
    "The full report is at https://www.example.org/reports/2024/election-observation-"
    "mission-kampong-cham-final-report-with-every-annex.pdf and was read by observers.\n\n"
    "[quote 1]\n\n"
    "Observers from the Committee for Free and Fair Elections in Cambodia (COMFREL) said so."
)


class PhoneWidthTests(BrowserTestCase):
    def setUp(self):
        super().setUp()
        editor = make_user("phone-editor")
        section = make_section("Elections", name_km="ការបោះឆ្នោត")
        make_section("Land rights and livelihoods", name_km="សិទ្ធិដីធ្លី និងជីវភាព")
        make_section("Health", name_km="សុខាភិបាល")
        topic = make_topic("Young voters", name_km="អ្នកបោះឆ្នោតវ័យក្មេង")
        organization = make_organization(
            "Committee for Free and Fair Elections in Cambodia",
            name_km="គណៈកម្មាធិការដើម្បីការបោះឆ្នោតដោយសេរី និងយុត្តិធម៌នៅកម្ពុជា",
        )
        writer = make_person("Vann Piseth", name_km="វ៉ាន់ ពិសិដ្ឋ")
        self.english = make_full_story(
            "Young voters in Kampong Cham prepare to cast their first ballots in a general "
            "election",
            body=ENGLISH_BODY,
            section=section,
            organization=organization,
            writer=writer,
            approved_by=editor,
            is_featured=True,
            published_at=timezone.now() - datetime.timedelta(hours=2),
            lead_photo=make_photograph(
                caption="Young voters queue outside a polling station in Kampong Cham, "
                "July 23, 2023.",
                image=image_upload(size=(1600, 1067), color=(60, 90, 140)),
            ),
        )
        self.english.topics.add(topic)
        self.khmer = make_published_article(
            KHMER_HEADLINE,
            standfirst="អ្នកបោះឆ្នោតវ័យក្មេងនិយាយថាយុទ្ធនាការបោះឆ្នោតបានទៅដល់ពួកគេយឺតពេល។",
            body=KHMER_BODY,
            language="km",
            translation_of=self.english,
            section=section,
            bylines=[writer],
            approved_by=editor,
            lead_photo=self.english.lead_photo,
        )
        self.khmer.topics.add(topic)
        self.speaker = self.english.quotes.first().speaker
        make_quote(self.khmer, speaker=self.speaker, text="យើងចង់ឱ្យសំឡេងរបស់យើងត្រូវបានគេស្តាប់")
        for number in range(3):
            make_published_article(
                f"Clinic number {number} opens in Kratie with a long headline about health care",
                section=section,
                bylines=[writer],
                approved_by=editor,
                lead_photo=make_photograph(image=image_upload(size=(900, 600))),
            )

    def reader_pages(self):
        """Every kind of reader page, at its address in the active language."""
        photo = self.english.lead_photo
        return {
            "home": reverse("reader:home"),
            "story": self.english.get_absolute_url(),
            "khmer story": self.khmer.get_absolute_url(),
            "section": reverse("reader:section_detail", args=[self.english.section.slug]),
            "topic": reverse("reader:topic_detail", args=[self.english.topics.get().slug]),
            "person": reverse("reader:person_detail", args=[self.speaker.slug]),
            "writer": reverse(
                "reader:person_detail", args=[self.english.bylines.get().person.slug]
            ),
            "organization": reverse(
                "reader:organization_detail", args=[self.english.organizations.get().slug]
            ),
            "photos": reverse("reader:photo_list"),
            "photo": reverse("reader:photo_detail", args=[photo.pk]),
            "archive": reverse("reader:archive"),
            "archive filtered": reverse("reader:archive") + "?q=voters&language=en",
            "search": reverse("reader:search") + "?q=Kampong+Cham",
            "empty search": reverse("reader:search"),
            "corrections": reverse("reader:correction_list"),
            "not found": "/no-such-page/" if translation.get_language() == "en" else "/km/nope/",
        }

    def phone(self, width):
        context = self.browser.new_context(viewport={"width": width, "height": 780})
        self.addCleanup(context.close)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    def widths(self, page):
        return page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )

    def test_no_reader_page_scrolls_sideways_on_a_phone(self):
        too_wide = []
        page = self.phone(WIDTHS[0])
        for language in ("en", "km"):
            with translation.override(language):
                pages = self.reader_pages()
            for name, path in pages.items():
                page.goto(self.url(path))
                page.evaluate("document.fonts.ready.then(() => true)")
                # Each width laid out anew, as a phone turned or another phone would.
                for width in WIDTHS:
                    page.set_viewport_size({"width": width, "height": 780})
                    scroll, client = self.widths(page)
                    if scroll > client:
                        too_wide.append(f"{name} ({path}) at {width}px: {scroll}px wide")
        self.assertEqual(too_wide, [])

    def test_the_khmer_home_at_360_pixels(self):
        """The search button and the whole page fit; a screenshot is kept."""
        page = self.phone(360)
        page.goto(self.url("/km/"))
        load_lazy_images(page)
        self.page = page
        self.screenshot("khmer-home-360")
        self.assertEqual(self.widths(page), [360, 360])
        button = page.locator(".search-box button").bounding_box()
        self.assertLessEqual(button["x"] + button["width"], 360)
        self.assertIn(KHMER_HEADLINE, page.locator(".front__top").inner_text())

    def test_the_language_switch_is_large_enough_to_tap(self):
        page = self.phone(WIDTHS[0])
        for width in (*WIDTHS, 1280):
            page.set_viewport_size({"width": width, "height": 780})
            for path in ("/", self.english.get_absolute_url(), "/km/"):
                page.goto(self.url(path))
                for link in page.locator(".languages a").all():
                    box = link.bounding_box()
                    with self.subTest(width=width, path=path, link=link.inner_text()):
                        self.assertGreaterEqual(box["width"], TAP_TARGET)
                        self.assertGreaterEqual(box["height"], TAP_TARGET)
                # The switch still leads to the other language.
                other = page.locator(".languages a:not([aria-current])")
                other.click()
                page.wait_for_load_state()
                self.assertNotEqual(page.url, self.url(path))
