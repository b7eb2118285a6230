"""
Words a Khmer story quotes from a work or a document rather than from a
person: a line of a film or a song (“«…»។ នោះគឺជាឃ្លាមួយនៃភាពយន្ត …”), or a
document's words (“… លិខិតដែលមានខ្លឹមសារថា «…»”). The work is the source.
"""

import re

from .described import Attribution
from .khmer_words import SOURCE_HEAD, WORK_HEAD, alternatives, at_boundary, fold
from .spans import ANY_PLACEHOLDER

WORK_OF = re.compile(r"(?:នៃ|ក្នុង|របស់|ពី)\s*$")
WORK_END = re.compile(r"\s*(?:ដែល|បាន|ក៏|កាលពី|នៅថ្ងៃ|នៅឆ្នាំ|ហើយ)|[,។៖:;()]|\s{2}")
# A campaign's or programme's name in «»: “យុទ្ធនាការ «ផ្ទះ១ អំពូល១»”.
NAMED_THING = re.compile(r"(?:យុទ្ធនាការ|កម្មវិធី|បាវចនា|ស្លោក|ស្លូហ្គែន|ចលនា)\s*$")
# Words that name the quoted words rather than quote someone: a title, a name, a
# term or slogan (“ដាក់ពាក្យថា «…»”; not a spokesman, “អ្នកនាំពាក្យ”, nor “ដោយពាក្យថា”,
# nor a caption someone writes, “សរសេរចំណងជើងថា”).
NAMING = re.compile(
    r"(?:(?<!សរសេរ)ចំណងជើង|រហស្សនាម|ហៅក្រៅ|ឈ្មោះ|ស្លាកសញ្ញា|(?<!នាំ)(?<!ដោយ)ពាក្យ|គេហៅ|ហៅកាត់|ដែលហៅ|ហៅ)\s*(?:ថា)?\s*(?:ជា)?\s*$"
    r"|(?<!សរសេរ)ចំណងជើង\s*[៖:]\s*$"
)
INTRODUCES = re.compile(r"(?:ថា|ថាជា|៖|:|ដូច្នេះ|ដូចតទៅ|បែបនេះ|យ៉ាងដូច្នេះ)\s*[៖:]?\s*$")
LINE_OWNER_END = re.compile(r"មាន|ដែល|បាន|របស់|[,។៖:;()\x00]|\s{2}")
# Documents that speak as the subject of a sentence: not a city nor a country.
DOCUMENTS = """
    សេចក្តីថ្លែងការណ៍ របាយការណ៍ លិខិត សារាចរ សេចក្តីប្រកាស សេចក្តីជូនដំណឹង សេចក្តីសម្រេច
    ពាក្យបណ្តឹង
"""
# “(យោង)តាមសេចក្តីថ្លែងការណ៍ … បានបញ្ជាក់ថា”, “ក្នុងសេចក្តីថ្លែងការណ៍បញ្ជាក់ថា”.
STATED_IN = re.compile(
    rf"(?:(?:យោង|បើ)\s*)?(?:តាម|ក្នុង)\s*(?P<document>{alternatives(fold(DOCUMENTS).split())})"
)
# A document's name ends before a date, a place or a verb.
DOCUMENT_END = re.compile(r"\s+(?:នា|នៅ|ចុះ|កាលពី|ដែល)|\s*(?:បាន|ក៏)|[,។៖:;()\x00]|\s{2}")


def work(text):
    """
    The work named in “«…»។ នោះគឺជាឃ្លាមួយនៃភាពយន្ត …” (a line of a film, a
    song, a book): the words are the work's, as a source.
    """
    folded = fold(text)
    for match in WORK_HEAD.finditer(folded):
        if at_boundary(folded, match.start()) and WORK_OF.search(folded[: match.start()]):
            end = WORK_END.search(folded, match.end())
            named = text[match.start() : end.start() if end else None].strip()
            return Attribution("description", named, how="sentence")
    return None


def line_owner(text):
    """
    The work or document whose line a sentence quotes (“បទចម្រៀង «តប់» របស់
    តារាចម្រៀង X ដែលមានឃ្លាថា «…»”): the song's words, not the singer's.
    """
    folded = fold(text)
    for head in SOURCE_HEAD.finditer(folded):
        if at_boundary(folded, head.start()):
            end = LINE_OWNER_END.search(folded, head.end())
            owner = text[head.start() : end.start() if end else None].strip()
            return Attribution("description", owner, how="sentence")
    return None


def stated_in(clause):
    """
    The document a clause naming nobody gives as the words' source
    (“យោងតាមសេចក្តីថ្លែងការណ៍របស់អ្នកនាំពាក្យក្រសួង… បានបញ្ជាក់ថា”): a guess.
    """
    folded = fold(clause)
    match = STATED_IN.search(folded)
    if match is None or not at_boundary(folded, match.start()):
        return None
    end = DOCUMENT_END.search(folded, match.end())
    named = clause[match.start("document") : end.start() if end else None].strip()
    return Attribution("description", named, how="sentence")


def document_over(found, lead):
    """
    The document a description is the writer of (“តាមលិខិតរបស់ អ្នកនាំពាក្យ… បញ្ជាក់ថា”:
    the spokesman's letter), in place of the description; else ``found``.
    """
    if found is None or found.kind != "description":
        return found
    return stated_in(lead) or found


def names_a_thing(words, before):
    """Whether short Khmer ``words`` in «» right after “យុទ្ធនាការ” (a campaign) are its name."""
    short = len(words.strip()) <= 25 and not re.search(r"[។៕!?]$", words.strip())
    return short and bool(NAMED_THING.search(fold(before)))


def named_as_thing(words, paragraphs):
    """Whether the story names ``words`` as a campaign or programme (“យុទ្ធនាការ «…»”) anywhere."""
    head = NAMED_THING.pattern.removesuffix(r"\s*$")
    named = re.compile(rf"{head}\s*[«“\"]\s*{re.escape(fold(words).strip())}")
    return any(named.search(fold(text)) for text in paragraphs)


def is_scare_quote(words, sentence, before=""):
    """
    A few Khmer words in «» inside a sentence that says nobody says them: a
    name or a term, not a quote. A quote opening its sentence, or introduced
    by ``ថា`` or ``៖`` (“X៖ «…»”) and not named by them, is a quote.
    """
    words = words.strip()
    opens = re.match(r"[\s\u17d4-\u17da]*\x00", sentence)
    introducer = None if NAMING.search(fold(before)) else INTRODUCES.search(fold(before))
    after = ANY_PLACEHOLDER.sub("", sentence[len(before) :], count=1).strip(" ។៕!?")
    # Not “អត្ថាធិប្បាយ៖ «…» មិនមែន…”: a section's label, then a term.
    introduced = introducer and not (introducer[0].strip() in "៖:" and after)
    return not opens and not introduced and len(words) <= 25 and not re.search(r"[។៕!?]$", words)
