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
    rf"\s*(?:បាន|ក៏|ដែល|ថា|នៅតែ|មិន|កាលពី|នាថ្ងៃ|នៅថ្ងៃ|នៅព្រឹក|នៅល្ងាច|នៅរសៀល|នៅក្នុង|ក្នុងពេល|ពេល|"
    rf"{alternatives(SPEECH_VERBS)}|{alternatives(HONORIFIC_WORDS)})|[។៕៖,:;!?«»“”\"\x00\x01()]"
    # A second office or what the person does next: “… ជាប្រធាន…”, “… អញ្ជើញជួប…”.
    r"|(?<!និង)\s+(?:ជា(?!តិ)|អញ្ជើញ)"
)
ROLE_LEAD = re.compile(
    # A spelling in brackets first: “លោក ចន ស្មីត (John Smith) ឯកអគ្គរដ្ឋទូត…”.
    r"(?:\s*\([^()]{1,60}\))?"
    r"\s*(?:ដែល)?(?:ត្រូវ)?(?:គេ)?(?:ស្គាល់|ហៅ)?(?:ថា)?\s*(?:គឺ|និង)?(?P<copula>ជា)?\s*"
    r"(?:(?:មាន)?អាយុ\s*[០-៩0-9]+\s*ឆ្នាំ\s*(?:និង|ដែល)?(?P<copula_after_age>ជា)?\s*)?"
)
# Words that join a role's parts: “អ្នកចាត់ការ និងជាគ្រូបង្វឹក…”, “… ប្រចាំកម្ពុជា”,
# “… របស់វិទ្យុ…”, “… ខេត្តកំពត”.
ROLE_JOINT = re.compile(
    rf"(?:ជា(?={ROLE_HEAD.pattern})|និង(?:ជា)?|ព្រមទាំងជា|របស់|នៃ|ប្រចាំ|ខេត្ត|ស្រុក|ខណ្ឌ|ភូមិ|ឃុំ|សង្កាត់|រាជធានី)"
)
# Small words a role may be glued after: “ក្នុងនោះគ្រូបង្វឹក…”, “ទៅកាន់តារាកំប្លែង…”.
OPENERS = re.compile(rf"(?:{STOP.pattern}|កាន់|ឡែក)+")
# “រដ្ឋមន្ត្រីក្រសួងអប់រំនោះ”: that minister, spoken of, not a role in apposition.
THIS_OR_THAT = re.compile(r"(?:នេះ|នោះ)$")
KHMER_LETTER = re.compile(r"[\u1780-\u17b3]")
# A role held towards someone: “កូនស្រីរបស់”, “ភរិយានៃ”.
RELATION = re.compile(rf"(?:{ROLE_HEAD.pattern})[\u1780-\u17dd]{{0,20}}?(?:របស់|នៃ)\s*$")
# A title the King confers, written as the honorific: “ឧកញ៉ា X”, “លោកឧកញ៉ា X”.
CONFERRED = re.compile(r"(?:[\u1780-\u17ff]{0,12}\s*)?(?:លោក|អ្នក)?ឧកញ៉ា\s*[\u1780-\u17ff]")
# One of several: “អ្នកគាំទ្រ X ម្នាក់” (a fan of X).
ONE_OF = re.compile(r"\s*(?:ម្នាក់|មួយរូប)(?![\u17b6-\u17d3\u17dd])")
# Where a clause starts, inside the word a role is glued to: “ភ្នំពេញ៖ប្រធាន…”.
CLAUSE_MARK = re.compile(r"[។៕៖:;!?«»“”\"()]")


def role_after(text, end):
    """
    The role written right after a name ending at ``end``: “អ្នកនាំពាក្យក្រសួងមហាផ្ទៃ”,
    or whatever follows ``ជា`` (“X ជាចាស់ទុំភូមិ”).
    """
    folded = fold(text)
    lead = ROLE_LEAD.match(folded, end)
    start = end + len(lead[0])
    if HONORIFIC.match(folded, start) or not _role_starts(folded, start, lead):
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


def _role_starts(folded, start, lead):
    """Whether a role starts at ``start``, after the name and ``lead``."""
    if ROLE_HEAD.match(folded, start):
        return True
    # “X ជាចាស់ទុំភូមិ”: what follows ជា is what the person is.
    return bool(
        (lead["copula"] or lead["copula_after_age"])
        and KHMER_LETTER.match(folded, start)
        and not STOP.match(folded, start)
    )


def role_before(text, start):
    """The role written right before a name's honorific at ``start``: “រដ្ឋមន្ត្រីក្រសួងការងារ លោក”."""
    folded = fold(text[:start])
    # “… គឺជា លោក X”: not the end of a word (“គ្រូបង្វឹកក្រុមកម្ពុជា លោក X”).
    folded = re.sub(r"(?:(?<=\s)|(?<=ដែល)|^)(?:គឺជា|គឺ|ជា)\s*$", "", folded).rstrip()
    # “អាជីវករម្នាក់ឈ្មោះ X”: the role is the vendor, not “one named”.
    folded = re.sub(r"(?<=[\u1780-\u17d3])(?:ម្នាក់)?\s*ឈ្មោះ\s*$", "", folded).rstrip()
    words = folded.split(" ")[-6:]
    honorific = HONORIFIC.match(words[-1]) if words else None
    if honorific and ROLE_HEAD.match(words[-1], honorific.end()):
        # “លោកនាយករដ្ឋមន្ត្រី ហ៊ុន សែន”: the title between honorific and name.
        return text[len(folded) - len(words[-1]) + honorific.end() : len(folded)].strip()
    relation = _relation(text, len(folded))
    if relation:
        return relation
    kept = []
    for word in reversed(words):
        marks = list(CLAUSE_MARK.finditer(word))
        # “ភ្នំពេញ៖ប្រធានមន្ទីរ…”: the role starts after the dateline's mark.
        word = word[marks[-1].end() :] if marks else word
        head = ROLE_HEAD.match(word)
        # Not a verb inside the role's head word: “តារាសម្តែង” (an actor) holds “សម្តែង”.
        ends = ROLE_END.finditer(word, head.end() if head else 0)
        ended = any(at_boundary(word, end.start()) for end in ends) or (
            STOP.match(word) and not head and not ROLE_JOINT.match(word)
        )
        if not word or ended:
            glued = _glued_role(word)
            kept[:0] = [glued] if glued else []
            break
        kept.insert(0, word)
        if marks:
            break
    for index, word in enumerate(kept):
        if ROLE_HEAD.match(word):
            length = len(" ".join(kept[index:]))
            return text[len(folded) - length : len(folded)].strip()
    # No office written: a conferred title is what the story calls the person (“ឧកញ៉ា X”).
    return "ឧកញ៉ា" if CONFERRED.match(fold(text[start:])) else ""


def _relation(text, end):
    """
    A relation to the person named right before ``end``: “កូនស្រីរបស់លោក X”
    in “កូនស្រីរបស់លោក X គឺកញ្ញា Y”, “ភរិយារបស់លោក X អ្នកស្រី Y”.
    """
    cut = max(0, end - 100)
    text = text[cut:end]  # The relation and the name, near.
    if not re.search(r"របស់|នៃ", text):
        return ""
    names = names_in(text)
    if not names or text[names[-1][2] :].strip():
        return ""
    _name, start, name_end = names[-1]
    before = fold(text[:start])
    relation = RELATION.search(before)
    at = relation.start() if relation else 0
    if not relation or not (before[at - 1] in " ៖:" if at else cut == 0):
        return ""
    return text[relation.start() : name_end].strip()


def _glued_role(word):
    """A role glued to the small words opening its clause: “ក្នុងនោះគ្រូបង្វឹក…”, “ទៅកាន់តារា…”."""
    if not STOP.match(word) or ROLE_HEAD.match(word):
        return ""
    for head in ROLE_HEAD.finditer(word, 1):
        rest = word[head.start() :]
        if (
            at_boundary(word, head.start())
            and OPENERS.fullmatch(word[: head.start()])
            and not ROLE_END.search(rest)
            and not THIS_OR_THAT.search(rest)
        ):
            return rest
    return ""


def one_of_theirs(folded, start, end):
    """
    The span of “<role> <name> ម្នាក់” (one of the name's fans, pupils,
    relatives) around a name without honorific at ``start:end``, or ``None``.
    """
    one = ONE_OF.match(folded, end)
    words = folded[:start].rstrip().split(" ")
    head = ROLE_HEAD.match(words[-1]) if words else None
    if not one or not head or HONORIFIC.match(folded, start) or len(words[-1]) > 30:
        return None
    return start - len(folded[:start]) + len(folded[:start].rstrip()) - len(words[-1]), one.end()


def role_written(description):
    """A description's role, up to its verb or clause: “កីឡាករវ័យក្មេងដែលបង្ហាញខ្លួន” → “កីឡាករវ័យក្មេង”."""
    folded = fold(description)
    stop = ROLE_END.search(folded, 1)
    return description[: stop.start() if stop else len(description)].strip()


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
    before = fold(sentence[:start]).strip()
    role = role_after(sentence, end) or role_before(sentence, start)
    after = fold(sentence[end:]).lstrip()
    subject = re.match(r"(?:បាន|ក៏|ជា|គឺ|មាន|នៅ|មិន|កំពុង|ធ្លាប់|ត្រូវ|ដែល|អាយុ)", after)
    salient = (
        bool(role)
        or not before
        or (bool(subject) and not re.search(r"(?:ប្រាប់|ជាមួយ|របស់|នៃ|ដល់|ចំពោះ|ពី)$", before))
    )
    return role, salient
