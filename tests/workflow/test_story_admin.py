"""
The workspace holds a whole story without loss.

The forms are posted as a browser would post them: every field is read from
the page the admin renders (management forms, inline prefixes, hidden
initial values), and new inline rows are made from the admin's empty-form
template, as its "Add another" link does.
"""

import datetime
import re
import zoneinfo
from unittest import mock

from django.contrib.auth.models import Permission
from django.test import TestCase
from django.urls import reverse

from articles.models import Article, Byline, Correction
from media.models import Photograph
from quotes import attribution
from quotes.models import Quote
from tests.support.factories import (
    make_article,
    make_journalist,
    make_organization,
    make_person,
    make_photograph,
    make_published_article,
    make_quote,
    make_ready_article,
    make_section,
    make_topic,
    make_user,
    place_photo,
)
from tests.support.forms import fill_rows, read_form
from tests.support.staff import sign_in
from workflow import services
from workflow.admin.stories import ArticleAdmin

PHNOM_PENH = zoneinfo.ZoneInfo("Asia/Phnom_Penh")


def crlf(text):
    return text.replace("\n", "\r\n")


def snapshot(article):
    """Everything the database holds about ``article``, for exact comparison."""
    return {
        "article": Article.objects.filter(pk=article.pk).values().get(),
        "bylines": list(Byline.objects.filter(article=article).values()),
        "placed_photos": list(article.placed_photos.values()),
        "quotes": list(Quote.objects.filter(article=article).values()),
        "corrections": list(Correction.objects.filter(article=article).values()),
        "topics": sorted(article.topics.values_list("pk", flat=True)),
        "people": sorted(article.people.values_list("pk", flat=True)),
        "organizations": sorted(article.organizations.values_list("pk", flat=True)),
        "photographs": list(Photograph.objects.order_by("pk").values()),
    }


BODY = """Rights groups on Thursday urged the Kandal provincial court to give
seven land activists a fair hearing, a day after police detained them outside
the court.

[photo 1]

“We are not criminals,” said Ny Sokha, one of the activists’ relatives.

## A long dispute

The families say a company took 40 hectares of their farmland in 2019.

[photo 2]

Pa Chanroeun, president of the Cambodian Institute for Democracy, said the
case was a test of the courts.

[photo 3]

“យើងនឹងមិនបោះបង់ដីរបស់យើងទេ,” Sokha said in Khmer."""

SPEAKERS = [
    ("Ny Sokha", "Sokha", "a relative of one of the detained activists"),
    ("Pa Chanroeun", "Chanroeun", "president of the Cambodian Institute for Democracy"),
    ("Am Sam Ath", "Sam Ath", "operations director at the rights group Licadho"),
    ("Soeung Saroeun", "Saroeun", "executive director of the Cooperation Committee for Cambodia"),
    ("Ny Malin", "Malin", "a farmer from Kandal province"),
]

QUOTE_TEXTS = [
    "We are not criminals",
    "They call it ‘development’, but we lose everything we have",
    "យើងនឹងមិនបោះបង់ដីរបស់យើងទេ",
    "This case is a test of whether the courts can be trusted",
    "If the court is independent, it will release them",
    "Nobody should be detained for asking for their land back",
    "We’ve documented 12 similar cases in Kandal since 2019",
    "The authorities must stop using the courts against communities",
    "ការឃុំខ្លួនសកម្មជនដីធ្លីគឺជាការគំរាមកំហែង",
    "Civil society’s space is shrinking, year after year",
    "Dialogue, not detention, is the answer",
    "We have asked the ministry for a meeting — twice",
    "My rice fields were flattened in one night",
    "My children ask me when we will go home",
    "“Wait,” they told us. We have waited five years",
]


class StoryAdminTests(TestCase):
    """An editor files a whole story in the workspace, and nothing is lost."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("chief", is_superuser=True)
        cls.writer = make_person("Sok Chan")
        cls.photographer = make_person("Keo Dara")
        cls.speakers = [
            make_person(name, short_name=short_name) for name, short_name, _role in SPEAKERS
        ]
        cls.photos = [
            make_photograph(
                caption=caption,
                alt_text=alt_text,
                credit_agency="CamboJA",
                photographer=cls.photographer,
                date_taken=datetime.date(2021, 7, 7),
                place="Phnom Penh",
            )
            for caption, alt_text in [
                (
                    "Ny Sokha speaks during an interview in Phnom Penh, July 7, 2021.",
                    "A woman in a red scarf speaks in front of a wall of photographs.",
                ),
                (
                    "Relatives of detained activists wait outside the Kandal provincial "
                    "court, July 7, 2021.",
                    "About twenty people sit in the shade of a tree by a gate.",
                ),
                (
                    "Pa Chanroeun, president of the Cambodian Institute for Democracy, in "
                    "Phnom Penh, July 7, 2021.",
                    "A man in glasses sits at a desk covered with papers.",
                ),
            ]
        ]
        cls.section = make_section("Human rights")
        cls.topic = make_topic("Land rights")
        cls.organization = make_organization("Cambodian Institute for Democracy", acronym="CID")

    def setUp(self):
        sign_in(self.client, self.editor)

    def assertSaved(self, response):
        """Fail with the form's errors unless the admin saved and redirected."""
        if response.status_code != 302:
            errors = [response.context["adminform"].form.errors] + [
                (inline.formset.errors, inline.formset.non_form_errors())
                for inline in response.context["inline_admin_formsets"]
            ]
            self.fail(f"The story was not saved: {errors}")

    def quote_rows(self):
        """Fifteen quotes from five people, then one anonymous source, in story order."""
        rows = []
        for index, text in enumerate(QUOTE_TEXTS):
            speaker = self.speakers[index % len(self.speakers)]
            first_reference = index < len(self.speakers)
            rows.append(
                {
                    # Every fourth number is left for the admin to fill in.
                    "position": "" if index % 4 == 1 else index + 1,
                    "paragraph": index + 2,
                    "date_said": "2021-07-07" if index % 2 else "",
                    "text": text,
                    "speaker": speaker.pk,
                    "anonymous_description": "",
                    "speaker_role": SPEAKERS[index % len(SPEAKERS)][2] if first_reference else "",
                    "is_pull_quote": index == 0,
                    "is_confirmed": index % 3 == 0,
                }
            )
        rows.append(
            {
                "position": "",
                "paragraph": "",
                "date_said": "",
                "text": "The company has friends in high places",
                "speaker": "",
                "anonymous_description": (
                    "a provincial official who asked not to be named because he was "
                    "not authorized to speak to the media"
                ),
                "speaker_role": "",
                "is_pull_quote": False,
                "is_confirmed": False,
            }
        )
        return rows

    def story_form(self):
        response = self.client.get(reverse("admin:articles_article_add"))
        self.assertEqual(response.status_code, 200)
        prefixes = {
            inline.formset.model: inline.formset.prefix
            for inline in response.context["inline_admin_formsets"]
        }
        data = read_form(response, "article_form")
        data.update(
            {
                "headline": ["Rights groups urge a “fair hearing” for Kandal land activists"],
                "slug": ["rights-groups-urge-fair-hearing-for-kandal-land-activists"],
                "standfirst": [
                    crlf("Seven villagers were detained after a protest.\nTheir families wait.")
                ],
                "dateline": ["Phnom Penh"],
                "body": [crlf(BODY)],
                "lead_photo": [str(self.photos[0].pk)],
                "section": [str(self.section.pk)],
                "topics": [str(self.topic.pk)],
                "language": ["en"],
                "people": [str(person.pk) for person in self.speakers],
                "organizations": [str(self.organization.pk)],
                "is_featured": ["on"],
                "_save": ["Save"],
            }
        )
        fill_rows(
            data,
            prefixes[Byline],
            [
                {"person": self.writer.pk, "role": "writer", "position": 1},
                {"person": self.photographer.pk, "role": "photographer", "position": 2},
            ],
        )
        fill_rows(
            data,
            prefixes[Article.placed_photos.rel.related_model],
            [
                {"position": "", "photograph": self.photos[0].pk},
                {"position": 2, "photograph": self.photos[1].pk},
                {"position": "", "photograph": self.photos[2].pk},
            ],
        )
        fill_rows(data, prefixes[Quote], self.quote_rows())
        return data

    def post_story(self):
        response = self.client.post(reverse("admin:articles_article_add"), self.story_form())
        self.assertSaved(response)
        return Article.objects.get()

    def test_story_fields_round_trip(self):
        """Headline, slug, standfirst, dateline, body and filing are stored as typed."""
        article = self.post_story()
        self.assertEqual(
            article.headline, "Rights groups urge a “fair hearing” for Kandal land activists"
        )
        self.assertEqual(article.slug, "rights-groups-urge-fair-hearing-for-kandal-land-activists")
        self.assertEqual(
            article.standfirst,
            crlf("Seven villagers were detained after a protest.\nTheir families wait."),
        )
        self.assertEqual(article.dateline, "Phnom Penh")
        # The browser posts CRLF line endings; the body is stored with plain newlines.
        self.assertEqual(article.body, BODY)
        self.assertIn("<h2>A long dispute</h2>", article.body_html)
        self.assertIn("យើងនឹងមិនបោះបង់ដីរបស់យើងទេ", article.body_html)
        self.assertEqual(article.lead_photo, self.photos[0])
        self.assertEqual(article.section, self.section)
        self.assertQuerySetEqual(article.topics.all(), [self.topic])
        self.assertQuerySetEqual(article.people.all(), self.speakers, ordered=False)
        self.assertQuerySetEqual(article.organizations.all(), [self.organization])
        self.assertEqual(article.language, "en")
        # A new story is a draft: publishing is a workflow step (tests/articles/test_workflow.py).
        self.assertEqual(article.status, "draft")
        self.assertIsNone(article.published_at)
        self.assertTrue(article.is_featured)
        self.assertEqual(article.version, 1)

    def test_bylines_round_trip(self):
        """Both bylines are kept, in order, with their roles."""
        article = self.post_story()
        self.assertEqual(
            [(byline.person, byline.role) for byline in article.bylines.all()],
            [(self.writer, "writer"), (self.photographer, "photographer")],
        )

    def test_photos_placed_and_numbered(self):
        """The three photos keep their order; empty numbers are filled in form order."""
        article = self.post_story()
        self.assertEqual(
            [(placed.position, placed.photograph) for placed in article.placed_photos.all()],
            [(1, self.photos[0]), (2, self.photos[1]), (3, self.photos[2])],
        )
        blocks = article.body_blocks()
        self.assertEqual(
            [value.photograph for kind, value in blocks if kind == "photo"], self.photos
        )
        for photo in self.photos:
            photo.refresh_from_db()
            self.assertEqual(photo.credit, "CamboJA/ Keo Dara")
        self.assertEqual(
            self.photos[0].caption,
            "Ny Sokha speaks during an interview in Phnom Penh, July 7, 2021.",
        )

    def test_quotes_round_trip(self):
        """Every quote keeps its words, speaker, role, number and flags exactly."""
        article = self.post_story()
        stored = list(article.quotes.all())
        self.assertEqual(len(stored), 16)
        expected_rows = self.quote_rows()
        for index, (quote, row) in enumerate(zip(stored, expected_rows, strict=True)):
            with self.subTest(quote=index + 1):
                self.assertEqual(quote.position, index + 1)
                self.assertEqual(quote.text, row["text"])
                self.assertEqual(quote.speaker_id, row["speaker"] or None)
                self.assertEqual(quote.anonymous_description, row["anonymous_description"])
                self.assertEqual(quote.speaker_role, row["speaker_role"])
                self.assertEqual(quote.paragraph, row["paragraph"] or None)
                self.assertEqual(
                    quote.date_said, datetime.date(2021, 7, 7) if row["date_said"] else None
                )
                self.assertEqual(quote.is_pull_quote, row["is_pull_quote"])
                self.assertEqual(quote.is_confirmed, row["is_confirmed"])
        self.assertEqual([quote.speaker for quote in stored[:15]].count(self.speakers[0]), 3)
        self.assertEqual(
            stored[1].text, "They call it ‘development’, but we lose everything we have"
        )
        self.assertEqual(stored[2].text, "យើងនឹងមិនបោះបង់ដីរបស់យើងទេ")
        self.assertEqual(stored[14].text, "“Wait,” they told us. We have waited five years")
        anonymous = stored[15]
        self.assertIsNone(anonymous.speaker)
        self.assertTrue(anonymous.attribution.startswith("a provincial official"))

    def test_correction_round_trip(self):
        """A correction added to the published story keeps its text and time, and who issued it."""
        article = self.post_story()
        services.submit_for_review(article=article, user=self.editor)
        services.publish(article=article, editor=self.editor)
        change_url = reverse("admin:articles_article_change", args=[article.pk])
        response = self.client.get(change_url)
        prefixes = {
            inline.formset.model: inline.formset.prefix
            for inline in response.context["inline_admin_formsets"]
        }
        data = read_form(response, "article_form")
        fill_rows(
            data,
            prefixes[Correction],
            [
                {
                    "kind": "correction",
                    "published_at_0": "2021-07-09",
                    "published_at_1": "10:00:00",
                    "text": "An earlier version of this story misspelt Ny Sokha’s name.",
                }
            ],
        )
        data["_save"] = ["Save"]
        self.assertSaved(self.client.post(change_url, data))
        correction = article.corrections.get()
        self.assertEqual(correction.kind, "correction")
        self.assertEqual(
            correction.text, "An earlier version of this story misspelt Ny Sokha’s name."
        )
        self.assertEqual(
            correction.published_at, datetime.datetime(2021, 7, 9, 10, 0, tzinfo=PHNOM_PENH)
        )
        self.assertEqual(correction.created_by, self.editor)

    def test_unchanged_resave_changes_nothing(self):
        """Saving the change form untouched changes nothing but the version and update time."""
        article = self.post_story()
        before = snapshot(article)
        change_url = reverse("admin:articles_article_change", args=[article.pk])
        response = self.client.get(change_url)
        self.assertEqual(response.status_code, 200)
        data = read_form(response, "article_form")
        data["_save"] = ["Save"]
        response = self.client.post(change_url, data)
        self.assertSaved(response)
        after = snapshot(article)
        self.assertEqual(after["article"]["version"], before["article"]["version"] + 1)
        self.assertGreater(after["article"]["updated_at"], before["article"]["updated_at"])
        for state in (before, after):
            del state["article"]["version"], state["article"]["updated_at"]
        self.assertEqual(after, before)

    def test_khmer_story_keeps_khmer_slug(self):
        """A Khmer story filed in the workspace keeps its Khmer headline and slug."""
        data = self.story_form()
        data.update(
            {
                "headline": ["សកម្មជនដីធ្លីប្រាំពីរនាក់ត្រូវបានឃុំខ្លួន"],
                "slug": ["សកម្មជនដីធ្លី-ប្រាំពីរនាក់"],
                "language": ["km"],
            }
        )
        self.assertSaved(self.client.post(reverse("admin:articles_article_add"), data))
        article = Article.objects.get()
        self.assertEqual(article.headline, "សកម្មជនដីធ្លីប្រាំពីរនាក់ត្រូវបានឃុំខ្លួន")
        self.assertEqual(article.slug, "សកម្មជនដីធ្លី-ប្រាំពីរនាក់")

    def test_duplicate_slug_in_month_shown_on_form(self):
        """A slug another story uses that month is refused on the form, and nothing is saved."""
        make_article(
            "Another story", slug="rights-groups-urge-fair-hearing-for-kandal-land-activists"
        )
        response = self.client.post(reverse("admin:articles_article_add"), self.story_form())
        self.assertEqual(response.status_code, 200)
        self.assertIn("slug", response.context["adminform"].form.errors)
        self.assertEqual(Article.objects.count(), 1)
        self.assertFalse(Quote.objects.exists())


class JournalistPublishingTests(TestCase):
    """Publishing is an editor's decision: a journalist's form cannot post it."""

    @classmethod
    def setUpTestData(cls):
        cls.user = make_user("reporter", role="Journalists")
        cls.reporter = make_person("Sok Chan", user=cls.user)
        cls.article = make_article("Court hears land case", bylines=[cls.reporter])

    def setUp(self):
        sign_in(self.client, self.user)

    def test_journalist_cannot_publish(self):
        """The journalists' group has no permission to publish."""
        self.assertFalse(self.user.has_perm("articles.publish_article"))
        self.assertTrue(
            Permission.objects.filter(codename="publish_article", group__name="Editors").exists()
        )

    def test_status_posted_in_change_form_ignored(self):
        """A journalist posting status=published saves the story but leaves it a draft."""
        change_url = reverse("admin:articles_article_change", args=[self.article.pk])
        response = self.client.get(change_url)
        self.assertEqual(response.status_code, 200)
        data = read_form(response, "article_form")
        self.assertNotIn("status", data)
        data.update(
            {
                "headline": ["Court hears land case, day two"],
                "status": ["published"],
                "published_at_0": ["2021-07-08"],
                "published_at_1": ["09:30:00"],
                "is_featured": ["on"],
                "_save": ["Save"],
            }
        )
        response = self.client.post(change_url, data)
        self.assertEqual(response.status_code, 302)
        self.article.refresh_from_db()
        self.assertEqual(self.article.headline, "Court hears land case, day two")
        self.assertEqual(self.article.status, "draft")
        self.assertIsNone(self.article.published_at)
        self.assertFalse(self.article.is_featured)
        self.assertFalse(Article.objects.published().exists())

    def test_status_posted_in_add_form_ignored(self):
        """A journalist's new story is a draft, whatever the form posts."""
        response = self.client.get(reverse("admin:articles_article_add"))
        data = read_form(response, "article_form")
        data.update(
            {
                "headline": ["Villagers petition the governor"],
                "body": ["Villagers petitioned the governor on Monday."],
                "status": ["published"],
                "published_at_0": ["2021-07-08"],
                "published_at_1": ["09:30:00"],
                "_save": ["Save"],
            }
        )
        response = self.client.post(reverse("admin:articles_article_add"), data)
        self.assertEqual(response.status_code, 302)
        article = Article.objects.get(headline="Villagers petition the governor")
        self.assertEqual(article.status, "draft")
        self.assertIsNone(article.published_at)


class QuoteAdminTests(TestCase):
    """A quote filed on its own page is numbered like one filed in the story."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("chief", is_superuser=True)
        cls.speaker = make_person("Pa Chanroeun")
        cls.article = make_article("Court hears land case")
        Quote.objects.create(
            article=cls.article, text="First words", speaker=cls.speaker, position=1
        )

    def test_quote_without_number_gets_next_free_number(self):
        """A quote added without a number gets the story's next free number."""
        sign_in(self.client, self.editor)
        add_url = reverse("admin:quotes_quote_add")
        data = read_form(self.client.get(add_url), "quote_form")
        data.update(
            {
                "article": [str(self.article.pk)],
                "text": ["Second words"],
                "speaker": [str(self.speaker.pk)],
                "position": [""],
                "_save": ["Save"],
            }
        )
        response = self.client.post(add_url, data)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            list(self.article.quotes.values_list("text", "position")),
            [("First words", 1), ("Second words", 2)],
        )


class StoryListYearsTests(TestCase):
    """The story list's date hierarchy: the years that hold stories, found through the index."""

    def setUp(self):
        sign_in(self.client, make_user(role="Editors"))
        self.url = reverse("admin:articles_article_changelist")
        zone = zoneinfo.ZoneInfo("Asia/Phnom_Penh")
        # 00:30 on 1 January in Phnom Penh is still the old year in UTC.
        for moment, headline in (
            (datetime.datetime(2019, 5, 1, 12, 0, tzinfo=zone), "Flood story"),
            (datetime.datetime(2024, 1, 1, 0, 30, tzinfo=zone), "New year story"),
            (datetime.datetime(2024, 6, 1, 12, 0, tzinfo=zone), "Court story"),
        ):
            make_published_article(headline, published_at=moment)
        make_article("Draft without a date")

    def test_only_years_with_stories_are_listed_in_phnom_penh_time(self):
        response = self.client.get(self.url)
        self.assertEqual(self.years_listed(response), ["2019", "2024"])

    def test_a_search_lists_the_years_of_what_it_found(self):
        response = self.client.get(self.url, {"q": "court"})
        found = [story.headline for story in response.context["cl"].result_list]
        self.assertEqual(found, ["Court story"])
        # One year only: the hierarchy opens on its months.
        self.assertEqual(self.years_listed(response), [])
        self.assertContains(response, "published_at__year=2024")
        self.assertNotContains(response, "published_at__year=2019")

    def test_choosing_a_year_lists_its_months(self):
        response = self.client.get(self.url, {"published_at__year": "2024"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            sorted(story.headline for story in response.context["cl"].result_list),
            ["Court story", "New year story"],
        )

    def years_listed(self, response):
        html = response.content.decode()
        return re.findall(r'<a href="\?published_at__year=(\d{4})"', html)


class StoryPagesQueryTests(TestCase):
    """What a journalist's story pages ask the database, pinned."""

    @classmethod
    def setUpTestData(cls):
        cls.journalist = make_journalist("reporter", name="Sok Chan")
        cls.article = make_ready_article(
            "Court hears land case", bylines=[cls.journalist.person], body="One.\n\nTwo."
        )
        place_photo(cls.article, make_photograph())
        make_quote(cls.article, speaker=make_person("Ny Sokha"), text="We want our land back")

    def setUp(self):
        sign_in(self.client, self.journalist)

    def test_journalists_story_form_query_count(self):
        """
        Whether she has a byline on the story is asked once however many
        inlines and moves ask it, and her person record once (it was 81
        queries, 42 of them the byline question). The body's preview adds
        two: the photos and the quotes at their markers, whatever their number;
        the staff session check one, the second factor that verified the
        session one; whether the story is covered live one.
        """
        url = reverse("admin:articles_article_change", args=[self.article.pk])
        self.client.get(url)
        with self.assertNumQueries(38):
            response = self.client.get(url)
        self.assertContains(response, 'id="workflow"')
        self.assertEqual(response.context["workflow"]["moves"], ["submit"])

    def test_find_quotes_leaves_stories_she_cannot_change_now(self):
        """Her draft gets its quotes; her story in review is left alone, and she is told."""
        body = "“We will not leave,” said Ny Sokha, a farmer."
        draft = make_article("Her draft", bylines=[self.journalist.person], body=body)
        in_review = make_article(
            "In review", bylines=[self.journalist.person], body=body, status="in_review"
        )
        response = self.client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "find_quotes", "_selected_action": [draft.pk, in_review.pk]},
            follow=True,
        )
        self.assertContains(response, "Quotes found in 1 story: 1.")
        self.assertContains(response, "1 story was left alone: you cannot change it now.")
        self.assertTrue(draft.quotes.exists())
        self.assertFalse(in_review.quotes.exists())

    def test_find_quotes_never_fails_the_page(self):
        """
        A story the finder trips on still gets its quotes, unattributed, and
        the journalist is told; the other stories are attributed as usual.
        The finder is made to fail on one story: no known text makes it fail.
        """
        failing = make_article("Fire", bylines=[self.journalist.person], body="“Gone,” she said.")
        working = make_article(
            "Farm", bylines=[self.journalist.person], body="“We stay,” said Ny Sokha, a farmer."
        )
        analyze = attribution.analyze

        def analyze_failing_on_fire(paragraphs, directory=None):
            if paragraphs == ["“Gone,” she said."]:
                raise AttributeError("a rule the finder has not met")
            return analyze(paragraphs, directory)

        with (
            mock.patch("quotes.attribution.analyze", analyze_failing_on_fire),
            self.assertLogs("quotes.services", "ERROR"),
        ):
            response = self.client.post(
                reverse("admin:articles_article_changelist"),
                {"action": "find_quotes", "_selected_action": [failing.pk, working.pk]},
                follow=True,
            )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Quotes found in 2 stories: 2.")
        self.assertContains(response, "Fire: The quote finder could not attribute")
        [unattributed] = failing.quotes.all()
        self.assertIsNone(unattributed.speaker)
        self.assertIn("Say who said each", unattributed.attribution_note)
        self.assertEqual(working.quotes.get().speaker.name, "Ny Sokha")

    def test_story_list_counts_and_sorts_by_quotes(self):
        """The list's own columns (quotes, bylines) are the list's: sortable, shown."""
        other = make_article("Quiet story", bylines=[self.journalist.person])
        for number in range(2):
            make_quote(other, text=f"Words {number}")
        quotes_column = ArticleAdmin.list_display.index("quote_count")
        response = self.client.get(
            reverse("admin:articles_article_changelist"), {"o": f"-{quotes_column}"}
        )
        rows = response.context["cl"].result_list
        self.assertEqual([story.pk for story in rows], [other.pk, self.article.pk])
        self.assertEqual([story.quote_count for story in rows], [2, 1])
        self.assertContains(response, '<td class="field-byline_names">Sok Chan</td>', count=2)


def nested_list(depth):
    """A bulleted list nesting ``depth`` levels, each level indented four more spaces."""
    return "\n".join(f"{'    ' * level}- level {level + 1}" for level in range(depth))


class DeepNestingAdminTests(TestCase):
    """A body nesting lists deeper than any story needs is refused on the form."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("chief", is_superuser=True)
        cls.article = make_article("Court hears land case")

    def setUp(self):
        sign_in(self.client, self.editor)

    def test_too_deep_body_is_refused_with_a_form_error(self):
        """A 250-level list answers the form with the error, and the story is unchanged."""
        before = Article.objects.filter(pk=self.article.pk).values().get()
        change_url = reverse("admin:articles_article_change", args=[self.article.pk])
        data = read_form(self.client.get(change_url), "article_form")
        self.assertIn("base_version", data)
        data["body"] = [crlf(nested_list(250))]
        data["_save"] = ["Save"]
        response = self.client.post(change_url, data)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.context["adminform"].form.errors["body"],
            [
                "The body nests lists or block quotes 250 levels deep; at most 10 are "
                "allowed. Flatten the list or quote."
            ],
        )
        self.assertContains(response, "250 levels deep; at most 10 are allowed.")
        self.assertEqual(Article.objects.filter(pk=self.article.pk).values().get(), before)

    def test_ten_levels_are_saved(self):
        """A list at the bound saves and renders every level."""
        change_url = reverse("admin:articles_article_change", args=[self.article.pk])
        data = read_form(self.client.get(change_url), "article_form")
        data["body"] = [crlf(nested_list(10))]
        data["_save"] = ["Save"]
        self.assertEqual(self.client.post(change_url, data).status_code, 302)
        self.article.refresh_from_db()
        self.assertEqual(self.article.body, nested_list(10))
        self.assertEqual(self.article.body_html.count("<ul>"), 10)


class ReturnNoteTests(TestCase):
    """The editor's latest return note heads the story form until the story is submitted again."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors")
        cls.journalist = make_journalist("reporter", name="Sok Chan")
        cls.article = make_ready_article(bylines=[cls.journalist.person])
        cls.url = reverse("admin:articles_article_change", args=[cls.article.pk])

    def setUp(self):
        sign_in(self.client, self.journalist)

    def return_with(self, note):
        services.submit_for_review(article=self.article, user=self.journalist)
        services.return_to_draft(article=self.article, editor=self.editor, note=note)

    def return_note(self):
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        return response.context["workflow"]["return_note"], response

    def test_no_note_before_a_return(self):
        note, response = self.return_note()
        self.assertIsNone(note)
        self.assertNotContains(response, 'id="return-note"')

    def test_latest_note_first_then_gone_once_submitted(self):
        self.return_with("Name the <b>judge</b>.")
        self.return_with("Add the court's reply.")
        note, response = self.return_note()
        self.assertEqual(note["step"].note, "Add the court's reply.")
        html = response.content.decode()
        # Before the form, the workflow box and the first field.
        self.assertLess(html.index('id="return-note"'), html.index('id="workflow"'))
        self.assertLess(html.index('id="return-note"'), html.index('id="article_form"'))
        self.assertEqual(html.count("Add the court&#x27;s reply."), 2)  # the note, the timeline
        # Submitted again, the note is gone from the top (it stays in the timeline).
        self.article.refresh_from_db()
        services.submit_for_review(article=self.article, user=self.journalist)
        note, response = self.return_note()
        self.assertIsNone(note)
        self.assertNotContains(response, 'id="return-note"')

    def test_note_is_escaped(self):
        self.return_with("Name the <b>judge</b>.")
        _note, response = self.return_note()
        self.assertContains(response, "Name the &lt;b&gt;judge&lt;/b&gt;.", count=2)
        self.assertNotContains(response, "<b>judge</b>")
