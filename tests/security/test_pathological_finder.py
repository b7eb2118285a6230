"""
Pathological input to the quote finder (SECURITY-TESTS 27). The finder reads
every story body a journalist asks it to and every imported story, so text
made to be slow must cost time in proportion to its length.

Each shape below once cost the square of its length or worse: "... ... ..."
hung the finder at ninety characters (a headline pattern split it every way
there is); thirty thousand characters of “ took minutes; a long run of
capitalised words, initials, apostrophes or lower-case paragraph pieces took
seconds to minutes. The one time bound is the module's generous CPU-time
guard (tests/support/dos.py), not a performance target.
"""

import itertools

from django.test import SimpleTestCase

from articles.body import MAX_BODY_LENGTH
from quotes.attribution import analyze, find_quote_spans, split_sentences
from quotes.attribution.reading import MAX_STORY_QUOTES
from quotes.attribution.spans import ANY_PLACEHOLDER, MAX_QUOTES, MAX_SENTENCE
from quotes.services import story_paragraphs
from tests.security.test_pathological import Measured, repeated

# A long story: about two and a half thousand words.
SIZE = 16_000
SHAPES = {
    "capitalised words": "Word ",
    "names and verbs": "Sok Dara said ",
    "short straight quotes": '"a," ',
    "quotes with credits": '"We will go," said Sok Dara. ',
    "opening curly marks": "“",
    "guillemets": "«",
    "single marks": "‘",
    "apostrophes": "'s ",
    "ellipses": "... ",
    "honorifics": "Mr. ",
    "initials": "A.B. ",
    "names and commas": "Sok, ",
    "capitals": "ABC ",
    "datelines": "ABC, Cambodia — ",
    "a list of portfolios": "Minister of Tourism and ",
    "publications": "Koh Santepheap editor ",
    "ministries": "Ministry of ",
    "photo places": "(left) ",
    "questions": "asked Sok: “",
    "lower-case pieces": "the ",
    "Khmer names": "លោក សុខ ដារា ",
    "Khmer quotes": "«ទៅ» លោក សុខ ថា ",
    "Khmer honorifics": "ឯកឧត្តម ",
    "Khmer marks": "“ថា ",
}


def read(text):
    return analyze(story_paragraphs(text))


def invented_names(syllables):
    """Two-word names made of ``syllables``, each different, in a fixed order."""
    for family, given, more in itertools.product(syllables, repeat=3):
        yield f"{family} {given}{more.lower()}"


def crowd(count, khmer=False):
    """A story quoting ``count`` different people, one paragraph each."""
    if khmer:
        syllables = ["សុខ", "ដារា", "ចាន់", "វណ្ណា", "កែវ", "លឹម", "ម៉ៅ", "សារិន", "ហេង", "ទូច", "មាស"]
        line = "លោក {name} បាននិយាយថា «យើងត្រូវការផ្លូវថ្មី»។"
    else:
        syllables = [
            "Sok",
            "Dara",
            "Chan",
            "Vanna",
            "Keo",
            "Lim",
            "Mao",
            "Sarin",
            "Heng",
            "Touch",
            "Meas",
        ]
        line = "“We need the road by March,” said {name}, a farmer. He left at noon."
    names = itertools.islice(invented_names(syllables), count)
    return "\n\n".join(line.format(name=name) for name in names)


class FinderPathologicalInputTests(Measured, SimpleTestCase):
    def test_every_shape_as_one_paragraph_and_as_many(self):
        """A long story in every shape is read in bounded time; findings stay within the text."""
        for name, pattern in SHAPES.items():
            one = repeated(pattern, SIZE)
            many = "\n\n".join([pattern * 10] * (SIZE // (len(pattern) * 10)))
            for layout, text in (("one paragraph", one), ("many paragraphs", many)):
                with self.subTest(name, layout=layout):
                    findings = self.measure(read, text)
                    # Each finding is a quote between marks of the text: no more
                    # findings than marks, and no words the text does not hold.
                    self.assertLessEqual(len(findings), sum(map(text.count, "“«‘\"'")))
                    for finding in findings[:50]:
                        self.assertIn(finding.text.split()[0] if finding.text else "", text)

    def test_a_story_naming_a_thousand_people(self):
        """
        Each new name is compared with the people named lately, not with
        everyone; past the most quotes the finder reads in a story, the
        quotes are kept unattributed, each with a note saying why.
        """
        # English past the budget; Khmer, about three times dearer a quote, to
        # twice the people the cast compares a new name with (cast.RECENT_CAST).
        for khmer, people in ((False, MAX_STORY_QUOTES + 50), (True, 600)):
            with self.subTest(khmer=khmer):
                findings = self.measure(read, crowd(people, khmer))
                self.assertEqual(len(findings), people)
                read_ones = findings[:MAX_STORY_QUOTES]
                names = {finding.entity.name for finding in read_ones}
                self.assertEqual(len(names), len(read_ones))
                for finding in findings[MAX_STORY_QUOTES:]:
                    self.assertIsNone(finding.entity)
                    self.assertIn("more than 1,000 quotes", finding.note)
                self.assertEqual(len(findings[MAX_STORY_QUOTES:]), 50 if not khmer else 0)

    def test_a_body_at_the_limit_made_of_khmer_quotes(self):
        """
        Speech verbs and quote marks packed in one paragraph at the largest a
        body may be: read once a paragraph, not once a quote (the title-like
        opening, the names before each verb).
        """
        for pattern in ["និយាយថា«ទៅ»", "បាននិយាយថា “ទៅ” "]:
            with self.subTest(pattern):
                findings = self.measure(read, repeated(pattern, MAX_BODY_LENGTH))
                self.assertGreater(len(findings), MAX_STORY_QUOTES)

    def test_ordinary_quotes_are_found_after_the_bounds(self):
        """The bounds change nothing in an ordinary story, even one whose stops were lost."""
        sentence = (
            "Sok Dara, a rice farmer from Kampot, said that the new road would help "
            "the families of the commune, “We will sell our rice in the town,” "
        )
        # One paragraph of forty sentences with no full stop between them.
        text = sentence * 40
        findings = read(text)
        self.assertEqual(len(findings), 40)
        self.assertEqual({finding.entity.name for finding in findings}, {"Sok Dara"})


class LongSentenceTests(SimpleTestCase):
    def pieces(self, text):
        frame, spans = find_quote_spans(text)
        return frame, split_sentences(frame, spans)

    def test_a_sentence_longer_than_the_bound_is_read_in_whole_pieces(self):
        """Cut at spaces, never inside a quote's place, and nothing of the text lost."""
        text = " ".join(f"word{number} “quote {number}” and" for number in range(400))
        frame, pieces = self.pieces(text)
        self.assertGreater(len(pieces), 1)
        self.assertEqual("".join(piece for _offset, piece in pieces), frame)
        for offset, piece in pieces:
            self.assertEqual(frame[offset : offset + len(piece)], piece)
            self.assertLessEqual(len(piece), MAX_SENTENCE)
            self.assertLessEqual(len(ANY_PLACEHOLDER.findall(piece)), MAX_QUOTES)
            # Every quote's place is whole.
            self.assertEqual(piece.count("\x00"), piece.count("\x01"))

    def test_quotes_with_no_space_between_are_never_cut_inside(self):
        frame, pieces = self.pieces("“a”" * 3000)
        self.assertEqual("".join(piece for _offset, piece in pieces), frame)
        for _offset, piece in pieces:
            self.assertEqual(piece.count("\x00"), piece.count("\x01"))
            self.assertTrue(piece.startswith("\x00"), piece[:20])

    def test_an_ordinary_sentence_is_one_piece(self):
        text = (
            "The minister, who visited the flooded villages of three districts on Monday "
            "with the provincial governor and the heads of four aid groups, said the "
            "government would pay for “every house that the water took” before the rains."
        )
        _frame, pieces = self.pieces(text)
        self.assertEqual(len(pieces), 1)
