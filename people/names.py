"""
Names as stories write them: honorifics kept apart, Khmer and Latin script,
and the short names used on later references.

Cambodian names are written family name first (“Ny Sokha”) and later
references use the given name (“Sokha”); Western names are written given name
first (“Hannah Lindqvist”) and later references use the family name
(“Lindqvist”). Either way the later reference is the end of the full name,
which is what ``short_name_for`` returns.
"""

import re
import unicodedata

from .choices import Gender

KHMER = re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]")

# Longest first, so “Lok Chumteav” is taken before “Lok”. Each is written
# before a name and is never part of it.
HONORIFICS = [
    # Latin script, as English-language stories write them.
    ("His Excellency", Gender.MALE),
    ("Her Excellency", Gender.FEMALE),
    ("Samdech", ""),
    ("Lok Chumteav", Gender.FEMALE),
    ("Lok Chumtiev", Gender.FEMALE),
    ("Lok Srey", Gender.FEMALE),
    ("Neak Srey", Gender.FEMALE),
    ("Neak Oknha", ""),
    ("Oknha", ""),
    ("Venerable", Gender.MALE),
    ("Professor", ""),
    ("H.E.", ""),
    ("H. E.", ""),
    ("Ven.", Gender.MALE),
    ("Prof.", ""),
    ("Prof", ""),
    ("Dr.", ""),
    ("Dr", ""),
    ("Mrs.", Gender.FEMALE),
    ("Mrs", Gender.FEMALE),
    ("Ms.", Gender.FEMALE),
    ("Ms", Gender.FEMALE),
    ("Mr.", Gender.MALE),
    ("Mr", Gender.MALE),
    ("Lok", Gender.MALE),
    # Khmer script.
    ("ឯកឧត្តម", Gender.MALE),
    ("សម្តេច", ""),
    ("សម្ដេច", ""),
    ("លោកជំទាវ", Gender.FEMALE),
    ("លោកស្រី", Gender.FEMALE),
    ("អ្នកស្រី", Gender.FEMALE),
    ("ឧកញ៉ា", ""),
    ("បណ្ឌិត", ""),
    ("ព្រះតេជគុណ", Gender.MALE),
    ("លោក", Gender.MALE),
]

_HONORIFIC_PATTERN = re.compile(
    r"^(?:"
    + "|".join(re.escape(word) for word, _gender in HONORIFICS)
    # A Latin honorific must end at a word boundary: “Lok” is not the start
    # of “Loken”. Khmer is written without spaces between words.
    + r")(?:(?<=\.)|(?<=[\u1780-\u17ff])|(?=\s|$))\s*"
)
_GENDERS = {word.casefold(): gender for word, gender in HONORIFICS}


def normalize(text):
    """``text`` in NFC with single spaces, for comparing names."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def split_honorific(text):
    """
    Return ``(honorific, name)``: “H.E. Dr Chin Malin” gives
    ``("H.E. Dr", "Chin Malin")``. A name with no honorific gives ``("", name)``.
    """
    text = normalize(text)
    honorifics = []
    while True:
        match = _HONORIFIC_PATTERN.match(text)
        if not match or not text[match.end() :].strip():
            break
        honorifics.append(match[0].strip())
        text = text[match.end() :]
    return " ".join(honorifics), text.strip()


def honorific_gender(honorific):
    """The gender an honorific implies (“Lok Chumteav”: a woman), or ""."""
    text = normalize(honorific)
    while text:
        match = _HONORIFIC_PATTERN.match(text)
        if not match:
            return ""
        gender = _GENDERS.get(match[0].strip().casefold(), "")
        if gender:
            return gender
        text = text[match.end() :]
    return ""


def is_khmer(text):
    return bool(KHMER.search(text))


def short_name_for(name):
    """
    The name used on later references: the last word of a Latin name (“Ny
    Sokha” → “Sokha”, “Hannah Lindqvist” → “Lindqvist”); Khmer names keep
    their last word too (“នី សុខា” → “សុខា”).
    """
    _honorific, name = split_honorific(name)
    words = name.split()
    return words[-1] if len(words) > 1 else ""


def name_key(name):
    """A comparable form of a name: honorific dropped, case folded, spaces single."""
    return split_honorific(name)[1].casefold()
