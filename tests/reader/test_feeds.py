"""RSS and Atom feeds, sitemap.xml and news-sitemap.xml."""

import datetime
from html.parser import HTMLParser

import feedparser
from defusedxml import ElementTree as ET
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation

from media.models import Photograph
from tests.support.factories import (
    make_article,
    make_person,
    make_photograph,
    make_published_article,
    make_quote,
    make_section,
    make_topic,
)
from tests.support.reader import ReaderTestMixin, cold_get, make_full_story

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
XSS = '"><svg onload=alert(1)> & </title><script>alert(1)</script>'


class FeedTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.land = make_section("Land")
        cls.writer = make_person("Vann Piseth")
        cls.photo = make_photograph()
        cls.story = make_published_article(
            "Rubber company fences land",
            section=cls.land,
            bylines=[cls.writer],
            lead_photo=cls.photo,
        )
        cls.story.topics.add(make_topic("Rubber"))
        cls.other = make_published_article("Election campaign opens", bylines=[make_person()])
        cls.draft = make_article("Draft story for the feed", section=cls.land, bylines=[cls.writer])
        cls.future = make_published_article(
            "Embargoed story",
            section=cls.land,
            published_at=timezone.now() + datetime.timedelta(hours=3),
        )
        cls.hidden_section = make_section("Hidden")
        make_article("Only draft in hidden", section=cls.hidden_section)

    def parse(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        feed = feedparser.parse(response.content)
        self.assertFalse(feed.bozo, feed.get("bozo_exception"))
        return feed

    def feed_urls(self):
        return {
            "latest": (reverse("reader:feed_latest"), reverse("reader:feed_latest_atom")),
            "section": (
                reverse("reader:feed_section", args=["land"]),
                reverse("reader:feed_section_atom", args=["land"]),
            ),
            "author": (
                reverse("reader:feed_author", args=[self.writer.slug]),
                reverse("reader:feed_author_atom", args=[self.writer.slug]),
            ),
        }

    def test_every_feed_parses_in_rss_and_atom(self):
        """feedparser reads each feed without complaint, in its declared format."""
        for name, (rss, atom) in self.feed_urls().items():
            with self.subTest(name):
                self.assertEqual(self.parse(rss).version, "rss20")
                self.assertEqual(self.parse(atom).version, "atom10")

    def test_items_carry_title_link_date_author_and_lead_image(self):
        feed = self.parse(reverse("reader:feed_latest"))
        entry = next(e for e in feed.entries if e.title == "Rubber company fences land")
        self.assertEqual(entry.link, f"http://testserver{self.story.get_absolute_url()}")
        self.assertEqual(entry.author, "Vann Piseth")
        self.assertIn("Rubber", [tag.term for tag in entry.tags])
        self.assertIsNotNone(entry.published_parsed)
        [enclosure] = entry.enclosures
        self.assertTrue(enclosure.href.startswith("http://testserver/"))
        self.assertTrue(enclosure.type.startswith("image/"))

    def enclosure(self):
        feed = self.parse(reverse("reader:feed_latest"))
        entry = next(e for e in feed.entries if e.title == "Rubber company fences land")
        return entry.enclosures

    def served(self, href):
        response = self.client.get(href.removeprefix("http://testserver"))
        self.assertEqual(response.status_code, 200)
        return response["Content-Type"], b"".join(response.streaming_content)

    def test_the_enclosure_gives_the_length_and_type_of_the_file_it_names(self):
        """length= is the byte length of the image at the enclosure's address, never 0."""
        [enclosure] = self.enclosure()
        content_type, data = self.served(enclosure.href)
        self.assertEqual(int(enclosure.length), len(data))
        self.assertGreater(len(data), 0)
        self.assertEqual(enclosure.type, content_type)
        self.assertEqual(enclosure.type, "image/jpeg")

    def test_renditions_made_before_their_length_was_kept_are_measured(self):
        renditions = [
            {key: value for key, value in item.items() if key != "bytes"}
            for item in self.photo.renditions
        ]
        Photograph.objects.filter(pk=self.photo.pk).update(renditions=renditions)
        [enclosure] = self.enclosure()
        self.assertEqual(int(enclosure.length), len(self.served(enclosure.href)[1]))

    def test_a_photo_without_renditions_encloses_its_original(self):
        Photograph.objects.filter(pk=self.photo.pk).update(renditions=[])
        [enclosure] = self.enclosure()
        content_type, data = self.served(enclosure.href)
        self.assertEqual(int(enclosure.length), len(data))
        self.assertEqual(enclosure.type, content_type)

    def test_a_file_gone_from_the_storage_gets_no_enclosure(self):
        """No length can be given for it, and a wrong one would mislead a podcast client."""
        gone = [
            {"name": f"{item['name']}-gone", "format": item["format"], "crop": item["crop"]}
            | {"width": item["width"], "height": item["height"]}
            for item in self.photo.renditions
        ]
        Photograph.objects.filter(pk=self.photo.pk).update(renditions=gone)
        self.assertEqual(self.enclosure(), [])

    def test_feeds_carry_published_stories_only(self):
        """Drafts and embargoed stories are in no feed."""
        for rss, atom in self.feed_urls().values():
            for url in (rss, atom):
                with self.subTest(url):
                    titles = [entry.title for entry in self.parse(url).entries]
                    self.assertNotIn("Draft story for the feed", titles)
                    self.assertNotIn("Embargoed story", titles)
        section_titles = [
            e.title for e in self.parse(reverse("reader:feed_section", args=["land"])).entries
        ]
        self.assertEqual(section_titles, ["Rubber company fences land"])

    def test_feeds_of_unknown_or_unpublished_sections_and_authors_answer_404(self):
        for url in (
            reverse("reader:feed_section", args=["hidden"]),
            reverse("reader:feed_section", args=["nothing"]),
            reverse("reader:feed_author", args=["nobody"]),
        ):
            with self.subTest(url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_newsroom_text_is_xml_escaped(self):
        """A headline holding markup is text in the feed, not elements."""
        make_published_article(f"Headline {XSS}")
        for url in (reverse("reader:feed_latest"), reverse("reader:feed_latest_atom")):
            with self.subTest(url):
                response = self.client.get(url)
                ET.fromstring(response.content)
                self.assertNotIn(b"<script>", response.content)
                self.assertIn(f"Headline {XSS}", [e.title for e in self.parse(url).entries])

    def test_feed_costs_the_same_for_two_stories_or_thirty(self):
        """
        Feed items come with section and photo, bylines, and topics: three
        queries, and one for how long the feed may be kept (the next scheduled story).
        """
        url = reverse("reader:feed_latest")
        with self.assertNumQueries(4):
            cold_get(self.client, url)
        for _ in range(30):
            story = make_published_article(
                section=self.land, bylines=[make_person()], lead_photo=make_photograph()
            )
            story.topics.add(make_topic())
        with self.assertNumQueries(4):
            cold_get(self.client, url)


# Plain text that looks like markup, each typed into a headline and a standfirst.
TYPED = [
    "<b>x</b>",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "&amp;lt; is how HTML writes &lt;, and &#60; too",
    "Rice < $5 & rent > $50: “fair”, they said, 'twice'",
    "ការបោះឆ្នោតឃុំ <i>ថ្មី</i> & ក្រុង",
]


class _Shown(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text += data


def shown(detail):
    """What a feed reader shows for a feedparser text construct, and the tags it renders."""
    if detail.type == "text/plain":
        return detail.value, []
    parser = _Shown()
    parser.feed(detail.value)
    parser.close()
    return parser.text, parser.tags


class FeedTextTests(ReaderTestMixin, TestCase):
    """Headlines and standfirsts are plain text: feed readers show them as typed."""

    @classmethod
    def setUpTestData(cls):
        cls.typed = {}
        for number, text in enumerate(TYPED):
            for language in ("en", "km"):
                headline = f"{language} {number} {text}"
                standfirst = f"Standfirst {language} {number}: {text}"
                make_full_story(headline, standfirst=standfirst, language=language)
                cls.typed[headline] = standfirst

    def feeds(self):
        return {
            "latest": (reverse("reader:feed_latest"), reverse("reader:feed_latest_atom")),
            "khmer": (
                reverse("reader:feed_language", args=["km"]),
                reverse("reader:feed_language_atom", args=["km"]),
            ),
        }

    def entries(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        feed = feedparser.parse(response.content)
        self.assertFalse(feed.bozo, feed.get("bozo_exception"))
        return feed.entries

    def test_readers_show_headlines_and_standfirsts_as_typed(self):
        """
        Every story's headline arrives as typed, and a reader shows its
        standfirst character for character, with no markup.
        """
        for name, urls in self.feeds().items():
            for url in urls:
                entries = self.entries(url)
                self.assertEqual(len(entries), len(TYPED) * (2 if name == "latest" else 1))
                for entry in entries:
                    with self.subTest(url, headline=entry.title):
                        self.assertIn(entry.title, self.typed)
                        self.assertEqual(shown(entry.summary_detail), (self.typed[entry.title], []))

    def test_atom_titles_are_text(self):
        """
        Atom marks its titles as text, so every reader shows them as typed.
        RSS cannot mark them: they are sent as text all the same, and
        feedparser, guessing, reads one that looks like tags as HTML.
        """
        for url in (self.feeds()["latest"][1], self.feeds()["khmer"][1]):
            for entry in self.entries(url):
                with self.subTest(url, headline=entry.title):
                    self.assertEqual(entry.title_detail.type, "text/plain")
                    self.assertEqual(shown(entry.title_detail), (entry.title, []))

    def test_section_and_author_descriptions_are_shown_as_typed(self):
        """A feed's own description, a section's or an author's name, reads as typed."""
        section = make_section("Land", description="<b>Land</b> & housing <img src=x onerror=1>")
        author = make_person("Chan <b>Dara</b> & Sons")
        make_published_article(section=section, bylines=[author])
        for url, expected in [
            (reverse("reader:feed_section", args=[section.slug]), section.description),
            (reverse("reader:feed_section_atom", args=[section.slug]), section.description),
            (
                reverse("reader:feed_author", args=[author.slug]),
                f"Newsroom: stories by {author.name}",
            ),
            (
                reverse("reader:feed_author_atom", args=[author.slug]),
                f"Newsroom: stories by {author.name}",
            ),
        ]:
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                feed = feedparser.parse(response.content)
                self.assertFalse(feed.bozo, feed.get("bozo_exception"))
                self.assertEqual(shown(feed.feed.subtitle_detail), (expected, []))

    def test_no_markup_reaches_the_summary(self):
        """Read once as XML, an item's description or summary holds no tag."""
        for name, (rss, atom) in self.feeds().items():
            for url, path in (
                (rss, "channel/item/description"),
                (atom, f"{ATOM}entry/{ATOM}summary"),
            ):
                with self.subTest(name, url=url):
                    summaries = [
                        element.text
                        for element in ET.fromstring(self.client.get(url).content).iterfind(path)
                    ]
                    self.assertTrue(summaries)
                    for summary in summaries:
                        for tag in ("<script", "<b>", "<img", "<svg", "<i>"):
                            self.assertNotIn(tag, summary)

    def test_khmer_headline_and_standfirst_are_kept_whole(self):
        """Khmer text, with its combining signs, arrives unchanged."""
        entries = self.entries(reverse("reader:feed_language", args=["km"]))
        khmer = next(entry for entry in entries if entry.title.startswith("km 6 "))
        self.assertEqual(khmer.title, "km 6 ការបោះឆ្នោតឃុំ <i>ថ្មី</i> & ក្រុង")
        self.assertEqual(
            shown(khmer.summary_detail)[0], "Standfirst km 6: ការបោះឆ្នោតឃុំ <i>ថ្មី</i> & ក្រុង"
        )


class SitemapTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("Land")
        cls.speaker = make_person("Heng Rithy")
        cls.story = make_published_article("Rubber company fences land", section=cls.section)
        make_quote(cls.story, speaker=cls.speaker)
        cls.khmer = make_published_article("ការបោះឆ្នោតឃុំ", language="km")
        cls.old = make_published_article(
            "An older story", published_at=timezone.now() - datetime.timedelta(days=5)
        )
        cls.draft = make_article("Draft story", section=make_section("Hidden"))
        make_quote(cls.draft, speaker=make_person("Hidden Source"))

    def locations(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        root = ET.fromstring(response.content)
        return root, [loc.text for loc in root.iter(f"{SITEMAP}loc")]

    def test_sitemap_is_well_formed_and_lists_public_pages_only(self):
        _, locations = self.locations("/sitemap.xml")
        base = "http://testserver"
        self.assertIn(f"{base}{self.story.get_absolute_url()}", locations)
        self.assertIn(f"{base}/sections/land/", locations)
        self.assertIn(f"{base}/km/sections/land/", locations)
        self.assertIn(f"{base}/people/{self.speaker.slug}/", locations)
        self.assertNotIn(f"{base}{self.draft.get_absolute_url()}", locations)
        self.assertFalse([loc for loc in locations if "hidden" in loc])

    def test_stories_are_listed_at_the_address_in_their_own_language(self):
        _, locations = self.locations("/sitemap.xml")
        with translation.override("km"):
            khmer_url = self.khmer.get_absolute_url()
        self.assertIn(f"http://testserver{khmer_url}", locations)

    def test_news_sitemap_lists_the_last_two_days(self):
        root, locations = self.locations("/news-sitemap.xml")
        self.assertIn(f"http://testserver{self.story.get_absolute_url()}", locations)
        self.assertNotIn(f"http://testserver{self.old.get_absolute_url()}", locations)
        self.assertNotIn(f"http://testserver{self.draft.get_absolute_url()}", locations)
        titles = [title.text for title in root.iter(f"{NEWS}title")]
        self.assertIn("Rubber company fences land", titles)
        dates = [date.text for date in root.iter(f"{NEWS}publication_date")]
        self.assertTrue(all(datetime.datetime.fromisoformat(date) for date in dates))
