"""The site in English and Khmer: interface, dates, translations, names, slugs, search, feeds."""

import datetime
import re
from pathlib import Path
from urllib.parse import unquote

import feedparser
from django.conf import settings
from django.test import TestCase
from django.utils import timezone, translation

from articles.models import Article, Byline
from reader.khmer import khmer_digits
from tests.support.factories import (
    make_affiliation,
    make_alias,
    make_organization,
    make_person,
    make_published_article,
    make_quote,
)
from tests.support.reader import ReaderTestMixin

PO_FILE = Path(settings.BASE_DIR) / "locale" / "km" / "LC_MESSAGES" / "django.po"
PHNOM_PENH = datetime.timezone(datetime.timedelta(hours=7))
JULY_7 = datetime.datetime(2024, 7, 7, 10, 5, tzinfo=PHNOM_PENH)


def khmer_url(article):
    """The story's address on the Khmer site, /km/articles/…"""
    with translation.override("km"):
        return article.get_absolute_url()


def english_url(article):
    """The story's address on the English site (a request to /km/ leaves Khmer active)."""
    with translation.override("en"):
        return article.get_absolute_url()


def text_of(response):
    return response.content.decode()


class KhmerInterfaceTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.writer = make_person("Vann Piseth", name_km="វ៉ាន់ ពិសិដ្ឋ")
        cls.story = make_published_article(
            "Court hears land case", bylines=[cls.writer], published_at=JULY_7
        )

    def test_khmer_pages_answer_in_khmer(self):
        """/km/ speaks Khmer: the page's language, its headings and navigation."""
        response = self.client.get("/km/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<html lang="km">')
        self.assertContains(response, "រឿងរ៉ាវសំខាន់ៗ")  # Top stories
        self.assertContains(response, "រំលងទៅខ្លឹមសារ")  # Skip to the content
        self.assertNotContains(response, "Top stories")
        english = self.client.get("/")
        self.assertContains(english, '<html lang="en">')
        self.assertContains(english, "Top stories")

    def test_dates_on_khmer_pages_have_khmer_months_and_digits(self):
        """The dateline reads ៧ ខែ កក្កដា ឆ្នាំ ២០២៤; the machine-readable time keeps 2024."""
        response = self.client.get(khmer_url(self.story))
        self.assertContains(response, "៧ ខែ កក្កដា ឆ្នាំ ២០២៤, ១០:០៥")
        self.assertContains(response, '<time datetime="2024-07-07T10:05:00+07:00">')
        english = self.client.get(english_url(self.story))
        self.assertContains(english, "July 7, 2024")

    def test_counts_on_khmer_pages_in_khmer_digits(self):
        """The archive counts its stories in Khmer digits on the Khmer site."""
        make_published_article("Second story")
        self.assertContains(self.client.get("/km/articles/"), "រឿងរ៉ាវ ២")
        self.assertContains(self.client.get("/articles/"), "2 stories")

    def test_khmer_digits(self):
        self.assertEqual(khmer_digits("2024-07-07 10:05"), "២០២៤-០៧-០៧ ១០:០៥")

    def test_every_page_names_its_two_languages_with_hreflang(self):
        """Listings point search engines at their English and Khmer versions."""
        content = text_of(self.client.get("/articles/"))
        self.assertIn(
            '<link rel="alternate" hreflang="en" href="http://testserver/articles/">', content
        )
        self.assertIn(
            '<link rel="alternate" hreflang="km" href="http://testserver/km/articles/">', content
        )
        self.assertIn('hreflang="x-default" href="http://testserver/articles/"', content)

    def test_language_switch_on_a_listing_leads_to_the_same_listing(self):
        response = self.client.get("/articles/")
        self.assertContains(response, '<a href="/km/articles/" hreflang="km" lang="km">ខ្មែរ</a>')


class TranslationTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.translator = make_person("Chan Sophea", name_km="ចាន់ សុភា")
        cls.writer = make_person("Vann Piseth", name_km="វ៉ាន់ ពិសិដ្ឋ")
        cls.english = make_published_article("Young voters feel unheard", bylines=[cls.writer])
        cls.khmer = make_published_article(
            "យុវជនថា ពួកគេមិនត្រូវបានគេស្តាប់",
            language="km",
            translation_of=cls.english,
            bylines=[cls.writer],
        )
        Byline.objects.create(
            article=cls.khmer, person=cls.translator, role=Byline.Role.TRANSLATOR, position=1
        )
        cls.lonely = make_published_article("A story told only in English")
        cls.lonely_khmer = make_published_article("រឿងរ៉ាវតែជាភាសាខ្មែរ", language="km")

    def test_translations_link_both_ways(self):
        """Each story page leads to the other: “អានជាភាសាខ្មែរ” and “Read in English”."""
        english_page = text_of(self.client.get(english_url(self.english)))
        self.assertIn(
            f'<a href="http://testserver{khmer_url(self.khmer)}" hreflang="km" lang="km">'
            "អានជាភាសាខ្មែរ</a>",
            english_page,
        )
        khmer_page = text_of(self.client.get(khmer_url(self.khmer)))
        self.assertIn(
            f'<a href="http://testserver{english_url(self.english)}" hreflang="en" '
            'lang="en">Read in English</a>',
            khmer_page,
        )
        for page in (english_page, khmer_page):
            self.assertIn('<link rel="alternate" hreflang="en"', page)
            self.assertIn('<link rel="alternate" hreflang="km"', page)

    def test_story_text_is_marked_with_its_language(self):
        """A Khmer story read on the English site still says lang="km" around its text."""
        response = self.client.get(english_url(self.khmer))
        self.assertContains(response, '<html lang="en">')
        self.assertContains(response, '<article class="story" lang="km">')

    def test_language_switch_leads_to_the_translation(self):
        """From the English story, “ខ្មែរ” opens its Khmer translation, and back."""
        response = self.client.get(english_url(self.english))
        self.assertContains(
            response, f'<a href="{khmer_url(self.khmer)}" hreflang="km" lang="km">ខ្មែរ</a>'
        )
        response = self.client.get(khmer_url(self.khmer))
        self.assertContains(
            response,
            f'<a href="{english_url(self.english)}" hreflang="en" lang="en">English</a>',
        )

    def test_language_switch_without_translation_leads_home(self):
        """A story with no version in the other language switches to that language's home."""
        response = self.client.get(english_url(self.lonely))
        self.assertContains(response, '<a href="/km/" hreflang="km" lang="km">ខ្មែរ</a>')
        response = self.client.get(khmer_url(self.lonely_khmer))
        self.assertContains(response, '<a href="/" hreflang="en" lang="en">English</a>')

    def test_translator_is_credited_as_translator(self):
        """“Translated by” names the translator, who is not among the writers."""
        content = text_of(self.client.get(english_url(self.khmer)))
        translated = re.search(r'<p class="byline byline--translators">(.*?)</p>', content)
        self.assertIsNotNone(translated)
        self.assertIn("Translated by", translated[1])
        self.assertIn("Chan Sophea", translated[1])
        writers = re.search(r'<p class="byline">(.*?)</p>', content)[1]
        self.assertNotIn("Chan Sophea", writers)
        khmer = text_of(self.client.get(khmer_url(self.khmer)))
        self.assertIn("បកប្រែដោយ", khmer)
        self.assertIn("ចាន់ សុភា", khmer)


class KhmerNameTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.organization = make_organization(
            "Cambodian Institute for Democracy", name_km="វិទ្យាស្ថានខ្មែរដើម្បីប្រជាធិបតេយ្យ"
        )
        cls.speaker = make_person("Pa Chanroeun", name_km="ប៉ា ចាន់រឿន", short_name="Chanroeun")
        make_affiliation(cls.speaker, cls.organization)
        make_alias(cls.speaker, "Chanroeun Pa")
        cls.writer = make_person("Vann Piseth", name_km="វ៉ាន់ ពិសិដ្ឋ")
        cls.story = make_published_article("Reform is overdue", bylines=[cls.writer])
        make_quote(cls.story, speaker=cls.speaker, speaker_role="president")
        cls.story.people.add(cls.speaker)
        cls.story.organizations.add(cls.organization)

    def test_story_page_shows_khmer_names_on_the_khmer_site(self):
        response = self.client.get(khmer_url(self.story))
        self.assertContains(response, 'rel="author">វ៉ាន់ ពិសិដ្ឋ</a>')
        self.assertContains(response, "ប៉ា ចាន់រឿន</a>")
        english = self.client.get(english_url(self.story))
        self.assertContains(english, 'rel="author">Vann Piseth</a>')

    def test_profiles_lead_with_the_khmer_name_on_the_khmer_site(self):
        response = self.client.get(f"/km/people/{self.speaker.slug}/")
        self.assertContains(response, "<h1>ប៉ា ចាន់រឿន</h1>")
        self.assertContains(response, '<p class="profile__khmer-name" lang="en">Pa Chanroeun</p>')
        english = self.client.get(f"/people/{self.speaker.slug}/")
        self.assertContains(english, "<h1>Pa Chanroeun</h1>")
        self.assertContains(english, '<p class="profile__khmer-name" lang="km">ប៉ា ចាន់រឿន</p>')
        organization = self.client.get(f"/km/organizations/{self.organization.slug}/")
        self.assertContains(organization, "<h1>វិទ្យាស្ថានខ្មែរដើម្បីប្រជាធិបតេយ្យ")

    def test_search_finds_a_person_by_khmer_latin_spelling_and_alias(self):
        for query in ("ប៉ា ចាន់រឿន", "ចាន់រឿន", "Pa Chanroeun", "Chanroeun Pa"):
            with self.subTest(query):
                response = self.client.get("/km/search/", {"q": query})
                self.assertEqual(
                    [person.pk for person in response.context["results"].people], [self.speaker.pk]
                )
                self.assertContains(response, f'href="/km/people/{self.speaker.slug}/"')


class KhmerSearchTests(ReaderTestMixin, TestCase):
    """
    Khmer is written without spaces between words: a word is found inside a
    run of text, on SQLite and on PostgreSQL alike.
    """

    @classmethod
    def setUpTestData(cls):
        cls.land = make_published_article(
            "សហគមន៍ទាមទារដីធ្លីត្រឡប់មកវិញ",
            standfirst="ប្រជាពលរដ្ឋនៅខេត្តកំពង់ស្ពឺរង់ចាំអស់រយៈពេលដប់ឆ្នាំ",
            body="ក្រុមគ្រួសារចំនួនហាសិបបាននិយាយថាក្រុមហ៊ុនមិនដែលសួរពួកគេទេ។",
            language="km",
        )
        cls.fish = make_published_article(
            "អ្នកនេសាទរាយការណ៍ថាត្រីតិចជាងមុន",
            body="ទន្លេមេគង្គបានផ្លាស់ប្តូរ។",
            language="km",
        )
        cls.english = make_published_article("Families wait for their land in Kampong Speu")

    def found(self, query, path="/search/"):
        response = self.client.get(path, {"q": query})
        self.assertEqual(response.status_code, 200)
        return [story.pk for story in response.context["page"]]

    def test_a_khmer_word_inside_a_headline_finds_its_story(self):
        self.assertEqual(self.found("ដីធ្លី"), [self.land.pk])  # inside សហគមន៍ទាមទារដីធ្លី…

    def test_a_khmer_word_inside_the_standfirst_or_body_finds_its_story(self):
        self.assertEqual(self.found("កំពង់ស្ពឺ"), [self.land.pk])
        self.assertEqual(self.found("ក្រុមហ៊ុន"), [self.land.pk])
        self.assertEqual(self.found("មេគង្គ"), [self.fish.pk])

    def test_two_khmer_words_must_both_be_found(self):
        self.assertEqual(self.found("ដីធ្លី ក្រុមហ៊ុន"), [self.land.pk])
        self.assertEqual(self.found("ដីធ្លី មេគង្គ"), [])

    def test_the_archive_finds_khmer_words_too(self):
        response = self.client.get("/km/articles/", {"q": "ត្រី", "language": "km"})
        self.assertEqual([story.pk for story in response.context["page"]], [self.fish.pk])


class KhmerSlugTests(ReaderTestMixin, TestCase):
    def test_same_khmer_headline_gets_unique_readable_working_addresses(self):
        """Two stories with one Khmer headline in one month: two slugs, two working pages."""
        headline = "ក្រុមប្រឹក្សាធម្មនុញ្ញប្រកាសលទ្ធផល។"
        first = make_published_article(headline, language="km", published_at=JULY_7)
        second = make_published_article(
            headline, language="km", published_at=JULY_7 + datetime.timedelta(days=1)
        )
        self.assertEqual(first.slug, "ក្រុមប្រឹក្សាធម្មនុញ្ញប្រកាសលទ្ធផល")
        self.assertEqual(second.slug, f"{first.slug}-2")
        for story in (first, second):
            for url in (english_url(story), khmer_url(story)):
                with self.subTest(url=unquote(url)):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 200)
                    self.assertEqual(response.context["article"].pk, story.pk)
            self.assertIn(story.slug, unquote(english_url(story)))

    def test_person_known_only_by_a_khmer_name_has_a_working_profile(self):
        """A person entered with a Khmer name gets a Khmer profile address that answers."""
        speaker = make_person("ស្រី ស្រស់")
        namesake = make_person("ស្រី ស្រស់")
        for person in (speaker, namesake):
            make_quote(make_published_article(), speaker=person)
        self.assertEqual(speaker.slug, "ស្រី-ស្រស់")
        self.assertEqual(namesake.slug, "ស្រី-ស្រស់-2")
        for person in (speaker, namesake):
            for prefix in ("", "/km"):
                response = self.client.get(f"{prefix}/people/{person.slug}/")
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.context["person"].pk, person.pk)

    def test_khmer_slug_with_spaces_and_subscripts(self):
        story = make_published_article("សិទ្ធិ ដីធ្លី នៅ ក្រចេះ", language="km")
        self.assertEqual(story.slug, "សិទ្ធិ-ដីធ្លី-នៅ-ក្រចេះ")
        self.assertEqual(self.client.get(khmer_url(story)).status_code, 200)


class LanguageFeedTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.english = make_published_article("Rubber company fences land")
        cls.khmer = make_published_article("ក្រុមហ៊ុនកៅស៊ូហ៊ុមព័ទ្ធដី", language="km")

    def titles(self, url, **params):
        response = self.client.get(url, params)
        self.assertEqual(response.status_code, 200)
        return [entry.title for entry in feedparser.parse(response.content).entries]

    def test_the_khmer_feed_holds_only_khmer_stories(self):
        response = self.client.get("/feeds/languages/km/")
        feed = feedparser.parse(response.content)
        self.assertEqual([entry.title for entry in feed.entries], [self.khmer.headline])
        self.assertEqual(feed.feed.language, "km")
        self.assertIn("/km/articles/", feed.entries[0].link)
        atom = self.titles("/feeds/languages/km/atom/")
        self.assertEqual(atom, [self.khmer.headline])

    def test_every_feed_filters_by_language(self):
        self.assertEqual(self.titles("/feeds/latest/", language="km"), [self.khmer.headline])
        self.assertEqual(self.titles("/feeds/latest/", language="en"), [self.english.headline])
        self.assertEqual(len(self.titles("/feeds/latest/")), 2)

    def test_an_unknown_language_has_no_feed(self):
        self.assertEqual(self.client.get("/feeds/languages/fr/").status_code, 404)

    def test_khmer_pages_announce_the_khmer_feed(self):
        response = self.client.get("/km/")
        self.assertContains(
            response,
            '<link rel="alternate" type="application/rss+xml" title="រឿងរ៉ាវជាភាសាខ្មែរ (RSS)" '
            'href="/km/feeds/languages/km/">',
        )


def po_entries(path):
    """
    ``(msgid, msgstrs, flags)`` for each entry of a .po file, header excluded.
    Of a plural entry, the msgid is its plural form: Khmer's one form serves
    every count, and gettext checks its placeholders against that.
    """
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        flags, parts, current = "", {}, None
        for line in block.splitlines():
            if line.startswith("#,"):
                flags = line
            elif line.startswith("#"):
                continue
            elif match := re.match(r'^(msgid_plural|msgid|msgstr(?:\[\d+\])?) "(.*)"$', line):
                current = match[1]
                parts[current] = match[2]
            elif line.startswith('"') and current:
                parts[current] += line[1:-1]
        if parts.get("msgid"):
            strings = [value for key, value in parts.items() if key.startswith("msgstr")]
            entries.append((parts.get("msgid_plural") or parts["msgid"], strings, flags))
    return entries


class TranslationCatalogueTests(TestCase):
    def test_every_interface_string_is_translated_into_khmer(self):
        """No msgid in locale/km is left untranslated or fuzzy, and placeholders survive."""
        entries = po_entries(PO_FILE)
        self.assertGreater(len(entries), 500)
        untranslated = [msgid for msgid, strings, _ in entries if not all(strings)]
        fuzzy = [msgid for msgid, _, flags in entries if "fuzzy" in flags]
        self.assertEqual(untranslated, [])
        self.assertEqual(fuzzy, [])
        placeholder = re.compile(r"%\(\w+\)[sd]|\{\}")
        for msgid, strings, _ in entries:
            for text in strings:
                self.assertEqual(
                    set(placeholder.findall(text)), set(placeholder.findall(msgid)), msgid
                )

    def test_the_catalogue_is_compiled_and_used(self):
        """The compiled catalogue is what the site reads (make compiles it)."""
        with translation.override("km"):
            self.assertEqual(translation.gettext("Top stories"), "រឿងរ៉ាវសំខាន់ៗ")


class KhmerStoryStateTests(ReaderTestMixin, TestCase):
    def test_unpublished_translation_is_not_offered_by_the_switch(self):
        english = make_published_article("Budget passes")
        Article.objects.create(
            headline="ថវិកាត្រូវបានអនុម័ត",
            language="km",
            translation_of=english,
            published_at=timezone.now(),
            status=Article.Status.DRAFT,
        )
        response = self.client.get(english_url(english))
        self.assertContains(response, '<a href="/km/" hreflang="km" lang="km">ខ្មែរ</a>')
        self.assertNotContains(response, "អានជាភាសាខ្មែរ")
