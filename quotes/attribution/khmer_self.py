"""
A Khmer quote whose speaker gives their own name in it (“ខ្ញុំបាទឈ្មោះ សុខ
ដារា ជាគ្រូបង្រៀន…”, a post or a letter): that person spoke, whoever the
sentence before it named, or whatever account in Latin letters posted it.
"""

import re

from django.utils.translation import gettext as _

from .confidence import CONFIRM_THRESHOLD, KHMER_SHORT_NAME
from .khmer import _name_part, _plain_name_word
from .khmer_words import KHMER_RUN, fold

# “I (male/female/to royalty) am called …”, near the start of the words.
SELF_NAMED = re.compile(
    rf"ខ្ញុំ(?:បាទ|ព្រះករុណា|ម្ចាស់|ជា)?\s*ឈ្មោះ\s*(?P<first>{KHMER_RUN}+)(?: (?P<second>{KHMER_RUN}+))?"
)
OPENING = 160  # How far into the quote a self-introduction is looked for.


def self_named(findings, cast):
    """``findings`` with each quote that names its own speaker given to that person."""
    for finding in findings:
        match = SELF_NAMED.search(fold(finding.text)[:OPENING])
        name = match and _own_name(finding.text, match)
        if not name or not _unsure(finding):
            continue
        entity, _confidence, _note = cast.named(name)
        finding.entity, finding.how = entity, "self-named"
        finding.confidence = KHMER_SHORT_NAME
        finding.note = _("The quote gives its speaker's own name, %(name)s: check.") % {
            "name": entity.label
        }
    return findings


def _own_name(text, match):
    """The name after “ខ្ញុំឈ្មោះ”, as ``text`` spells it: one or two words."""
    first, glued = _name_part(text[match.start("first") : match.end("first")])
    if not _plain_name_word(first):
        return ""
    written = text[match.start("second") : match.end("second")] if match["second"] else ""
    second = "" if glued else _name_part(written)[0]
    return f"{first} {second}" if second and _plain_name_word(second) else first


def _unsure(finding):
    """Whether the finder's reading may give way: no one, someone unnamed, or a Latin account."""
    entity = finding.entity
    if entity is None or not entity.name:
        return True
    return bool(re.search("[A-Za-z]", entity.name)) or finding.confidence < CONFIRM_THRESHOLD
