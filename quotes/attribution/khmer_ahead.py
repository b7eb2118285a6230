"""
A bare Khmer honorific that opens a paragraph before anyone is named
(“លោកប្រធានរដ្ឋស្នើ… ។ ថ្លែងនៅពិធីនេះ លោកប្រធានរដ្ឋ X បាន… “…””): it points
ahead, to the one person of its gender the paragraph names before the quote.
"""

from django.utils.translation import gettext as _

from .confidence import INTRODUCED_BEFORE
from .khmer_words import HONORIFIC_WORDS, fold, name_key


def named_ahead(findings, cast, paragraphs):
    """``findings`` whose bare honorific found nobody before it, given to the one named after."""
    for finding in findings:
        entity = finding.entity
        if (
            entity is None
            or entity.name
            or not entity.is_person
            or finding.confidence >= INTRODUCED_BEFORE
            or fold(entity.description).strip() not in HONORIFIC_WORDS
            or not 0 < finding.paragraph <= len(paragraphs)
        ):
            continue
        text = paragraphs[finding.paragraph - 1]
        at = text.find(finding.text[:20])
        before = name_key(text[: at if at > 0 else 0])
        named = {
            other
            for other in cast.entities
            if other.name and other.is_person
            and (not entity.gender or other.gender in {entity.gender, ""})
            and name_key(other.name) in before
        }  # fmt: skip
        if len(named) == 1:
            person = named.pop()
            finding.entity, finding.how = person, "honorific named after"
            finding.confidence = INTRODUCED_BEFORE
            finding.note = _(
                "“%(honorific)s” came before anyone was named; it was taken to be "
                "%(speaker)s, named after it in the same paragraph: check."
            ) % {"honorific": entity.description, "speaker": person.label}
    return findings
