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
# Khmer month names, January to December, and Khmer digits: how Khmer text
# writes dates (the demo writes them, the importer reads them, reader pages
# show them).
KHMER_MONTHS = [
    "មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា",
    "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ",
]  # fmt: skip
KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")

# Longest first, so “Lok Chumteav” is taken before “Lok”. Each is written
# before a name and is never part of it.
HONORIFICS = [
    # Latin script, as English-language stories write them.
    ("His Excellency", Gender.MALE),
    ("Her Excellency", Gender.FEMALE),
    # Cambodia's leaders' styles in Latin script, as the Khmer ones below.
    ("Samdech Akka Moha Sena Padei Techo", Gender.MALE),
    ("Samdech Moha Bovor Thipadei", Gender.MALE),
    ("Samdech Thipadei", Gender.MALE),
    ("Samdech Techo", Gender.MALE),
    ("Samdech", ""),
    ("Lok Chumteav", Gender.FEMALE),
    ("Lok Chumtiev", Gender.FEMALE),
    ("Lok Srey", Gender.FEMALE),
    ("Neak Srey", Gender.FEMALE),
    ("Neak Oknha", ""),
    ("Oknha", ""),
    ("Venerable", Gender.MALE),
    # Clergy, as church and religious news write them: “Father Paul Lay”.
    ("Archbishop", Gender.MALE),
    ("Monsignor", Gender.MALE),
    ("Cardinal", Gender.MALE),
    ("Reverend", ""),
    ("Bishop", Gender.MALE),
    ("Father", Gender.MALE),
    ("Sister", Gender.FEMALE),
    ("Msgr.", Gender.MALE),
    ("Msgr", Gender.MALE),
    ("Rev.", ""),
    ("Fr.", Gender.MALE),
    ("Professor", ""),
    # Malaysian and Bruneian styles, each compound before its first word:
    # “Datuk Seri Anwar Ibrahim”, “Tan Sri Muhyiddin Yassin”, “Dato' Sri Najib”.
    ("Datuk Seri", ""),
    ("Datuk Sri", ""),
    ("Dato' Seri", ""),
    ("Dato’ Seri", ""),
    ("Dato Seri", ""),
    ("Dato' Sri", ""),
    ("Dato’ Sri", ""),
    ("Dato Sri", ""),
    ("Datin Seri", Gender.FEMALE),
    ("Tan Sri", ""),
    ("Puan Sri", Gender.FEMALE),
    ("Toh Puan", Gender.FEMALE),
    ("Datuk", ""),
    ("Dato'", ""),
    ("Dato’", ""),
    ("Dato", ""),
    ("Datin", Gender.FEMALE),
    ("H.E.", ""),
    # “said HE Sok Dara”: His or Her Excellency, written in capitals without stops.
    ("HE", ""),
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
    # Khmer script, each compound before its first part (“សម្តេចតេជោ” before
    # “សម្តេច”); both spellings of the subscript ta (្ត, ្ដ) are written.
    ("ឯកឧត្តម", Gender.MALE),
    ("សម្តេចតេជោ", Gender.MALE),
    ("សម្ដេចតេជោ", Gender.MALE),
    ("សម្តេចធិបតី", Gender.MALE),
    ("សម្ដេចធិបតី", Gender.MALE),
    ("សម្តេច", ""),
    ("សម្ដេច", ""),
    ("លោកជំទាវ", Gender.FEMALE),
    ("លោកស្រី", Gender.FEMALE),
    ("លោកយាយ", Gender.FEMALE),
    ("លោកតា", Gender.MALE),
    ("លោកគ្រូ", Gender.MALE),
    ("លោកបណ្ឌិត", Gender.MALE),
    ("លោកឧកញ៉ា", Gender.MALE),
    ("អ្នកស្រី", Gender.FEMALE),
    ("អ្នកនាង", Gender.FEMALE),
    ("អ្នកគ្រូ", Gender.FEMALE),
    ("អ្នកឧកញ៉ា", ""),
    ("កញ្ញា", Gender.FEMALE),
    ("នាង", Gender.FEMALE),
    ("ឧកញ៉ា", ""),
    # Academic and honorary titles: an academician, an honorary doctor, a
    # professor (associate). Not អាចារ្យ: it opens
    # nicknames (“អាចារ្យធំ”).
    ("បណ្ឌិតសភាចារ្យ", ""),
    ("កិត្តិបណ្ឌិត", ""),
    ("វេជ្ជបណ្ឌិត", ""),
    ("បណ្ឌិត", ""),
    ("សាស្ត្រាចារ្យរង", ""),
    ("សាស្ត្រាចារ្យ", ""),
    # The King's style: “ព្រះករុណា ព្រះបាទសម្តេចព្រះ នរោត្តម សីហមុនី”,
    # “ព្រះករុណា ព្រះមហាក្សត្រ សម្តេចព្រះបរមនាថ នរោត្តម សីហមុនី”.
    ("ព្រះករុណា", Gender.MALE),
    ("សម្តេចព្រះបរមនាថ", Gender.MALE),
    ("សម្ដេចព្រះបរមនាថ", Gender.MALE),
    ("ព្រះបរមនាថ", Gender.MALE),
    ("ព្រះបាទសម្តេចព្រះ", Gender.MALE),
    ("ព្រះបាទសម្ដេចព្រះ", Gender.MALE),
    ("ព្រះបាទ", Gender.MALE),
    # Royal titles: a princess (“ព្រះនាងតូច”, the young one), a prince.
    ("ព្រះនាងតូច", Gender.FEMALE),
    ("ព្រះនាង", Gender.FEMALE),
    ("ព្រះអង្គម្ចាស់", Gender.MALE),
    ("ព្រះតេជព្រះគុណ", Gender.MALE),
    ("ព្រះតេជគុណ", Gender.MALE),
    ("ព្រះចៅអធិការ", Gender.MALE),
    ("លោក", Gender.MALE),
]

# Kinship and stage titles Khmer stories write before a villager's or an
# entertainer's name (“យាយ សុខ ខន”, “នាយ គ្រឿន”, a comedian): each also
# starts other words (នាយក, តាម), so it is an honorific only before a space.
KHMER_SPACED_HONORIFICS = [
    ("នាយ", Gender.MALE),
    ("យាយ", Gender.FEMALE),
    ("តា", Gender.MALE),
    ("មីង", Gender.FEMALE),
    # A young person: “ប្អូនប្រុស ឆាយ សិត្យា”, “ប្អូនស្រី …”.
    ("ប្អូនប្រុស", Gender.MALE),
    ("ប្អូនស្រី", Gender.FEMALE),
]  # Not ពូ or អ៊ំ: family names too (ពូ សុធីរៈ, អ៊ំ សំអាន).
# Titles held by one well-known person, which stories use alone in place of
# the name (“សម្តេចតេជោ បានសរសេរថា …”): the title, as written with ្ត, and
# the person's name. Only a title nobody else holds belongs here.
KHMER_UNIQUE_TITLES = {
    "សម្តេចតេជោ": "ហ៊ុន សែន",
    "សម្តេចអគ្គមហាសេនាបតីតេជោ": "ហ៊ុន សែន",
    "សម្តេចធិបតី": "ហ៊ុន ម៉ាណែត",
    "សម្តេចក្រឡាហោម": "ស ខេង",
    "សម្តេចកិត្តិព្រឹទ្ធបណ្ឌិត": "ប៊ុន រ៉ានី",
}


def fold_khmer_spelling(text):
    """
    ``text`` with one spelling of Khmer's interchangeable subscripts, character
    for character: ``្ដ`` as ``្ត``, and ``្រ្ត`` (“សាស្រ្តាចារ្យ”) as ``្ត្រ``.
    A match found in the copy is a slice of the original.
    """
    text = re.sub("(?<=\u17d2)\u178a", "\u178f", text)
    return text.replace("\u17d2\u179a\u17d2\u178f", "\u17d2\u178f\u17d2\u179a")


_HONORIFIC_PATTERN = re.compile(
    r"^(?:(?:"
    + "|".join(re.escape(word) for word, _gender in HONORIFICS)
    # A Latin honorific must end at a word boundary: “Lok” is not the start
    # of “Loken”. Khmer is written without spaces between words.
    + r")(?:(?<=\.)|(?<=[\u1780-\u17ff])(?![\u17b6-\u17d3\u17dd])|(?=\s|$))|(?:"
    + "|".join(word for word, _gender in KHMER_SPACED_HONORIFICS)
    + r")(?=\s))\s*"
)
# The rest of a Khmer title glued to its honorific, up to the name:
# “សម្តេចអគ្គមហាសេនាបតីតេជោ ហ៊ុន សែន”, “ឯកឧត្តមបណ្ឌិត ចាន់ ណារិទ្ធ”; academic and
# honorary titles end in ចារ្យ (សាស្ត្រាចារ្យ, បណ្ឌិតសភាចារ្យ, អាចារ្យ) or are ឧកញ៉ា.
KHMER_TITLE_TAIL = re.compile(
    r"^[\u1780-\u17ff]{0,30}?(?:តេជោ|ក្រុម(?:ព្រះ|ហ្លួង|ឃុន)|ធិបតី|បណ្ឌិត|សេនាបតី|ក្រឡាហោម|ពោធិសាល|សាស្ត្រាចារ្យ|"
    r"បណ្ឌិតសភាចារ្យ|ចារ្យ(?:រង)?|ឧកញ៉ា|ឧត្តមសេនីយ៍(?:ឯក|ទោ|ត្រី)?|សេនីយ៍(?:ឯក|ទោ|ត្រី))\s+"
)
_GENDERS = {
    fold_khmer_spelling(word).casefold(): gender
    for word, gender in HONORIFICS + KHMER_SPACED_HONORIFICS
}


def normalize(text):
    """``text`` in NFC with single spaces, for comparing names."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def split_honorific(text):
    """
    Return ``(honorific, name)``: “H.E. Dr Chin Malin” gives
    ``("H.E. Dr", "Chin Malin")``. A name with no honorific gives ``("", name)``.
    Khmer honorifics are read in either spelling of their subscripts.
    """
    text = normalize(text)
    honorifics = []
    while True:
        match = _HONORIFIC_PATTERN.match(fold_khmer_spelling(text))
        if not match or not text[match.end() :].strip():
            break
        honorific, text = text[: match.end()].strip(), text[match.end() :]
        glued = len(match[0]) == len(honorific)
        tail = KHMER_TITLE_TAIL.match(fold_khmer_spelling(text)) if glued else None
        if tail and text[tail.end() :].strip():
            honorific, text = honorific + text[: tail.end()].strip(), text[tail.end() :]
        honorifics.append(honorific)
    return " ".join(honorifics), text.strip()


def honorific_gender(honorific):
    """The gender an honorific implies (“Lok Chumteav”: a woman), or ""."""
    text = fold_khmer_spelling(normalize(honorific))
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
