"""
The words the Khmer rules read by: speech verbs, the small words that end a
name, the heads of roles, organizations and descriptions, and pronouns.

Khmer is written without spaces between words (a space separates phrases),
and a word has several spellings: the subscript ta as ``្ត`` or ``្ដ``, “to,
for” as ``ឱ្យ``, ``ឲ្យ`` or ``អោយ``. ``fold`` gives a copy of a text with one
spelling of each, of the same length, so that a match in the copy is a slice
of the original. Every word below is written in the folded spelling.
"""

import functools
import re

from people.names import HONORIFICS, KHMER_SPACED_HONORIFICS, fold_khmer_spelling, is_khmer

from .remembered import remembered

INVISIBLE = re.compile("[\u200b\u200d\u2060\ufeff]")  # Word-break hints, not letters.
KHMER_LETTERS = re.compile(r"[\u1780-\u17d3\u17dd]")
LATIN_LETTERS = re.compile(r"[A-Za-z]")
# A name's letters in Latin script, accents included (“António”, “Zoë”).
# (Latin Extended and Vietnamese letters are not told apart by case: “Đặng”.)
CAPITAL = "[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u1e00-\u1eff]"
LOWER = "[a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f\u1e00-\u1eff'’\\-]"
LETTERS = "[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff'’\\-]"
# A Khmer word as a run of letters and signs: no digits, no ។ ៖ or other punctuation.
KHMER_RUN = r"[\u1780-\u17d3\u17dd]"
COENG = "\u17d2"
MARKS = re.compile(r"[\u17b6-\u17d3\u17dd]")


# A dependent vowel typed before a subscript consonant, where it belongs after.
MISPLACED_VOWEL = re.compile("([\u17b7-\u17c5])(\u17d2[\u1780-\u17a2])")


@remembered(maxsize=4096)
def fold(text):
    """
    ``text`` with one spelling of each variant, character for character;
    remembered, since every rule folds the same paragraphs again.
    """
    text = fold_khmer_spelling(text)  # ្ដ → ្ត, ្រ្ត → ្ត្រ
    # A vowel typed before the subscript it follows: “សមេ្តច” → “សម្តេច”.
    text = MISPLACED_VOWEL.sub(r"\2\1", text)
    return text.replace("\u17b2", "\u17b1").replace("អោយ", "ឱ្យ")  # ឲ → ឱ, អោយ → ឱ្យ


@remembered(maxsize=4096, longest=200, budget=100_000)
def name_key(name):
    """
    A name as compared with another: one spelling, no silent final subscript
    (ឥសាន្ដ, ឥសាន). Remembered: the cast compares each name with everyone's.
    """
    return re.sub(rf"{COENG}[\u1780-\u17a2](?=\s|$)", "", fold(name)).casefold()


def shortens(name, full):
    """
    Whether Khmer ``name`` is ``full`` with its given name shortened to its
    end or start, the family name kept: “ចេង ដូណា” for “ចេង ចាន់ដូណា”.
    """
    words, whole = name_key(name).split(), name_key(full).split()
    if len(words) != 2 or len(whole) != 2 or words[0] != whole[0] or words[1] == whole[1]:
        return False
    given, long_given = words[1], whole[1]
    # Whole syllables: “ដូណា” ends “ចាន់ដូណា”; “ដារ” does not start “ដារ៉ា”.
    end = long_given.endswith(given) and at_boundary(long_given, len(long_given) - len(given))
    start = long_given.startswith(given) and at_boundary(long_given, len(given))
    return bool(end or start) and len(given) >= 3


@remembered(maxsize=1024)
def is_khmer_text(text):
    """
    Whether ``text`` is written in Khmer: more Khmer letters than Latin ones.
    Asked of a paragraph for each quote in it: remembered, not counted again.
    """
    return len(KHMER_LETTERS.findall(text)) > len(LATIN_LETTERS.findall(text))


def at_boundary(text, index):
    """Whether a syllable may start at ``index``: not a vowel sign, not after a subscript mark."""
    if index <= 0 or index >= len(text):
        return True
    return not MARKS.match(text[index]) and text[index - 1] != COENG


def _words(text):
    return sorted({fold(word) for word in text.split()}, key=len, reverse=True)


def alternatives(words):
    return "|".join(re.escape(word) for word in words)


HONORIFIC_WORDS = _words(" ".join(word for word, _gender in HONORIFICS if is_khmer(word)))
# Honorifics only before a space: “នាយ គ្រឿន”, not “នាយក”.
SPACED_HONORIFIC_WORDS = _words(" ".join(word for word, _gender in KHMER_SPACED_HONORIFICS))

# Verbs that introduce or close a quote, without the past marker បាន. ប្រសាសន៍
# is often typed with ៏ for its last sign: that spelling is here too, since
# folding ៏ into ៍ everywhere would change ដ៏ (“very”).
SPEECH_VERBS = _words(
    """
    មានប្រសាសន៍ ប្រសាសន៍ មានប្រសាសន៏ ប្រសាសន៏
    មានបន្ទូល ថេរដីកា ព្រះរាជបន្ទូល និយាយ ថ្លែង បញ្ជាក់ ប្រាប់ សរសេរ បន្ថែម បន្ត លើកឡើង ពន្យល់
    ឆ្លើយ អះអាង សង្កត់ធ្ងន់ គូសបញ្ជាក់ ព្រមាន អំពាវនាវ រៀបរាប់ ប្រកាស ទទួលស្គាល់
    បរិយាយ ពិពណ៌នា រអ៊ូ តប ហៅ ចាត់ទុក ចោទប្រកាន់ ចោទ
    អត្ថាធិប្បាយ បញ្ចេញយោបល់ ផ្តល់យោបល់ ផ្តល់បទសម្ភាសន៍ ឆ្លើយសំណួរ សរសេរប្រាប់
    បដិសេធ ត្អូញត្អែរ សួរ បង្ហើប បញ្ចេញមតិ ពោល ណែនាំ រំលឹក ទទូច សារភាព
    បង្ហោះ យល់ឃើញ ជឿជាក់ រិះគន់ សម្តែង ឧទ្ទេស បោះពាក្យ ពិភាក្សា មើលឃើញ ឆ្លើយតប
    ប្តេជ្ញា សន្យា ទាមទារ ស្នើ ថ្កោលទោស គំរាម កត់សម្គាល់ បកស្រាយ ដាស់តឿន ផ្ញើសារ សរសើរ
    ផ្សព្វផ្សាយ
    """
)
# Verbs of thinking, short words inside many others, are speech only before ថា;
# so is “share” (ចែករំលែក, also spelled with ឡ), which shares joy or food too.
THINKING = r"(?:គិត|យល់|ជឿ|សង្ឃឹម|ចែករំ[លឡ]ែក)(?=\s*ថា)"
# “shout”, speech only before what is shouted: “ស្រែកខ្លាំងៗថា”, not “សំឡេងស្រែក”.
SHOUTING = r"ស្រែក(?=[\u1780-\u17dd]{0,12}?\s*ថា)"
# “let … know”: ឱ្យដឹង, ឱ្យអ្នកសារព័ត៌មានដឹង.
SPEECH_VERB = re.compile(
    rf"(?:{alternatives(SPEECH_VERBS)}|{THINKING}|{SHOUTING}|ឱ្យ{KHMER_RUN}{{0,30}}?ដឹង)"
)

# What introduces a quote, right before its opening mark: “… ថា «”, “X៖ «”.
INTRODUCED = re.compile(r"(?:ថា|[៖:])\s*$")
# “so, like this”, after a verb that gives the words before: “បានថ្លែងបែបនេះ”.
KHMER_SO = re.compile(r"បែបនេះ|ដូច្នេះ|យ៉ាងដូច្នេះ|ដូចនេះ|យ៉ាងនេះ")
# Auxiliaries between a speaker and the verb: “បាន”, “ក៏បាន”, “នៅតែ”.
AUXILIARIES = re.compile(
    r"(?:\s*(?:ដែល|ក៏|បាន|នៅតែ|ធ្លាប់|ត្រូវ|ហើយ|ផងដែរ|ដែរ|ទៀត|វិញ|ផ្ទាល់|នាំគ្នា|រួមគ្នា|ព្រមគ្នា))+\s*$"
)

# Roles: the words a person's title or description starts with.
ROLE_HEADS = _words(
    """
    អ្នកនាំពាក្យ អ្នក ប្រធាន អនុប្រធាន សហប្រធាន នាយក នាយិកា នាយករដ្ឋមន្ត្រី ឧបនាយករដ្ឋមន្ត្រី
    រដ្ឋមន្ត្រី រដ្ឋលេខាធិការ អនុរដ្ឋលេខាធិការ អគ្គលេខាធិការ លេខាធិការ អគ្គនាយក អគ្គស្នងការ
    អភិបាល ស្នងការ មេបញ្ជាការ មេភូមិ មេឃុំ ជំទប់ ចៅសង្កាត់ ចៅអធិការ មន្ត្រី សមាជិក តំណាងរាស្ត្រ
    ព្រះរាជអាជ្ញា ចៅក្រម មេធាវី គ្រូបង្រៀន គ្រូពេទ្យ វេជ្ជបណ្ឌិត កសិករ ពលរដ្ឋ ប្រជាពលរដ្ឋ
    កម្មករ កម្មការិនី និស្សិត សិស្ស ម្ចាស់ ជនរងគ្រោះ ជនសង្ស័យ ព្រះសង្ឃ ទីប្រឹក្សា ស្ថាបនិក
    សហស្ថាបនិក ប្រធានាធិបតី ឯកអគ្គរដ្ឋទូត មេប៉ូលិស ប៉ូលិស តំណាង បុគ្គលិក អតីត
    នាយឧត្តមសេនីយ៍ ឧត្តមសេនីយ៍ វរសេនីយ៍ អាជីវករ ឈ្មួញ សកម្មជន មេដឹកនាំ ភរិយា ស្វាមី
    ម្តាយ ឪពុក កូនប្រុស កូនស្រី បងប្រុស បងស្រី ប្អូនប្រុស ប្អូនស្រី ក្មួយ ចៅ ប្រពន្ធ ប្តី
    ស្ត្រី បុរស នារី យុវជន យុវតី ក្មេង អ្នកភូមិ សាក្សី វាគ្មិន ព្រះមហាក្សត្រ
    នាយទាហាន ពលទាហាន ទាហាន គ្រូបង្វឹក គ្រូបង្គោល កីឡាករ កីឡាការិនី កីឡាការនី អត្តពលិក ប្រមុខ
    តារាចម្រៀង តារាសម្តែង តារា អ្នកចម្រៀង អ្នកនិពន្ធ ខ្សែបម្រើ ខ្សែការពារ ខ្សែប្រយុទ្ធ
    អ៊ុំប្រុស អ៊ុំស្រី អុំប្រុស អុំស្រី ពិធីករ ពិធីការិនី ប្រភព នគរបាល ប្រជាជន មហាជន
    នាយប៉ុស្តិ៍ នាយរង គ្រូ ចាស់ទុំ កុងស៊ុល អគ្គកុងស៊ុល អគ្គសេនាធិការ ឧត្តមនាវីឯក
    អនុសេនីយ៍ ព្រឹន្ទបាល សេនាប្រមុខ
    """
)
# A head may carry a rank's prefix: “អគ្គមេបញ្ជាការរង”, “អនុមេបញ្ជាការ”, “ឧបសេនាប្រមុខ”.
RANKED_ROLE = rf"(?:អគ្គ|អនុ|ឧប)(?:{alternatives(sorted(ROLE_HEADS, key=len, reverse=True))})"
# Not “អ្នកណា” (who, anyone): a question, never a role.
ROLE_HEAD = re.compile(rf"(?!អ្នកណា)(?:{RANKED_ROLE}|{alternatives(ROLE_HEADS)})")
# Organizations: the words their names start with.
ORGANIZATION_HEADS = _words(
    """
    ក្រសួង គណបក្ស សមាគម អង្គការ ក្រុមហ៊ុន សហជីព រដ្ឋបាល តុលាការ សាលាដំបូង សាលាឧទ្ធរណ៍
    នាយកដ្ឋាន អគ្គនាយកដ្ឋាន មន្ទីរ ស្នងការដ្ឋាន អគ្គស្នងការដ្ឋាន ទីស្តីការគណៈរដ្ឋមន្ត្រី
    រដ្ឋសភា ព្រឹទ្ធសភា រដ្ឋាភិបាល គណៈកម្មាធិការ គណៈកម្មការ សាកលវិទ្យាល័យ វិទ្យាស្ថាន
    មជ្ឈមណ្ឌល ក្រុមប្រឹក្សា ធនាគារ សម្ព័ន្ធ បណ្តាញ អាជ្ញាធរ ការិយាល័យ អង្គភាព សហគមន៍
    វិទ្យុ ទូរទស្សន៍ កាសែត ក្រុមការងារ អគ្គលេខាធិការដ្ឋាន ទីភ្នាក់ងារ ស្ថានទូត
    កងទ័ព កងពល កងកម្លាំង កងរាជអាវុធហត្ថ ក្រុមបាល់ទាត់ សារព័ត៌មាន បណ្តាញសារព័ត៌មាន
    សមត្ថកិច្ច កម្លាំង យោធា
    """
)
ORGANIZATION_HEAD = re.compile(alternatives(ORGANIZATION_HEADS))
# Works whose words are quoted: a line of a film, a song, a book.
WORK_HEADS = _words("ខ្សែភាពយន្ត ភាពយន្ត បទចម្រៀង ចម្រៀង សៀវភៅ កំណាព្យ ស្នាដៃ")
WORK_HEAD = re.compile(alternatives(WORK_HEADS))
# Publications and documents quoted as such.
SOURCE_HEADS = _words(
    """
    សេចក្តីថ្លែងការណ៍ របាយការណ៍ លិខិត សារាចរ សេចក្តីប្រកាស សេចក្តីជូនដំណឹង
    សេចក្តីសម្រេច ដីកា សាលក្រម គេហទំព័រ ប្រកាស ពាក្យបណ្តឹង ទីក្រុង ប្រទេស វិមាន សេតវិមាន
    លោកខាងលិច
    """
    + " ".join(WORK_HEADS)
)
SOURCE_HEAD = re.compile(alternatives(SOURCE_HEADS))
# Countries and peoples, written after a title: “ប្រធានាធិបតីបារាំង”, not a first name.
COUNTRY = re.compile(
    alternatives(
        _words(
            "កម្ពុជា ខ្មែរ ថៃ វៀតណាម ឡាវ ចិន ជប៉ុន កូរ៉េ ឥណ្ឌា អាមេរិក សហរដ្ឋ បារាំង អង់គ្លេស "
            "អាល្លឺម៉ង់ រុស្ស៊ី អ៊ុយក្រែន អូស្ត្រាលី មីយ៉ាន់ម៉ា ម៉ាឡេស៊ី ឥណ្ឌូណេស៊ី ហ្វីលីពីន សិង្ហបុរី "
            "អាស៊ាន អ៊ីរ៉ង់ អ៊ីស្រាអែល ប៉ាឡេស្ទីន តួកគី"
        )
    )
)
# A crowd named by a run of kinship words (“លោកយាយ លោកតា ពុក ម៉ែ មា មីង
# បងប្អូន”, grandmas, grandpas, dads, moms, aunts, siblings): three or more
# at a clause's end are a group of people, never one person's name.
KINSHIP_CROWD = re.compile(
    r"(?:(?<=\s)|^)(?:(?:លោក|អ៊ំ|អុំ)?(?:យាយ|តា)|ពុក|ម៉ែ|ឪ|មា|មីង|ពូ|អ៊ំ|អុំ|បងប្អូន|កូនចៅ)"
    r"(?:\s+(?:(?:លោក|អ៊ំ|អុំ)?(?:យាយ|តា)|ពុក|ម៉ែ|ឪ|មា|មីង|ពូ|អ៊ំ|អុំ|បងប្អូន|កូនចៅ)){2,}\s*$"
)
# An audience: fans, supporters, the public, netizens, viewers; a group, never one person.
AUDIENCE_WORDS = (
    r"(?:ហ្វេន|អ្នកគាំទ្រ|មហាជន|ណេតធីហ្សិន|អ្នកទស្សនា|អ្នកតាមដាន|"
    r"អ្នក(?:លេង|ប្រើប្រាស់)(?:បណ្តាញសង្គម|ហ្វេសប៊ុក|តិកតុក))ៗ?"
)
# Right before the speech verb (“…ធ្វើឲ្យហ្វេនៗនិយាយលេងសើច «…»”), they speak, not
# the star named before them.
AUDIENCE = re.compile(rf"(?:(?<=\s)|(?<=ឲ្យ)|(?<=ឱ្យ)|(?<=អោយ)|(?<=ហើយ)|^){AUDIENCE_WORDS}\s*$")
GROUP_MARK = re.compile(rf"^(?:ក្រុម|ពួក|បណ្តា|អ្នកទាំង|ពលរដ្ឋទាំង|{AUDIENCE_WORDS})")
FEMALE_WORDS = re.compile(r"ស្ត្រី|អ៊ុំស្រី|អុំស្រី|នារី|យុវតី|ម្តាយ|ភរិយា|ប្រពន្ធ|កូនស្រី|បងស្រី|ប្អូនស្រី|យាយ|កម្មការិនី|ព្រះនាង")
MALE_WORDS = re.compile(r"បុរស|អ៊ុំប្រុស|អុំប្រុស|យុវជន|ឪពុក|ស្វាមី|ប្តី|កូនប្រុស|បងប្រុស|ប្អូនប្រុស|ព្រះសង្ឃ|លោកតា")

# Words that start no name: a name ends before them (“លោក ដារ៉ា បាន…”).
STOP_WORDS = _words(
    """
    បាន ក៏ នឹង ត្រូវ មិន ពុំ គ្មាន មាន ជា ដែល និង នៅ ថា ហើយ ពី ទៅ មក ឱ្យ កាល កាលពី ក្នុង
    លើ ដោយ សម្រាប់ ចំពោះ របស់ នៃ ផង ដែរ ទៀត ទាំង នេះ នោះ គឺ អាយុ រូប ម្នាក់ ក្រោយ មុន
    ពេល ខណៈ តែ ប៉ុន្តែ ព្រោះ ដើម្បី ធ្លាប់ កំពុង ទើប គាត់ ខ្លួន វា គេ ពួក យើង ខ្ញុំ ខេត្ត
    ស្រុក ភូមិ ឃុំ សង្កាត់ រាជធានី ថ្ងៃ ខែ ឆ្នាំ ព្រឹក ល្ងាច រសៀល យប់ ម្សិលមិញ ហៅ ឈ្មោះ
    ជាមួយ អំពី ដល់ ទទួល ចង់ អាច ដឹង ឃើញ ធ្វើ ចូលរួម អញ្ជើញ ដឹកនាំ រស់នៅ វិញ ផ្ទាល់ នា
    ក្លាយ ចេញ ស្លាប់ ផ្តល់ ប្រើ លែង ថ្មី ព្រមទាំង ហាក់ ចំណែក រីឯ ទោះ ម្យ៉ាង
    សប្បាយ រីករាយ ពេញចិត្ត ខកចិត្ត ព្រួយបារម្ភ ភ្ញាក់ផ្អើល
    """
)
STOP = re.compile(
    RANKED_ROLE
    + "|"
    + alternatives(
        sorted(
            set(STOP_WORDS + SPEECH_VERBS + ROLE_HEADS + ORGANIZATION_HEADS), key=len, reverse=True
        )
    )
)
# “very”, “too”: what ends a word told of someone, never a name.
PREDICATE_END = re.compile(r"(?:ណាស់|ពេក)$")
# Inside a word glued to a name, where the name ends: “ដារ៉ាបាននិយាយ”, “សុភ័គអ្នកនាំពាក្យ”.
GLUED_STOP = re.compile(
    alternatives(
        sorted(
            {word for word in SPEECH_VERBS + ROLE_HEADS + ORGANIZATION_HEADS if len(word) > 3}
            # “ឡោ សំណាងចង់ប្រកួត”: a verb of wanting or being about to, glued.
            | set(_words("បាន ដែល និង ជាមួយ អាយុ កាលពី ក៏បាន ដែលជា ក្នុងការ ចង់ កំពុង ធ្លាប់ ត្រូវ"))
            - set(_words("ចៅ តា ប្តី")),
            key=len,
            reverse=True,
        )
    )
)
# Family names spelt like a small word: “ជា” (Chea), “មាន” (Mean), “ពុំ” (Pum), “ហៅ” (Hao).
SURNAME_HOMOGRAPHS = frozenset(_words("ជា មាន ទេព ពុំ ហៅ"))

# Pronouns, and the gender each gives (“” either).
PRONOUNS = {"គាត់": "", "នាង": "f", "ព្រះអង្គ": "m", "ទ្រង់": ""}
# Honorifics that say only a gender: alone, each refers to anyone of it.
PLAIN_HONORIFICS = frozenset(_words("លោក លោកស្រី អ្នកស្រី កញ្ញា អ្នកនាង នាង") + SPACED_HONORIFIC_WORDS)
GROUP_PRONOUNS = frozenset(_words("ពួកគេ ពួកគាត់ ពួកលោក អ្នកទាំងនោះ លោកទាំងពីរ"))
PRONOUN = re.compile(alternatives(sorted(set(PRONOUNS) | GROUP_PRONOUNS, key=len, reverse=True)))
# Where a preceding word makes an honorific part of another word: ពិភពលោក (the world).
NOT_AN_HONORIFIC_AFTER = re.compile(r"(?:ពិភព|សកល|មនុស្ស|ទេវ|ឋាន|បរ|ព្រហ្ម|ពួក|អស់|ខែ)$")

# A social-media account, then its owner's name: “លើគណនីហ្វេសប៊ុក នួន អេឡិចស្តា”.
ACCOUNT = re.compile(
    r"(?:គណនី|ទំព័រ|ផេក)?(?:ហ្វេសប៊ុក|Facebook|តេឡេក្រាម|Telegram|TikTok|តិកតុក)\s*(?:មួយ\s*)?(?:ឈ្មោះ\s*)?"
)
# An account's @handle, Latin words up to the Khmer text: “@Amazing Asia cultural hub បាន…”.
HANDLE = re.compile(r"@(?P<handle>[A-Za-z0-9][A-Za-z0-9_.'’\- ]{1,40}?)(?=\s*[\u1780-\u17ff]|\s*$)")
# A work's title in Latin letters after what it is: “អ្នកនិពន្ធរឿង Silent និយាយថា”
# (the writer of the drama Silent said): the title, never who speaks.
AFTER_WORK = "".join(
    rf"(?<!{word} )" for word in ("រឿង", "រឿងភាគ", "បទ", "ភាពយន្ត", "សៀវភៅ", "កម្មវិធី", "ស៊េរី")
)
# A foreign name in Latin letters with no honorific, as the subject of a verb or
# after a role: “Moodt ប្រាប់ថា …”, “ពិធីការិនី Ma Ornapha ដែល …”.
LATIN_SUBJECT = re.compile(
    # Glued to the Khmer word before it too: “…ដែលMoodt និយាយ…”.
    rf"(?:^|(?<=[\s។៕៖:,(\u1780-\u17d3])){AFTER_WORK}"
    rf"(?P<name>{CAPITAL}{LOWER}+(?: {CAPITAL}{LOWER}+){{0,2}})"
    rf"(?= ?(?:បាន)?(?:{SPEECH_VERB.pattern})| (?:ជា|ដែល))"
)
LATIN_AFTER_ROLE = re.compile(
    rf"(?:{ROLE_HEAD.pattern}){KHMER_RUN}{{0,30}} "
    rf"(?P<name>{CAPITAL}{LOWER}+(?: {CAPITAL}{LOWER}+){{1,2}})"
)
# A foreign name opening a sentence, its role right after it: “Sara Lee អ្នកនិពន្ធ…”.
LATIN_BEFORE_ROLE = re.compile(
    rf"(?:^|(?<=[។៕!?]\s))(?P<name>{CAPITAL}{LOWER}+(?: {CAPITAL}{LOWER}+){{1,2}})"
    rf" (?={ROLE_HEAD.pattern})"
)
NOT_LATIN_NAMES = frozenset(
    _words(
        """
        Facebook Telegram TikTok YouTube Twitter Google Fresh News Post Times Radio Asia Daily
        Online Live Page Group Club Company Bank Party Team
        """
    )
)
# Vietnamese middle names (Thị, Văn) in Khmer letters: given names follow them.
VIETNAMESE_MIDDLE = frozenset({"ធី", "ធិ", "វ៉ាន់", "វ៉ាន"})


@functools.lru_cache(maxsize=32)
def folded_names(known_short):
    """The story's known names, each in one spelling (a frozenset, remembered)."""
    return frozenset(fold(word) for word in known_short)


@functools.lru_cache(maxsize=32)
def two_word_names(known):
    """The two-word names of the frozenset ``known``, as ``{first word: [(first, second)]}``."""
    index = {}
    for full in known:
        if full.count(" ") == 1:
            first, second = full.split(" ")
            index.setdefault(first, []).append([first, second])
    return index


def cut_to_known(found, known):
    """
    ``found`` with each two-word name that runs on past a full name the story
    gives elsewhere (the frozenset ``known``) cut back to it (“ហ៊ុន សែនព្រលះ…”
    after “ហ៊ុន សែន”): a glued word of a syllable or more, not a longer spelling
    (“ហេ”, “ហេង”). Only the names that share the first word are read.
    """
    cut = []
    index = two_word_names(known)
    for name, start, end in found:
        words = fold(name).split(" ")
        for full in index.get(words[-2], ()) if len(words) > 1 else ():
            rest = words[-1][len(full[1]) :] if words[-1].startswith(full[1]) else ""
            if words[-2:-1] == full[:1] and len(rest) >= 3 and at_boundary(words[-1], len(full[1])):
                name, end = name[: len(name) - len(rest)], end - len(rest)
                break
        cut.append((name, start, end))
    return cut


# Someone described, not named: “ស្ត្រីមួយរូប…”, “បុរសម្នាក់…”, or a number of people.
SOMEONE = re.compile(
    rf"(?:{ROLE_HEAD.pattern}){KHMER_RUN}{{0,20}}?(?:មួយរូប|ម្នាក់"
    # A number of them: “ពលរដ្ឋជាង ១០០ គ្រួសារ”, “កម្មករប្រមាណ ៥០០នាក់”.
    rf"|(?:ជាង|ប្រមាណ|ចំនួន|រាប់)?\s*[០-៩0-9][០-៩0-9,.]*\s*(?:នាក់|គ្រួសារ)"
    # Or of an age: “ស្ត្រីអាយុ៣៦ឆ្នាំ”, “បុរសវ័យ ៤០ ឆ្នាំ”.
    r"|(?P<aged>(?:អាយុ|វ័យ)\s*[០-៩0-9]{1,3}\s*ឆ្នាំ))"
)


# Titles that may stand for an honorific before a name, or after one.
TITLE_WORDS = re.compile(
    r"(?:អតីត)?(?:នាយករដ្ឋមន្ត្រី|ឧបនាយករដ្ឋមន្ត្រី|រដ្ឋមន្ត្រី|ប្រធានាធិបតី|ព្រះមហាក្សត្រ|ទណ្ឌិត|"
    r"ឯកអគ្គរដ្ឋទូត|អភិបាលខេត្ត|អភិបាលរាជធានី|ព្រះរាជអាជ្ញា|ចៅក្រម|មេធាវី|ឧត្តមសេនីយ៍|"
    r"តារាចម្រៀង|តារាសម្តែង|កីឡាករ|កីឡាការិនី|អត្តពលិក|អ្នកនិពន្ធ|គ្រូបង្វឹក|"
    # Epithets written as titles: “ស្រីស្រស់ ម៉ា នីកា”, “បវរកញ្ញា …”.
    r"ស្រីស្រស់|បវរកញ្ញា|កំពូលតារា)"
)
# “តារាវុទ្ធី”, a name; not “តារាចម្រៀង” (a singer) nor “តារា” alone (a star).
STAR_NAME = re.compile(r"តារា(?!ចម្រៀង|សម្តែង|កំប្លែង|ម៉ូឌែល|បាល់|ភាពយន្ត|ល្បី|វ័យ|ស្រី|ប្រុស|ក្រុម)(?=\S)")
# Small words that also open common given names: a stop only before another.
NAME_OPENINGS = frozenset({"វា"})
# A consonant closing the syllable before it (“ក់” in “នាក់”): no word starts there.
FINAL_CONSONANT = re.compile("[\u1780-\u17a2]\u17cb")
# A foreign name's Latin spelling after it: “… ហ្សន់ហ្សាឡេ ដាវីតសុន (Alex Gonzalez Davidson)”.
LATIN_GLOSS = re.compile(r" \((?=[A-Z][a-z])[A-Za-z'’.\- ]{3,60}\)")
# A person described, then named: “ស្ត្រីម្នាក់ឈ្មោះ ធីតា”.
# Or anyone, “one”, then named: “អាជីវករម្នាក់ឈ្មោះ រិទ្ធ”, whatever the noun or its spelling.
NAMED = re.compile(rf"(?:(?:{ROLE_HEAD.pattern}){KHMER_RUN}{{0,24}}?|ម្នាក់\s*)ឈ្មោះ\s*(?P<name>)")


def speech_verbs(folded):
    """A folded text's speech verbs, each a word of its own, none inside a title (តារាសម្តែង)."""
    verbs = [
        verb
        for verb in SPEECH_VERB.finditer(folded)
        if at_boundary(folded, verb.start())
        and at_boundary(folded, verb.end())
        and not folded.startswith("គឺ", verb.end())
    ]
    titles = [title.span() for title in ROLE_HEAD.finditer(folded)] if verbs else []
    return [verb for verb in verbs if not any(a < verb.start() < b for a, b in titles)]


def verb_run_start(verbs, folded):
    """
    Where the last speech verb starts, with any verb right before it: in
    “អ្នកស្រុករៀបរាប់ប្រាប់…ថា” (people recounted, telling …) both are the
    same people's verbs, and the speaker is before the first.
    """
    index = len(verbs) - 1
    while index and not folded[verbs[index - 1].end() : verbs[index].start()].strip():
        index -= 1
    return verbs[index].start()


def surname_homograph_ends(folded, word):
    """Whether ``word`` (“ជា”, “មាន”) ends a name: nothing a verb could take follows it."""
    after = folded[word.end() :].lstrip(" ")
    return word[0] in SURNAME_HOMOGRAPHS and (
        not after or after[0] in '៖:។,;!?«“"' or re.match(r"(?:ដែល|បាន|ក៏)", after) is not None
    )


# The longest a title or a subheading runs: a longer paragraph without a full
# stop is a lead that lost it.
HEADLINE_LENGTH = 400


def is_headline(number, text):
    """Whether Khmer paragraph ``number`` reads as a title or a subheading: short, no full stop."""
    return (
        number <= 2
        and len(text) <= HEADLINE_LENGTH
        and is_khmer_text(text)
        and not re.search(r"[។៕]", text)
    )
