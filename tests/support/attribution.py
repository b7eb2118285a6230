"""What the quote finder's tests share: reading an invented story, and saying who spoke."""

from django.test import SimpleTestCase

from quotes import attribution

THRESHOLD = attribution.CONFIRM_THRESHOLD
# A reading that found no doubt (a name, a pronoun, a title read cleanly):
# surer than any doubtful one, though only names sit at the threshold.
CLEAN_READING = attribution.confidence.PRONOUN


def label(finding):
    """Who a finding says spoke: a name, an unnamed source's description, or None."""
    return finding.entity.label if finding.entity else None


def speakers(paragraphs):
    """Who spoke each quote of ``paragraphs``, in reading order."""
    return [label(finding) for finding in attribution.analyze(list(paragraphs))]


class AttributionTestCase(SimpleTestCase):
    # Whether ``assertSpeaker`` also asks for a clean reading when not told.
    speaker_sure_by_default = False

    def read(self, *paragraphs):
        return attribution.analyze(list(paragraphs))

    def label(self, finding):
        return label(finding)

    def labels(self, findings):
        return [label(finding) for finding in findings]

    def assertSpeakers(self, findings, expected):
        self.assertEqual(self.labels(findings), expected)

    def assertSpeaker(self, finding, expected, *, sure=None):
        self.assertEqual(label(finding), expected)
        if self.speaker_sure_by_default if sure is None else sure:
            self.assertGreaterEqual(finding.confidence, CLEAN_READING)

    def assertSure(self, finding, expected):
        """The speaker, at the threshold or above."""
        self.assertEqual(label(finding), expected)
        self.assertGreaterEqual(finding.confidence, THRESHOLD)

    def assertNotSure(self, finding):
        """Below the threshold, and a note says what to check."""
        self.assertLess(finding.confidence, THRESHOLD)
        self.assertTrue(finding.note)

    def assertChecked(self, finding, expected):
        """The speaker, below the threshold, with a note."""
        self.assertEqual(label(finding), expected)
        self.assertNotSure(finding)
