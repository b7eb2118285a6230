"""The readers' story pages, home, sections and topics."""

import datetime
import html
from urllib.parse import unquote

import time_machine
from django.core.cache import cache
from django.test import RequestFactory, TestCase
from django.urls import resolve, reverse
from django.utils import timezone, translation

from articles.models import Article, CommentRequest, FormerAddress
from reader.views.stories import render_article
from tests.support.dos import cpu_seconds_under
from tests.support.factories import (
    make_article,
    make_organization,
    make_person,
    make_photograph,
    make_published_article,
    make_quote,
    make_section,
    make_topic,
    make_user,
)
from tests.support.reader import ReaderTestMixin, cold_get, json_ld, make_full_story
from tests.support.staff import sign_in

XSS = '"><svg onload=alert(1)></script><script>alert(2)</script>'


class StoryPageTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("Land")
        cls.topic = make_topic("Land rights")
        cls.story = make_full_story("Families still wait for their land", section=cls.section)
        cls.story.topics.add(cls.topic)
        cls.related = make_published_article("Another land story", section=cls.section)
        make_article("Draft land story next door", section=cls.section).topics.add(cls.topic)
        cls.url = cls.story.get_absolute_url()

    def test_address_carries_year_month_and_slug(self):
        """A story lives at /articles/<yyyy>/<mm>/<slug>/ of its publish month."""
        month = timezone.localtime(self.story.published_at)
        self.assertEqual(
            self.url, f"/articles/{month:%Y}/{month:%m}/families-still-wait-for-their-land/"
        )

    def test_story_shows_everything_the_reader_needs(self):
        """Headline, standfirst, linked byline, dateline, times, photos, quotes, people."""
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        writer = self.story.bylines.get().person
        self.assertContains(response, '<h1 class="story__headline">Families still wait')
        self.assertContains(response, self.story.standfirst)
        self.assertContains(
            response,
            f'<a href="{reverse("reader:person_detail", args=[writer.slug])}" rel="author"',
        )
        self.assertContains(response, '<span class="dateline__place">Phnom Penh</span>')
        published = timezone.localtime(self.story.published_at).replace(microsecond=0).isoformat()
        self.assertContains(response, f'<time datetime="{published}">')
        self.assertContains(response, '<figure class="story__lead">')
        self.assertContains(response, self.story.lead_photo.credit)
        self.assertContains(response, '<figure class="story__photo">')
        self.assertContains(response, '<figure class="pull-quote">')
        self.assertContains(response, "People in this story")
        self.assertContains(response, "president of the Land Alliance")
        self.assertContains(response, "Corrections")
        self.assertContains(response, reverse("reader:topic_detail", args=[self.topic.slug]))
        self.assertContains(response, "Another land story")
        self.assertNotContains(response, "Draft land story next door")

    def test_photos_and_pull_quotes_stand_where_the_journalist_placed_them(self):
        """The body photo comes after the first paragraph, the pull quote after the second."""
        content = response_text(self.client.get(self.url))
        first = content.index("The families have waited ten years.")
        photo = content.index('<figure class="story__photo">')
        second = content.index("They say the company never asked them.")
        quote = content.index('<figure class="pull-quote">')
        third = content.index("The ministry did not answer questions.")
        self.assertLess(first, photo)
        self.assertLess(photo, second)
        self.assertLess(second, quote)
        self.assertLess(quote, third)

    def test_share_links_need_no_third_party_script(self):
        """Share buttons are plain links; the page loads scripts from nowhere else."""
        content = response_text(self.client.get(self.url))
        self.assertIn("https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2F", content)
        self.assertIn("https://t.me/share/url?url=", content)
        self.assertNotIn("<script src=", content)

    def test_metadata_for_search_engines_and_social_cards(self):
        """Title, description, canonical, OpenGraph and Twitter cards."""
        content = response_text(self.client.get(self.url))
        canonical = f"http://testserver{self.url}"
        self.assertIn("<title>Families still wait for their land — Newsroom</title>", content)
        self.assertIn('<meta name="description" content="A standfirst', content)
        self.assertIn(f'<link rel="canonical" href="{canonical}">', content)
        self.assertIn('<meta property="og:type" content="article">', content)
        self.assertIn(f'<meta property="og:url" content="{canonical}">', content)
        self.assertIn('<meta property="og:image" content="http://testserver/', content)
        self.assertIn('<meta name="twitter:card" content="summary_large_image">', content)

    def test_json_ld_describes_a_news_article(self):
        """NewsArticle with authors, image, publisher, mentions and key quotes."""
        [data] = json_ld(self.client.get(self.url).content)
        writer = self.story.bylines.get().person
        speaker = self.story.quotes.get().speaker
        self.assertEqual(data["@type"], "NewsArticle")
        self.assertEqual(data["headline"], self.story.headline)
        self.assertEqual(
            datetime.datetime.fromisoformat(data["datePublished"]),
            self.story.published_at.replace(microsecond=0),
        )
        self.assertIn("dateModified", data)
        self.assertEqual(
            data["author"],
            [
                {
                    "@type": "Person",
                    "name": writer.name,
                    "url": f"http://testserver/people/{writer.slug}/",
                }
            ],
        )
        self.assertTrue(data["image"][0].startswith("http://testserver/"))
        self.assertEqual(data["publisher"]["name"], "Newsroom")
        mentioned = {item["name"]: item["@type"] for item in data["mentions"]}
        self.assertEqual(mentioned[speaker.name], "Person")
        self.assertEqual(mentioned[self.story.organizations.get().name], "Organization")
        [quotation] = data["hasPart"]
        self.assertEqual(quotation["@type"], "Quotation")
        self.assertEqual(quotation["text"], "We have documents number 1")
        self.assertEqual(quotation["creator"]["name"], speaker.name)

    def test_the_same_story_in_khmer_site_language(self):
        """/km/… shows the same story with the site's words in Khmer; canonical stays English."""
        with translation.override("km"):
            khmer_url = self.story.get_absolute_url()
        self.assertTrue(khmer_url.startswith("/km/articles/"))
        response = self.client.get(khmer_url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<html lang="km">')
        self.assertContains(response, f'<link rel="canonical" href="http://testserver{self.url}">')

    def test_preview_and_header_tricks_do_not_change_the_public_page(self):
        """?preview=1 and preview headers render the ordinary page, never a banner."""
        response = self.client.get(self.url, {"preview": "1"}, headers={"X-Preview": "1"})
        self.assertNotContains(response, "Preview — not published")


class StoryAddressTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = make_published_article("Court hears land case")
        cls.draft = make_article("Secret draft about the minister")
        cls.future = make_published_article(
            "Embargoed until tomorrow", published_at=timezone.now() + datetime.timedelta(days=1)
        )
        cls.unpublished = make_published_article("Taken down story", status="unpublished")
        cls.khmer = make_published_article("យុវជនថា ពួកគេមិនត្រូវបានគេស្តាប់", language="km")

    def test_drafts_future_and_unpublished_stories_answer_404(self):
        """Only published stories whose time has come are shown."""
        for article in (self.draft, self.future, self.unpublished):
            with self.subTest(article.headline):
                self.assertEqual(self.client.get(article.get_absolute_url()).status_code, 404)

    def test_unknown_slug_month_and_impossible_dates_answer_404(self):
        """Unknown slugs, other months and dates that do not exist are 404, never 500."""
        month = self.story.month
        for path in (
            f"/articles/{month:%Y}/{month:%m}/no-such-story/",
            f"/articles/1999/{month:%m}/{self.story.slug}/",
            f"/articles/0000/01/{self.story.slug}/",
            f"/articles/{month:%Y}/13/{self.story.slug}/",
            f"/articles/{month:%Y}/{month:%m}/{self.story.slug}%00/",
        ):
            with self.subTest(path):
                self.assertEqual(self.client.get(path).status_code, 404)

    def test_a_draft_404_is_identical_to_an_unknown_address(self):
        """
        Nothing tells a draft from a story that does not exist: the same bytes,
        whatever preview parameters or headers are sent (CVE-2019-17671).
        """
        month = self.draft.month
        unknown = self.client.get(f"/articles/{month:%Y}/{month:%m}/nothing-here-at-all/")
        attempts = [
            self.client.get(self.draft.get_absolute_url()),
            self.client.get(self.draft.get_absolute_url(), {"preview": "1"}),
            self.client.get(self.draft.get_absolute_url(), {"static": "1", "order": "asc"}),
            self.client.get(
                self.draft.get_absolute_url(),
                headers={"X-Preview": "1", "X-Forwarded-Host": "evil.example"},
            ),
            self.client.get(
                self.draft.get_absolute_url(),
                headers={
                    "If-None-Match": '"x"',
                    "If-Modified-Since": "Mon, 01 Jan 2024 00:00:00 GMT",
                },
            ),
        ]
        for response in attempts:
            self.assertEqual(response.status_code, 404)
            self.assertEqual(response.content, unknown.content)
            self.assertNotContains(response, "Secret draft", status_code=404)

    def test_khmer_slug_addresses_resolve(self):
        """A Khmer slug (letters, vowel signs, subscripts) makes a working address."""
        url = self.khmer.get_absolute_url()
        self.assertEqual(resolve(unquote(url)).kwargs["slug"], self.khmer.slug)
        self.assertEqual(self.client.get(url).status_code, 200)

    def test_a_changed_slug_redirects_permanently(self):
        """The old address answers 301 to the new one."""
        old_url = self.story.get_absolute_url()
        story = Article.objects.get(pk=self.story.pk)
        story.slug = "court-hears-land-case-again"
        story.save()
        response = self.client.get(old_url)
        self.assertRedirects(response, story.get_absolute_url(), status_code=301)

    def test_a_moved_story_redirects_from_every_earlier_address(self):
        """Two renames later, the first address still leads to the story."""
        first_url = self.story.get_absolute_url()
        story = Article.objects.get(pk=self.story.pk)
        story.slug = "second-slug"
        story.save()
        story.slug = "third-slug"
        story.save()
        self.assertRedirects(self.client.get(first_url), story.get_absolute_url(), status_code=301)

    def test_a_changed_publish_month_redirects(self):
        """Moving the publish time to another month keeps the old address working."""
        old_url = self.story.get_absolute_url()
        story = Article.objects.get(pk=self.story.pk)
        story.published_at = story.published_at - datetime.timedelta(days=62)
        story.save()
        self.assertNotEqual(story.get_absolute_url(), old_url)
        self.assertRedirects(self.client.get(old_url), story.get_absolute_url(), status_code=301)

    def test_an_old_address_of_a_story_taken_down_answers_404(self):
        """A redirect never leads readers to a story they may no longer see."""
        old_url = self.story.get_absolute_url()
        story = Article.objects.get(pk=self.story.pk)
        story.slug = "renamed"
        story.save()
        story.status = Article.Status.UNPUBLISHED
        story.save()
        self.assertEqual(self.client.get(old_url).status_code, 404)

    def test_drafts_keep_no_former_addresses(self):
        """A draft renamed before it ever had a publish time leaves no redirect behind."""
        draft = Article.objects.get(pk=self.draft.pk)
        draft.slug = "renamed-draft"
        draft.save()
        self.assertFalse(FormerAddress.objects.filter(article=draft).exists())

    def test_taking_back_an_old_slug_removes_its_redirect(self):
        """A story renamed back to an earlier slug is served there, not redirected in a loop."""
        story = Article.objects.get(pk=self.story.pk)
        original = story.slug
        story.slug = "temporary"
        story.save()
        story.slug = original
        story.save()
        self.assertEqual(self.client.get(story.get_absolute_url()).status_code, 200)
        self.assertFalse(FormerAddress.objects.filter(slug=original).exists())


# A preview: what the first request for the public page costs (2–12 and
# 16–19 there): no stored parts looked for, none stored, and no bylines of
# related stories, as this draft has none.
PREVIEW_QUERIES = 14


class PreviewTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.draft = make_full_story("Draft under review", status="draft", published_at=None)

    def render_preview(self):
        request = RequestFactory().get("/admin/articles/article/1/preview/")
        return render_article(request, self.draft, preview=True)

    def test_preview_shows_a_banner_and_is_never_cached(self):
        """A preview says it is not published and may be kept by no cache or search engine."""
        response = self.render_preview()
        self.assertContains(response, "Preview — not published")
        self.assertIn("no-store", response["Cache-Control"])
        self.assertIn("private", response["Cache-Control"])
        self.assertEqual(response["X-Robots-Tag"], "noindex, nofollow")
        self.assertEqual(response["Referrer-Policy"], "no-referrer")
        self.assertContains(response, '<meta name="robots" content="noindex, nofollow">')
        self.assertNotContains(response, 'type="application/ld+json"')

    def test_previewing_leaves_the_public_address_404(self):
        """Rendering a preview stores nothing the public address could serve."""
        self.render_preview()
        self.assertEqual(self.client.get(self.draft.get_absolute_url()).status_code, 404)

    def test_preview_costs_a_fixed_number_of_queries(self):
        """
        A story handed in without prefetching is loaded again as the public
        page loads it (``story_page``): what the public page costs except the
        cache lifetime (this draft has no section, so no related stories).
        """
        self.draft = Article.objects.get(pk=self.draft.pk)
        with self.assertNumQueries(PREVIEW_QUERIES):
            self.render_preview()


# A story page asked for the first time (after a change to it): 1 its stored
# parts, none yet; 2 the story with its section, lead photo, photographer and
# translations and live coverage; 3 bylines and their people; 4 body photos;
# 5 live updates with their authors and photos (none on most stories); 6
# quotes and speakers; 7 corrections; 8 topics; 9 people named; 10 their
# affiliations and organizations; 11 organizations named; 12 requests for
# comment and who was asked; 13–15 the parts stored (a savepoint, then look
# up and insert in it, released after); 16 related stories; 17 their bylines;
# 18 the next scheduled publication (how long the page and fragments may be
# kept); 19 the section menu.
STORY_QUERIES_FIRST = 19
# Every later page-cache miss: 1 the story with its stored parts; 2 related
# stories; 3 their bylines; 4 the next scheduled publication; 5 the section
# menu. With the related stories and the menu kept (fragments): 1 and 4.
STORY_QUERIES = 5


class StoryQueryCountTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("Politics")
        cls.organization = make_organization("Land Alliance")

    def test_a_story_with_one_quote_or_thirty_costs_the_same(self):
        """
        The story page loads everything through prefetches, once, and keeps
        its parts: the number of quotes, people, photos or related stories
        does not change the count.
        """
        small = make_full_story(quotes=1, section=self.section, organization=self.organization)
        make_published_article(section=self.section, bylines=[make_person()])
        with self.assertNumQueries(STORY_QUERIES_FIRST):
            cold_get(self.client, small.get_absolute_url())
        with self.assertNumQueries(STORY_QUERIES):
            cold_get(self.client, small.get_absolute_url())
        large = make_full_story(
            quotes=30, people_named=10, section=self.section, organization=self.organization
        )
        for topic in [make_topic() for _ in range(5)]:
            large.topics.add(topic)
        for _ in range(5):
            make_published_article(section=self.section, bylines=[make_person(), make_person()])
        for party in [{"person": make_person()}, {"organization": make_organization()}] * 3:
            CommentRequest.objects.create(
                article=large,
                requested_at=large.published_at - datetime.timedelta(days=1),
                method=CommentRequest.Method.PHONE,
                outcome=CommentRequest.Outcome.NO_RESPONSE,
                **party,
            )
        with self.assertNumQueries(STORY_QUERIES_FIRST):
            cold_get(self.client, large.get_absolute_url())
        with self.assertNumQueries(STORY_QUERIES):
            response = cold_get(self.client, large.get_absolute_url())
        last_speaker = large.quotes.order_by("position").last().speaker
        self.assertContains(response, last_speaker.name)

    def test_a_cached_story_costs_no_query(self):
        """The second reader gets the stored page without touching the database."""
        story = make_full_story(section=self.section)
        self.client.get(story.get_absolute_url())
        with self.assertNumQueries(0):
            response = self.client.get(story.get_absolute_url())
        self.assertContains(response, story.headline)


class RightOfReplyTests(ReaderTestMixin, TestCase):
    """The story page reports unanswered requests for comment in the same words every time."""

    def test_story_says_who_did_not_respond_or_declined(self):
        story = make_full_story("Families evicted near the lake")
        asked = story.published_at - datetime.timedelta(days=2)
        for party, outcome in [
            ({"organization": make_organization("Ministry of Land Management")}, "no_response"),
            ({"person": make_person("Chan Dara")}, "declined"),
            ({"person": make_person("Keo Vanna")}, "answered"),
        ]:
            CommentRequest.objects.create(
                article=story,
                requested_at=asked,
                method=CommentRequest.Method.EMAIL,
                outcome=outcome,
                answer="We followed the law." if outcome == "answered" else "",
                **party,
            )
        response = self.client.get(story.get_absolute_url())
        self.assertContains(
            response,
            "Ministry of Land Management did not respond to a request for comment "
            "by the time of publication.",
            count=1,
        )
        self.assertContains(response, "Chan Dara declined to comment.", count=1)
        # An answer is reported by the story itself, not by a stock sentence.
        self.assertNotContains(response, "Keo Vanna did not respond")
        self.assertNotContains(response, "Keo Vanna declined")

    def test_no_section_without_requests(self):
        story = make_full_story("Rice prices steady")
        response = self.client.get(story.get_absolute_url())
        self.assertNotContains(response, "right-of-reply")


class TranslationLinkTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.english = make_published_article("Young voters feel unheard")
        cls.khmer = make_published_article(
            "យុវជនថា ពួកគេមិនត្រូវបានគេស្តាប់", language="km", translation_of=cls.english
        )
        cls.lonely = make_published_article("A story without translation")
        cls.draft_translation = make_article("សេចក្តីព្រាង", language="km", translation_of=cls.lonely)

    def test_translations_point_at_each_other_with_hreflang(self):
        """Each story names itself and its translation, each at its language's address."""
        with translation.override("km"):
            khmer_url = f"http://testserver{self.khmer.get_absolute_url()}"
        english_url = f"http://testserver{self.english.get_absolute_url()}"
        for story in (self.english, self.khmer):
            content = response_text(self.client.get(story.get_absolute_url()))
            self.assertIn(f'<link rel="alternate" hreflang="en" href="{english_url}">', content)
            self.assertIn(f'<link rel="alternate" hreflang="km" href="{khmer_url}">', content)
        self.assertContains(self.client.get(self.english.get_absolute_url()), "អានជាភាសាខ្មែរ")

    def test_an_unpublished_translation_is_not_announced(self):
        """hreflang never points at a draft."""
        response = self.client.get(self.lonely.get_absolute_url())
        self.assertNotContains(response, 'hreflang="km" href')
        self.assertNotContains(response, "សេចក្តីព្រាង")


class EscapingTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        person = make_person(f"Sokha {XSS}")
        photo = make_photograph(caption=f"Caption {XSS}", alt_text=f"Alt {XSS}", credit_agency=XSS)
        cls.story = make_published_article(
            f"Headline {XSS}", standfirst=f"Standfirst {XSS}", lead_photo=photo, bylines=[person]
        )
        make_quote(cls.story, speaker=person, text=f"Quote {XSS}", is_pull_quote=True)
        cls.story.people.add(person)

    def test_newsroom_text_is_escaped_everywhere_on_the_page(self):
        """Headline, caption, credit, alt, quote and names cannot inject markup."""
        content = response_text(self.client.get(self.story.get_absolute_url()))
        self.assertNotIn("<svg", content)
        self.assertNotIn("<script>alert", content)
        self.assertIn(html.escape(f"Headline {XSS}", quote=True), content)

    def test_json_ld_cannot_be_broken_out_of(self):
        """A headline holding </script> stays inside the JSON-LD, which still parses."""
        content = response_text(self.client.get(self.story.get_absolute_url()))
        block = content.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
        self.assertNotIn("<", block)
        [data] = json_ld(content)
        self.assertEqual(data["headline"], f"Headline {XSS}")


class PathologicalTextTests(ReaderTestMixin, TestCase):
    def test_a_megabyte_of_nested_tags_renders_in_under_a_second(self):
        """
        Teasers and descriptions are cut from plain text, never by parsing HTML,
        so a standfirst of nested unclosed tags costs no more than its length
        (CVE-2024-53907, CVE-2025-32873).
        """
        story = make_published_article(
            "Story with a pathological standfirst",
            standfirst="<div><b><i>&amp;" * 70_000,
            section=make_section("Land"),
        )
        for url in (story.get_absolute_url(), "/", reverse("reader:archive"), "/feeds/latest/"):
            with self.subTest(url):
                with cpu_seconds_under(self, 1):
                    response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, "<div><b><i>")


class HomePageTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.politics = make_section("Politics", position=1)
        cls.land = make_section("Land", position=2)
        cls.featured = make_published_article("Featured election story", is_featured=True)
        cls.latest = make_published_article("Latest land story", section=cls.land)
        cls.draft = make_article("Draft headline nobody may see", section=cls.politics)
        cls.speaker = make_person("Meas Sokha")
        make_quote(cls.latest, speaker=cls.speaker)
        make_quote(cls.draft, speaker=make_person("Draft Only Source"))

    def test_home_shows_featured_latest_sections_and_most_quoted(self):
        """Featured and latest stories, a block per section with stories, the most quoted."""
        response = self.client.get("/")
        self.assertContains(response, "Featured election story")
        self.assertContains(response, "Latest land story")
        self.assertContains(response, reverse("reader:section_detail", args=["land"]))
        self.assertContains(response, "Meas Sokha")
        self.assertContains(response, "Most quoted this month")

    def test_home_never_shows_drafts_their_sections_or_their_sources(self):
        """A draft's headline, its section's block and its speakers stay hidden."""
        response = self.client.get("/")
        self.assertNotContains(response, "Draft headline")
        self.assertNotContains(response, "Draft Only Source")
        self.assertNotContains(response, reverse("reader:section_detail", args=["politics"]))

    def test_home_in_khmer(self):
        """/km/ answers with the Khmer site language."""
        response = self.client.get("/km/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<html lang="km">')

    def test_website_json_ld_offers_the_search(self):
        """The home page describes the site and its search box."""
        [data] = json_ld(self.client.get("/").content)
        self.assertEqual(data["@type"], "WebSite")
        self.assertIn("/search/?q=", data["potentialAction"]["target"])


# Home: featured, latest, section blocks (each with bylines), most quoted, the
# section menu, the next scheduled publication.
HOME_QUERIES = 9


class HomeQueryCountTests(ReaderTestMixin, TestCase):
    def test_home_costs_the_same_with_one_section_or_many(self):
        """One windowed query serves every section's block, however many there are."""
        make_published_article(section=make_section(), bylines=[make_person()], is_featured=True)
        make_quote(make_published_article(), speaker=make_person())
        with self.assertNumQueries(HOME_QUERIES):
            cold_get(self.client, "/")
        for _ in range(8):
            section = make_section()
            for _ in range(5):
                story = make_published_article(
                    section=section, bylines=[make_person(), make_person()], is_featured=True
                )
                make_quote(story, speaker=make_person())
        cache.clear()
        with self.assertNumQueries(HOME_QUERIES):
            cold_get(self.client, "/")


class PageCacheTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = make_published_article("First story on the front page")
        cls.editor = make_user("editor-cache", role="Editors")

    def test_home_is_served_from_the_cache(self):
        """A second anonymous visit costs no query."""
        self.client.get("/")
        with self.assertNumQueries(0):
            self.client.get("/")

    def test_a_new_story_appears_at_once(self):
        """Saving content starts a new cache version: no reader sees a stale front page."""
        self.client.get("/")
        make_published_article("Breaking news just published")
        self.assertContains(self.client.get("/"), "Breaking news just published")

    def test_a_story_taken_down_disappears_at_once(self):
        """Unpublishing answers 404 on the next request and leaves the front page (takedown)."""
        url = self.story.get_absolute_url()
        self.client.get(url)
        self.client.get("/")
        story = Article.objects.get(pk=self.story.pk)
        story.status = Article.Status.UNPUBLISHED
        story.save()
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertNotContains(self.client.get("/"), "First story on the front page")

    def test_cards_follow_a_change_to_what_they_show(self):
        """A story card is cached too; renaming its author changes it on the next page."""
        author = make_person("Vann Piseth")
        make_published_article("Story with a byline", bylines=[author])
        self.assertContains(self.client.get("/"), "Vann Piseth")
        author.name = "Vann Piseth Junior"
        author.save()
        self.assertContains(self.client.get(reverse("reader:archive")), "Vann Piseth Junior")
        self.assertContains(self.client.get("/"), "Vann Piseth Junior")

    def test_query_strings_share_the_cached_page_and_never_show_on_it(self):
        """
        "?utm_source=…" gets the page cached for the bare address, with no query
        string in it, and made-up query strings cannot fill the cache with copies.
        """
        make_published_article("Story for the front page")
        bare = self.client.get("/")
        for number in range(3):
            with self.assertNumQueries(0):
                tagged = self.client.get("/", {"utm_source": f"<b>zqmark{number}</b>", "x": number})
            self.assertEqual(tagged.content, bare.content)
            self.assertNotContains(tagged, "utm_source")
            self.assertNotContains(tagged, "zqmark")

    def test_a_scheduled_story_appears_at_its_publish_time(self):
        """Nothing is saved when an embargo ends; the cached page expires then anyway."""
        go_live = timezone.now() + datetime.timedelta(minutes=2)
        make_published_article("Embargoed report", published_at=go_live)
        with time_machine.travel(go_live - datetime.timedelta(seconds=1), tick=False):
            self.assertNotContains(self.client.get("/"), "Embargoed report")
        with time_machine.travel(go_live, tick=False):
            self.assertContains(self.client.get("/"), "Embargoed report")

    def test_signed_in_editors_and_anonymous_readers_get_the_same_page(self):
        """
        Public pages do not vary with the user: an editor's visit caches nothing
        an anonymous reader should not see, and neither response reads the session.
        """
        sign_in(self.client, self.editor)
        editor_response = self.client.get(self.story.get_absolute_url())
        self.client.logout()
        for cookies in ({}, {"_ga": "1"}):
            self.client.cookies.clear()
            for name, value in cookies.items():
                self.client.cookies[name] = value
            response = self.client.get(self.story.get_absolute_url())
            self.assertEqual(response.content, editor_response.content)
            self.assertNotIn("Cookie", response.get("Vary", ""))

    def test_a_cached_page_carries_no_nonce_to_replay(self):
        """
        Public pages need no inline script, so neither the stored page nor its
        policy holds a nonce: two responses can never share one.
        """
        for response in (self.client.get("/"), self.client.get("/")):
            self.assertIn("script-src 'self'", response["Content-Security-Policy"])
            self.assertNotIn("nonce", response["Content-Security-Policy"])
            self.assertNotContains(response, "nonce")


class SectionAndTopicTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.land = make_section("Land")
        cls.hidden = make_section("Hidden section")
        cls.topic = make_topic("Rubber")
        cls.hidden_topic = make_topic("Draft topic")
        cls.story = make_published_article("Rubber plantation expands", section=cls.land)
        cls.story.topics.add(cls.topic)
        draft = make_article("Draft rubber story", section=cls.hidden)
        draft.topics.add(cls.hidden_topic, cls.topic)
        make_article("Draft in land section", section=cls.land)

    def test_section_lists_its_published_stories(self):
        response = self.client.get(reverse("reader:section_detail", args=["land"]))
        self.assertContains(response, "Rubber plantation expands")
        self.assertNotContains(response, "Draft in land section")

    def test_topic_lists_its_published_stories(self):
        response = self.client.get(reverse("reader:topic_detail", args=["rubber"]))
        self.assertContains(response, "Rubber plantation expands")
        self.assertNotContains(response, "Draft rubber story")

    def test_sections_and_topics_of_drafts_only_answer_404(self):
        """A section or topic that only drafts use is not revealed."""
        for url in (
            reverse("reader:section_detail", args=["hidden-section"]),
            reverse("reader:topic_detail", args=["draft-topic"]),
            reverse("reader:section_detail", args=["nothing"]),
        ):
            with self.subTest(url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_listing_pages_cost_the_same_for_one_story_or_forty(self):
        """
        Section and topic pages: section or topic, count, page, bylines, menu,
        and how long the page may be kept (the next scheduled story).
        """
        urls = [
            reverse("reader:section_detail", args=["land"]),
            reverse("reader:topic_detail", args=["rubber"]),
        ]
        for url in urls:
            with self.subTest(url), self.assertNumQueries(6):
                cold_get(self.client, url)
        for _ in range(40):
            story = make_published_article(section=self.land, bylines=[make_person()])
            story.topics.add(self.topic)
        for url in urls:
            with self.subTest(url), self.assertNumQueries(6):
                cold_get(self.client, url)

    def test_page_numbers_out_of_range_or_absurd_give_a_page(self):
        """?page=999 or ?page=1e1000000 shows a page, never an error."""
        url = reverse("reader:section_detail", args=["land"])
        for page in ("999", "1e1000000", "-1", "abc"):
            with self.subTest(page):
                self.assertEqual(self.client.get(url, {"page": page}).status_code, 200)


class ErrorPageTests(TestCase):
    def test_404_page_is_in_the_site_style_and_echoes_nothing(self):
        """The 404 page uses the site's layout and does not repeat the address asked for."""
        response = self.client.get("/articles/2024/01/%3Cscript%3Ealert(1)%3C%2Fscript%3E/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Page not found", status_code=404)
        self.assertContains(response, 'class="masthead"', status_code=404)
        self.assertNotContains(response, "alert(1)", status_code=404)

    def test_500_page_renders_without_a_request_or_database(self):
        """The 500 page can be shown when nothing else works."""
        from django.template import loader

        with self.assertNumQueries(0):
            content = loader.get_template("500.html").render()
        self.assertIn("Something went wrong", content)
        self.assertIn('class="masthead"', content)


def response_text(response):
    return response.content.decode()
