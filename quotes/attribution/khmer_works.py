"""
Words a Khmer story quotes from a work or a document rather than from a
person: a line of a film or a song (“«…»។ នោះគឺជាឃ្លាមួយនៃភាពយន្ត …”), or a
document's words (“… លិខិតដែលមានខ្លឹមសារថា «…»”). The work is the source.
"""

import re

from .described import Attribution
from .khmer_words import SOURCE_HEAD, WORK_HEAD, at_boundary, fold

WORK_OF = re.compile(r"(?:នៃ|ក្នុង|របស់|ពី)\s*$")
WORK_END = re.compile(r"\s*(?:ដែល|បាន|ក៏|កាលពី|នៅថ្ងៃ|នៅឆ្នាំ|ហើយ)|[,។៖:;()]|\s{2}")
LINE_OWNER_END = re.compile(r"មាន|ដែល|បាន|របស់|[,។៖:;()\x00]|\s{2}")


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
