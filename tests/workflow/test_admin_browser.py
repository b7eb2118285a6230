from people.slugs import slugify
from tests.support.browser import BrowserTestCase
from tests.support.factories import make_user


class SlugPrefillBrowserTests(BrowserTestCase):
    """The story form fills in a readable slug as the headline is typed."""

    def setUp(self):
        super().setUp()
        make_user("chief", is_superuser=True, password="a-browser-test-password")
        self.login("chief", "a-browser-test-password")

    def test_khmer_headline_gives_a_readable_slug(self):
        """Khmer vowel signs and subscripts survive in the prefilled slug, as on the server."""
        headline = "សមត្ថកិច្ចចាប់ខ្លួនសកម្មជន នៅភ្នំពេញ"
        self.page.goto(self.url("/admin/articles/article/add/"))
        self.page.fill("#id_headline", headline)
        self.page.press("#id_headline", "Tab")
        self.assertEqual(self.page.input_value("#id_slug"), slugify(headline))
        self.assertEqual(self.page.input_value("#id_slug"), "សមត្ថកិច្ចចាប់ខ្លួនសកម្មជន-នៅភ្នំពេញ")
        self.screenshot("admin-story-add-khmer-slug")
        self.assertEqual(self.console_errors, [])

    def test_english_headline_gives_an_ascii_slug(self):
        self.page.goto(self.url("/admin/articles/article/add/"))
        self.page.fill("#id_headline", "Court hears Kandal land case — again")
        self.page.press("#id_headline", "Tab")
        self.assertEqual(self.page.input_value("#id_slug"), "court-hears-kandal-land-case-again")
