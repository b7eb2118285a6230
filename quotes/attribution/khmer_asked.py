"""
A speaker who asks another party to act between the name and the speech verb
(“X … ស្នើឱ្យកម្មវិធី Y … សុំទោស … ដោយបានលើកឡើងថា «…»”): the words may be
the other party's, the ones X objected to, so the reading is checked, not sure.
"""

import re

from .khmer_words import fold

REQUEST = re.compile(r"(?:ស្នើ(?:សុំ)?|ទាមទារ|អំពាវនាវ|បង្គាប់|បញ្ជា|សុំ)\s*(?:ឱ្យ|ឲ្យ|អោយ)")


def asked_another(clause, verbs, found):
    """Whether ``clause``, up to its last speech verb, asks another party to act after ``found``."""
    if found.kind != "name" or not verbs:
        return False
    folded, written = fold(clause[: verbs[-1].start()]), fold(found.text)
    at = folded.rfind(written)
    return at >= 0 and REQUEST.search(folded, at + len(written)) is not None
