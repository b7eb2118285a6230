"""
A person's role in Khmer text: the phrase right after the name (“លោក X
អ្នកនាំពាក្យក្រសួងមហាផ្ទៃ បាននិយាយ”, after ``ជា``/``ដែលជា`` and an age), or
right before the honorific (“អ្នកនាំពាក្យក្រសួងមហាផ្ទៃ លោក X”), up to a verb, a
time or a punctuation mark; its organization starts at a word such as
``ក្រសួង`` or ``សមាគម``.
"""

import re

from .khmer import HONORIFIC, names_in
from .khmer_words import (
    HONORIFIC_WORDS,
    ORGANIZATION_HEAD,
    ROLE_HEAD,
    SPEECH_VERBS,
    STOP,
    alternatives,
    at_boundary,
    fold,
)

# Where a role ends: a verb, an auxiliary, a time, a clause, another person.
ROLE_END = re.compile(
    rf"\s*(?:បាន|ក៏|ដែល|ថា|កាលពី|នាថ្ងៃ|នៅថ្ងៃ|នៅព្រឹក|នៅល្ងាច|នៅរសៀល|នៅក្នុង|ក្នុងពេល|ពេល|"
    rf"{alternatives(SPEECH_VERBS)}|{alternatives(HONORIFIC_WORDS)})|[។៕៖,:;!?«»“”\"\x00\x01()]"
)
ROLE_LEAD = re.compile(
    r"\s*(?:ដែល)?(?:ត្រូវ)?(?:គេ)?(?:ស្គាល់|ហៅ)?(?:ថា)?\s*(?:គឺ|និង)?(?:ជា)?\s*(?:អាយុ\s*[០-៩0-9]+\s*ឆ្នាំ\s*(?:និង|ដែល)?(?:ជា)?\s*)?"
)


def role_after(text, end):
    """The role written right after a name ending at ``end``: “អ្នកនាំពាក្យក្រសួងមហាផ្ទៃ”."""
    folded = fold(text)
    start = end + len(ROLE_LEAD.match(folded, end)[0])
    if not ROLE_HEAD.match(folded, start) or HONORIFIC.match(folded, start):
        return ""
    stop = ROLE_END.search(folded, start + 1)
    while (
        stop
        and stop[0].strip()
        and not at_boundary(folded, stop.start() + len(stop[0]) - len(stop[0].lstrip()))
    ):
        stop = ROLE_END.search(folded, stop.end())
    end = stop.start() if stop else len(text)
    if re.search(r"(?:របស់|នៃ|ឱ្យ|ជូន)$", folded[:end]):
        # “មេធាវីរបស់លោក X”: the person is part of the role.
        names = names_in(text[end:])
        end = end + names[0][2] if names and names[0][1] <= 1 else end
    role = text[start:end].strip()
    return role if 1 < len(role) <= 120 else ""


def role_before(text, start):
    """The role written right before a name's honorific at ``start``: “រដ្ឋមន្ត្រីក្រសួងការងារ លោក”."""
    folded = fold(text[:start])
    # “… គឺជា លោក X”: not the end of a word (“គ្រូបង្វឹកក្រុមកម្ពុជា លោក X”).
    folded = re.sub(r"(?:(?<=\s)|(?<=ដែល)|^)(?:គឺជា|គឺ|ជា)\s*$", "", folded).rstrip()
    words = folded.split(" ")[-4:]
    honorific = HONORIFIC.match(words[-1]) if words else None
    if honorific and ROLE_HEAD.match(words[-1], honorific.end()):
        # “លោកនាយករដ្ឋមន្ត្រី ហ៊ុន សែន”: the title between honorific and name.
        return text[len(folded) - len(words[-1]) + honorific.end() : len(folded)].strip()
    kept = []
    for word in reversed(words):
        if not word or ROLE_END.search(word) or (STOP.match(word) and not ROLE_HEAD.match(word)):
            break
        kept.insert(0, word)
    for index, word in enumerate(kept):
        if ROLE_HEAD.match(word):
            length = len(" ".join(kept[index:]))
            return text[len(folded) - length : len(folded)].strip()
    return ""


def parse_role(role):
    """Split a Khmer role into ``(title, organization)``; the organization starts at its head."""
    folded = fold(role)
    for match in ORGANIZATION_HEAD.finditer(folded):
        if match.start() and at_boundary(folded, match.start()):
            title = re.sub(r"(?:នៃ|របស់|ប្រចាំ)$", "", role[: match.start()].strip()).strip()
            return title, role[match.start() :].strip()
    return role.strip(), ""


def mention(sentence, start, end):
    """``(role, salient)`` for a person a Khmer sentence names at ``start:end``."""
    role = role_after(sentence, end) or role_before(sentence, start)
    before = fold(sentence[:start]).strip()
    after = fold(sentence[end:]).lstrip()
    subject = re.match(r"(?:បាន|ក៏|ជា|គឺ|មាន|នៅ|មិន|កំពុង|ធ្លាប់|ត្រូវ|ដែល|អាយុ)", after)
    salient = (
        bool(role)
        or not before
        or (bool(subject) and not re.search(r"(?:ប្រាប់|ជាមួយ|របស់|នៃ|ដល់|ចំពោះ|ពី)$", before))
    )
    return role, salient
