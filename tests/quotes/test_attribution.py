"""
Quote attribution over the synthetic stories in tests/fixtures/stories.

Each story is imported once, as ``import_article`` would, and each pattern
of the issue is asserted on the Quote rows it leaves. The answer key
(answers.json) gives the speaker of every quote, for precision and recall.
"""

import io

from django.core.management import call_command
from django.test import SimpleTestCase, TestCase

from articles.models import Article
from importing.services import import_story
from people.models import Affiliation, Organization, Person
from quotes import attribution
from quotes.models import Quote
from quotes.services import attribute_quotes, plain_text
from tests.support.factories import make_article, make_organization, make_person, make_quote
from tests.support.stories import (
    ANSWERS,
    HELD_OUT_ANSWERS,
    make_known_people,
    score,
    story_path,
)


def import_fixture(name):
    path = story_path(name)
    result = import_story(data=path.read_bytes(), name=path.name)
    assert result.ok, result.error
    return result.article


class FixtureStoriesMixin:
    @classmethod
    def setUpTestData(cls):
        cls.known = make_known_people()
        cls.articles = {name: import_fixture(name) for name in ANSWERS}

    def quote(self, story, start):
        quotes = [
            quote
            for quote in self.articles[story].quotes.select_related("speaker")
            if quote.text.startswith(start)
        ]
        self.assertEqual(len(quotes), 1, f"“{start}…” in {story}")
        return quotes[0]

    def assertSpeaker(self, story, start, name):
        quote = self.quote(story, start)
        self.assertIsNotNone(quote.speaker, f"“{start}…” has no named speaker")
        self.assertEqual(quote.speaker.name, name)
        return quote


class PrecisionAndRecallTests(FixtureStoriesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.held_out = {name: import_fixture(name) for name in HELD_OUT_ANSWERS}

    def report(self, label, articles, answers):
        correct, found, expected, mistakes = score(articles, answers)
        precision, recall = correct / found, correct / expected
        print(
            f"\nSpeaker attribution, {label} ({len(answers)} stories): {correct} of "
            f"{expected} quotes right, {found} attributed; precision {precision:.1%}, "
            f"recall {recall:.1%}."
        )
        for mistake in mistakes:
            print(f"  {mistake}")
        return precision, recall, mistakes

    def test_precision_and_recall_over_the_pattern_stories(self):
        """Over the stories using every pattern, speakers are found precisely and fully."""
        precision, recall, mistakes = self.report("pattern stories", self.articles, ANSWERS)
        self.assertGreaterEqual(precision, 0.95, mistakes)
        self.assertGreaterEqual(recall, 0.95, mistakes)

    def test_precision_and_recall_over_the_held_out_stories(self):
        """Stories written after the rules are attributed nearly as well."""
        precision, recall, mistakes = self.report(
            "held-out stories", self.held_out, HELD_OUT_ANSWERS
        )
        self.assertGreaterEqual(precision, 0.9, mistakes)
        self.assertGreaterEqual(recall, 0.9, mistakes)


class QuotePatternTests(FixtureStoriesMixin, TestCase):
    def test_every_quote_is_unconfirmed_with_a_confidence(self):
        """Found quotes wait for a journalist: unconfirmed, each with a confidence."""
        quotes = Quote.objects.filter(article__in=self.articles.values())
        self.assertEqual(quotes.count(), sum(len(answers) for answers in ANSWERS.values()))
        self.assertFalse(quotes.filter(is_confirmed=True).exists())
        self.assertFalse(quotes.filter(confidence__isnull=True).exists())

    def test_curly_quotes_said_full_name_after(self):
        """`…,” said Ny Sokha, a farmer…` attributes the quote to the full name, surely."""
        quote = self.assertSpeaker("01-land-eviction.txt", "We have planted rice", "Ny Sokha")
        self.assertGreaterEqual(quote.confidence, 90)
        self.assertEqual(quote.speaker_role, "a farmer in Kampong Speu province")
        self.assertEqual(quote.paragraph, 2)

    def test_straight_quotes(self):
        """Quotes in straight double quotes are found and attributed like curly ones."""
        self.assertSpeaker("03-straight-quotes.txt", "Every woman reporter", "Hannah Lindgren")
        self.assertSpeaker("03-straight-quotes.txt", "I was tired of reading", "Srey Pov")

    def test_several_sentences_are_one_quote(self):
        """A quote of several sentences is one Quote, without its closing comma."""
        quote = self.quote("03-straight-quotes.txt", "Every woman reporter")
        self.assertEqual(
            quote.text,
            "Every woman reporter I have interviewed this year has received threats. Some "
            "of them have stopped publishing under their own names",
        )

    def test_partial_quotes_inside_a_sentence(self):
        """Partial quotes inside a sentence take the sentence's speaker."""
        self.assertSpeaker("01-land-eviction.txt", "no written notice at all", "Ny Sokha")
        self.assertSpeaker("09-partial-quotes.txt", "a punishment without a verdict", "Vong Channa")
        self.assertSpeaker("09-partial-quotes.txt", "eleven months and counting", "Vong Channa")
        self.assertSpeaker("03-straight-quotes.txt", "routine", "Hannah Lindgren")

    def test_a_term_in_quotes_is_not_a_quote(self):
        """The so-called “Green Belt” is a name nobody is said to say, not a quote."""
        texts = self.articles["09-partial-quotes.txt"].quotes.values_list("text", flat=True)
        self.assertNotIn("Green Belt", texts)

    def test_attribution_before_the_quote_with_a_colon(self):
        """`H.E. Sar Kimheng, secretary of state…, said: “…”` names the speaker before the quote."""
        self.assertSpeaker(
            "04-ministry-response.txt", "The rules follow international practice", "Sar Kimheng"
        )

    def test_said_short_name_after(self):
        """`…,” said Rithy.` and `…,” Rithy said.` resolve to the full name given earlier."""
        self.assertSpeaker("01-land-eviction.txt", "The provincial authorities", "Keo Rithy")
        self.assertSpeaker("01-land-eviction.txt", "The families were offered", "Keo Rithy")

    def test_quote_split_by_its_attribution(self):
        """`“We will appeal,” Channa said, “and we will …”`: both halves are his."""
        self.assertSpeaker("09-partial-quotes.txt", "We will appeal", "Vong Channa")
        self.assertSpeaker("09-partial-quotes.txt", "and we will keep appealing", "Vong Channa")

    def test_according_to(self):
        """`According to Lindgren, “…”` attributes the quote."""
        self.assertSpeaker("03-straight-quotes.txt", "the platforms answer", "Hannah Lindgren")

    def test_he_told_reporters(self):
        """`…,” he told reporters.` is the most recent man put forward."""
        self.assertSpeaker("04-ministry-response.txt", "We have nothing to hide", "Kem Vuthy")

    def test_pronouns_resolve_to_the_most_recent_person_who_fits(self):
        """`he said` skips a more recent woman; `she added` finds the woman."""
        story = "07-pronouns-both-genders.txt"
        self.assertSpeaker(story, "Families in the lower villages", "Sok Chanthou")
        self.assertSpeaker(story, "Every family on the list", "Pich Samnang")
        self.assertSpeaker(story, "If you do not own land", "Sok Chanthou")
        # Chanthou is named after Samnang, but “he” does not fit her.
        self.assertSpeaker(story, "They want to turn a flood", "Pich Samnang")
        self.assertSpeaker(story, "We cannot reach the lower villages", "Pich Samnang")

    def test_genders_learned_from_pronouns_and_honorifics(self):
        """A new person takes the gender the story's pronouns or honorific give them."""
        self.assertEqual(Person.objects.get(name="Sok Chanthou").gender, "f")
        self.assertEqual(Person.objects.get(name="Pich Samnang").gender, "m")
        sreymom = Person.objects.get(name="Ouk Sreymom")
        self.assertEqual((sreymom.honorific, sreymom.gender), ("Lok Chumteav", "f"))

    def test_continuation_paragraph_without_a_verb(self):
        """A quote paragraph with no attribution continues the previous speaker."""
        quote = self.assertSpeaker("01-land-eviction.txt", "We will stay here", "Ny Sokha")
        self.assertEqual(quote.confidence, attribution.CONTINUATION)
        self.assertSpeaker("05-introduced-and-continued.txt", "The dams upstream", "Chan Dalis")

    def test_quote_running_over_two_paragraphs(self):
        """A quote left open at a paragraph's end is attributed where it closes."""
        self.assertSpeaker("05-introduced-and-continued.txt", "Ten years ago", "Hem Sophal")

    def test_quote_introduced_by_the_previous_paragraph(self):
        """`Chan Dalis, a researcher …, has counted …` then a bare quote: hers."""
        quote = self.assertSpeaker(
            "05-introduced-and-continued.txt", "The decline in the catch", "Chan Dalis"
        )
        self.assertEqual(quote.confidence, attribution.INTRODUCED_BEFORE)

    def test_cambodian_short_name_is_the_given_name(self):
        """“Ny Sokha” … “Sokha said”: the family name comes first, the short name last."""
        self.assertSpeaker("01-land-eviction.txt", "Nobody from the company", "Ny Sokha")
        self.assertEqual(Person.objects.get(name="Ny Sokha").short_name, "Sokha")

    def test_two_people_sharing_a_short_name(self):
        """The Sokha the story already called “Sokha” wins, and the choice is flagged."""
        story = "02-two-sokhas.txt"
        self.assertSpeaker(story, "People who speak up", "Chea Sokha")
        self.assertSpeaker(story, "Our grandparents are buried", "Meas Sokha")
        quote = self.assertSpeaker(story, "We will continue to monitor", "Chea Sokha")
        self.assertEqual(quote.confidence, attribution.AMBIGUOUS_SHORT_NAME)
        self.assertIn("Two people called Sokha", quote.attribution_note)
        self.assertIn("Meas Sokha", quote.attribution_note)

    def test_anonymous_sources(self):
        """Unnamed sources are described, and “the officer” is the officer met before."""
        story = "06-anonymous-sources.txt"
        worker = self.quote(story, "We worked until the last day")
        self.assertIsNone(worker.speaker)
        self.assertTrue(worker.anonymous_description.startswith("a worker who asked not to be"))
        self.assertEqual(
            self.quote(story, "I have two children").anonymous_description,
            worker.anonymous_description,
        )
        officer = self.quote(story, "We are only here to keep order")
        self.assertEqual(
            officer.anonymous_description, self.quote(story, "illegal").anonymous_description
        )
        self.assertTrue(officer.anonymous_description.startswith("a police officer"))

    def test_new_person_with_title_and_organization(self):
        """`Kem Vuthy, spokesman for the Justice Ministry` makes a person, role and ministry."""
        vuthy = Person.objects.get(name="Kem Vuthy")
        affiliation = vuthy.affiliations.get()
        self.assertEqual(affiliation.title, "spokesman")
        self.assertEqual(affiliation.organization.name, "Justice Ministry")
        self.assertEqual(affiliation.organization.kind, Organization.Kind.MINISTRY)
        self.assertIn(
            affiliation.organization, self.articles["04-ministry-response.txt"].organizations.all()
        )

    def test_role_in_front_of_the_name(self):
        """`Interior Ministry spokesman Touch Sambath said` gives him that role."""
        quote = self.assertSpeaker("04-ministry-response.txt", "temporary", "Touch Sambath")
        self.assertEqual(quote.speaker_role, "Interior Ministry spokesman")
        # The same ministry another role in the story named “Ministry of Interior”.
        self.assertEqual(
            Affiliation.objects.get(person=quote.speaker).organization.name,
            "Ministry of Interior",
        )

    def test_honorifics_kept_apart_from_the_name(self):
        """`H.E. Sar Kimheng` is Sar Kimheng, with the honorific H.E."""
        kimheng = Person.objects.get(name="Sar Kimheng")
        self.assertEqual((kimheng.honorific, kimheng.short_name), ("H.E.", "Kimheng"))

    def test_known_people_matched_by_alias_khmer_name_and_short_name(self):
        """Speakers already in the database are matched, never made twice."""
        story = "08-known-people.txt"
        self.assertSpeaker(story, "gone nowhere", "Nhem Bopha")  # the alias “Bopha Nhem”
        self.assertSpeaker(story, "Our members are ready", "Nhem Bopha")  # the Khmer name
        self.assertSpeaker(story, "The minimum wage must", "Nhem Bopha")  # the short name
        self.assertSpeaker(story, "A higher minimum wage", "Heng Rithy")  # “Dr Heng Rithy”
        sophea = self.assertSpeaker(story, "After ten hours", "Kong Sophea")
        self.assertIn("short name", sophea.attribution_note)
        self.assertEqual(Person.objects.filter(name__in=["Nhem Bopha", "Heng Rithy"]).count(), 2)
        self.assertFalse(Person.objects.filter(name__in=["Bopha Nhem", "Bopha", "Sophea"]).exists())

    def test_speakers_are_named_in_the_story(self):
        """
        The story's “people named” lists its speakers, not its photographer
        (Vann Dara), who is credited on the photo.
        """
        people = set(self.articles["01-land-eviction.txt"].people.values_list("name", flat=True))
        self.assertEqual(people, {"Ny Sokha", "Keo Rithy"})


class FindQuotesAgainTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = import_fixture("01-land-eviction.txt")

    def test_running_again_keeps_confirmed_quotes_and_numbers(self):
        """Finding quotes again keeps confirmed ones and every quote's number."""
        first = self.article.quotes.order_by("position").first()
        corrected = make_person("Ny Sokhalin")
        Quote.objects.filter(pk=first.pk).update(is_confirmed=True, speaker=corrected)
        numbers = dict(self.article.quotes.values_list("text", "position"))
        written = attribute_quotes(article=self.article)
        self.assertEqual(len(written), len(numbers) - 1)
        self.assertEqual(dict(self.article.quotes.values_list("text", "position")), numbers)
        first.refresh_from_db()
        self.assertEqual((first.speaker, first.is_confirmed), (corrected, True))

    def test_quotes_gone_from_the_body_go_unless_worked_on(self):
        """A found quote no longer in the body goes, unless someone worked on it."""
        speaker = make_person()
        noted = make_quote(self.article, text="Words with a recording", speaker=speaker)
        Quote.objects.filter(pk=noted.pk).update(
            provenance_note="Recording 3, 04:10", confidence=60
        )
        by_hand = make_quote(self.article, text="Words typed in by hand", speaker=speaker)
        found = make_quote(self.article, text="Words nobody said", speaker=speaker, confidence=60)
        attribute_quotes(article=self.article)
        self.assertTrue(Quote.objects.filter(pk=noted.pk).exists())
        self.assertTrue(Quote.objects.filter(pk=by_hand.pk).exists())
        self.assertFalse(Quote.objects.filter(pk=found.pk).exists())

    def test_quotes_entered_by_hand_are_kept_as_they_are(self):
        """A quote a journalist entered by hand is never reattributed."""
        first = self.article.quotes.order_by("position").first()
        someone = make_person("Keo Sophal")
        Quote.objects.filter(pk=first.pk).update(confidence=None, speaker=someone)
        attribute_quotes(article=self.article)
        first.refresh_from_db()
        self.assertEqual(first.speaker, someone)

    def test_works_on_any_story_body(self):
        """Quotes are found in a story written in the workspace, Markdown and all."""
        article = make_article(
            body="## The vote\n\n*Ouk Sreyneang*, a [councillor](https://example.org), said: "
            "“We counted every ballot.”\n\n[photo 1]\n\n“Twice,” she added."
        )
        quotes = attribute_quotes(article=article)
        self.assertEqual([quote.speaker.name for quote in quotes], ["Ouk Sreyneang"] * 2)
        self.assertEqual([quote.paragraph for quote in quotes], [2, 3])


class ReadingTests(SimpleTestCase):
    def speakers(self, *paragraphs):
        return [finding.entity.label for finding in attribution.analyze(paragraphs)]

    def test_organizations_are_not_people(self):
        """Names inside an organization's name (“Ministry of Natural Resources”) are no one."""
        self.assertEqual(
            self.speakers(
                "Pen Sovann, spokesman for the Ministry of Natural Resources, said the "
                "review had begun.",
                "“The matter is being examined,” he said.",
            ),
            ["Pen Sovann"],
        )

    def test_described_source_after_said(self):
        """`…,” said a Bunong elder who asked not to be named.` is that unnamed elder."""
        self.assertEqual(
            self.speakers(
                "“Our forest is our market,” said a Bunong elder who asked not to be named."
            ),
            ["a Bunong elder who asked not to be named"],
        )

    def test_a_group_is_never_he_or_she(self):
        """“Workers said …” then “she added” is the woman named before, not the workers."""
        self.assertEqual(
            self.speakers(
                "Chhay Kanha, a garment worker, said: “We were not paid.”",
                "Workers said they had not seen the owner since March.",
                "“The overtime is not voluntary,” she added.",
            ),
            ["Chhay Kanha", "Chhay Kanha"],
        )

    def test_the_worker_is_the_unnamed_worker(self):
        """“the worker said” is the unnamed worker, not a named person who is a worker."""
        self.assertEqual(
            self.speakers(
                "“We worked until the last day,” said a worker who asked not to be named.",
                "Chhay Kanha, a garment worker, said: “We were not paid.”",
                "“The supervisor threatened us,” the worker said.",
            ),
            [
                "a worker who asked not to be named",
                "Chhay Kanha",
                "a worker who asked not to be named",
            ],
        )


class AttributionReportTests(TestCase):
    def test_report_against_quotes_people_recorded(self):
        """The report measures attribution against hand-entered quotes and changes nothing."""
        article = make_article(body="“We will appeal,” said Vong Channa, a lawyer.")
        make_quote(article, text="We will appeal", speaker=make_person("Vong Channa"))
        output = io.StringIO()
        call_command("attribution_report", stdout=output)
        self.assertIn("1 known quotes, 1 attributed, 1 right: precision 100.0%", output.getvalue())
        self.assertEqual(Person.objects.count(), 1)
        self.assertIsNone(article.quotes.get().confidence)


class PlainTextTests(SimpleTestCase):
    def test_markdown_is_read_as_plain_words(self):
        """Emphasis, links and escapes are dropped before quotes are read."""
        self.assertEqual(
            plain_text(r"*Sokha* said \*not\* [this](https://example.org) &amp; that"),
            "Sokha said *not* this & that",
        )


class RoleParsingTests(SimpleTestCase):
    def test_title_and_organization(self):
        """The three ways a story writes a role give the same title and organization."""
        for role in [
            "spokesman for the Justice Ministry",
            "the Justice Ministry's spokesman",
            "Justice Ministry spokesman",
        ]:
            with self.subTest(role=role):
                self.assertEqual(attribution.parse_role(role), ("spokesman", "Justice Ministry"))

    def test_organization_with_and_in_its_name(self):
        """“the Land and Livelihoods Alliance” is one organization; a clause after it is not."""
        self.assertEqual(
            attribution.parse_role(
                "land programme manager at the Land and Livelihoods Alliance and a former teacher"
            ),
            ("land programme manager", "Land and Livelihoods Alliance"),
        )

    def test_role_without_organization(self):
        """A role without an organization keeps its words as the title."""
        self.assertEqual(attribution.parse_role("a rice farmer"), ("rice farmer", ""))

    def test_organization_of_a_body_inside_another(self):
        """`a member of the National Assembly's human rights commission`."""
        self.assertEqual(
            attribution.parse_role("a member of the National Assembly's human rights commission"),
            ("member of the human rights commission", "National Assembly"),
        )


class MatchingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sokha = make_person("Chea Sokha", short_name="Sokha", gender="f")
        cls.other_sokha = make_person("Meas Sokha", short_name="Sokha", gender="m")
        cls.ministry = make_organization("Ministry of Justice", kind="ministry")

    def test_database_short_name_clash_is_flagged(self):
        """A story naming Meas Sokha then saying “Sokha said” flags the other Sokha."""
        article = make_article(
            body="Meas Sokha, a farmer, said the land was his.\n\n“We will not leave,” Sokha said."
        )
        quote = attribute_quotes(article=article)[0]
        self.assertEqual(quote.speaker, self.other_sokha)
        self.assertIn("Chea Sokha", quote.attribution_note)

    def test_organization_matched_under_another_word_order(self):
        """“the Justice Ministry” is the Ministry of Justice already known."""
        article = make_article(
            body="“The rules are fair,” said Lim Sovann, spokesman for the Justice Ministry."
        )
        quote = attribute_quotes(article=article)[0]
        self.assertEqual(quote.speaker.affiliations.get().organization, self.ministry)
        self.assertEqual(Organization.objects.count(), 1)

    def test_quote_without_any_speaker(self):
        """A quote nobody can be found for is kept, unidentified, with no confidence."""
        article = make_article(body="“Nobody will say who said this.”")
        quote = attribute_quotes(article=article)[0]
        self.assertEqual(quote.confidence, 0)
        self.assertIsNone(quote.speaker)
        self.assertIn("No speaker", quote.attribution_note)

    def test_new_article_state(self):
        """Attribution leaves the story's own fields alone."""
        article = make_article(body="“Yes,” said Chea Sokha.")
        version = Article.objects.get(pk=article.pk).version
        attribute_quotes(article=article)
        self.assertEqual(Article.objects.get(pk=article.pk).version, version)
